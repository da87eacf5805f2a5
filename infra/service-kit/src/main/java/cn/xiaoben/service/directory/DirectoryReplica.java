package cn.xiaoben.service.directory;

import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.Optional;

/**
 * This service's own copy of the directory (townships, schools, subject groups, teachers), kept from the identity
 * service's events; no service asks another one synchronously. See {@link DirectoryEventHandlers}.
 */
public class DirectoryReplica {

    public static final String TOWNSHIPS = "directory_townships";
    public static final String SCHOOLS = "directory_schools";
    public static final String GROUPS = "directory_groups";
    public static final String TEACHERS = "directory_teachers";

    private final MongoDatabase database;

    public DirectoryReplica(MongoDatabase database) {
        this.database = database;
        collection(TEACHERS).createIndex(com.mongodb.client.model.Indexes.ascending("schoolId"));
        collection(SCHOOLS).createIndex(com.mongodb.client.model.Indexes.ascending("townshipId"));
    }

    public Optional<SchoolRef> school(String schoolId) {
        Document d = collection(SCHOOLS).find(Filters.eq("_id", schoolId)).first();
        return Optional.ofNullable(d).map(s -> new SchoolRef(s.getString("_id"), s.getString("townshipId"),
                s.getString("districtId")));
    }

    public Optional<Document> schoolDocument(String schoolId) {
        return Optional.ofNullable(collection(SCHOOLS).find(Filters.eq("_id", schoolId)).first());
    }

    public Optional<TeacherRef> teacher(String teacherId) {
        Document d = collection(TEACHERS).find(Filters.eq("_id", teacherId)).first();
        return Optional.ofNullable(d).map(t -> new TeacherRef(t.getString("_id"), t.getString("name"),
                t.getString("subject"), t.getString("subjectGroupId"), t.getString("schoolId"),
                t.getString("townshipId"), t.getString("districtId")));
    }

    /** The teacher's birth year as registered (null when the school did not give it). */
    public Optional<Integer> birthYear(String teacherId) {
        Document d = collection(TEACHERS).find(Filters.eq("_id", teacherId)).first();
        return Optional.ofNullable(d).map(t -> t.getInteger("birthYear"));
    }

    /** The school, if the caller may reach it: 404 when unknown, 403 when out of scope. */
    public SchoolRef reachableSchool(Caller caller, String schoolId) {
        TenancyGuard.requireSameSchoolIfSchoolScoped(caller, schoolId);
        SchoolRef school = school(schoolId).orElseThrow(() -> ApiProblem.notFound("School", "学校", schoolId));
        TenancyGuard.requireReach(caller, school);
        return school;
    }

    /** The teacher, if the caller may reach their current school: 404 when unknown, 403 when out of scope. */
    public TeacherRef reachableTeacher(Caller caller, String teacherId) {
        TeacherRef teacher = teacher(teacherId).orElseThrow(() -> ApiProblem.notFound("Teacher", "教师", teacherId));
        TenancyGuard.requireReach(caller, teacher.school());
        return teacher;
    }

    /** The teacher a request names: 422 {@code teacher-unknown} if this service has not (yet) heard of them. */
    public TeacherRef knownTeacher(String teacherId, String field) {
        return teacher(teacherId).orElseThrow(() -> ApiProblem.unprocessable("teacher-unknown", field,
                "Teacher " + teacherId + " is not known (yet). If you just registered them, retry shortly.",
                "教师 " + teacherId + " 尚未登记（如刚刚登记，请稍后重试）。"));
    }

    /** The teacher a request names, who must work at the caller's school: 422 {@code teacher-not-in-school} if not. */
    public TeacherRef teacherOfCallersSchool(Caller caller, String teacherId, String field) {
        TeacherRef teacher = knownTeacher(teacherId, field);
        if (!teacher.schoolId().equals(caller.schoolId())) {
            throw ApiProblem.unprocessable("teacher-not-in-school", field,
                    "Teacher " + teacherId + " does not belong to your school.", "教师 " + teacherId + " 不属于本校。");
        }
        return teacher;
    }

    public long teacherCount(String schoolId) {
        return collection(TEACHERS).countDocuments(Filters.eq("schoolId", schoolId));
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }
}
