package cn.xiaoben.credit.requirement;

import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.validation.constraints.NotNull;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Which requirement groups a teacher belongs to (collection {@code teacher_groups}): new teacher (新教师, probation
 * training) and class teacher (班主任). The directory does not say; the teacher's school sets it. Default: neither.
 */
@Service
public class TeacherGroups {

    static final String COLLECTION = "teacher_groups";

    private final MongoCollection<Document> groups;
    private final DirectoryReplica directory;
    private final Clock clock;

    public TeacherGroups(MongoDatabase database, DirectoryReplica directory, Clock clock) {
        this.groups = database.getCollection(COLLECTION);
        this.directory = directory;
        this.clock = clock;
    }

    public Groups of(String teacherId) {
        Document d = groups.find(Filters.eq("_id", teacherId)).first();
        return d == null ? Groups.NONE : new Groups(Boolean.TRUE.equals(d.getBoolean("newTeacher")),
                Boolean.TRUE.equals(d.getBoolean("classTeacher")));
    }

    public View set(Caller caller, String teacherId, Request request) {
        if (!caller.hasAnyOf(Role.SCHOOL_ADMIN, Role.SCHOOL_SYSTEM) || caller.schoolId() == null) {
            throw ApiProblem.forbidden("Only the teacher's school (SCHOOL_ADMIN or the school system) sets the groups.",
                    "只有教师所在学校（学校管理员或学校系统）可以设置教师类别。");
        }
        TeacherRef teacher = directory.reachableTeacher(caller, teacherId);
        Instant now = clock.instant();
        Document doc = new Document("_id", teacherId).append("schoolId", teacher.schoolId())
                .append("districtId", teacher.districtId()).append("newTeacher", request.newTeacher())
                .append("classTeacher", request.classTeacher()).append("updatedBy", caller.subject())
                .append("updatedAt", Date.from(now));
        groups.replaceOne(Filters.eq("_id", teacherId), doc, new ReplaceOptions().upsert(true));
        return new View(teacherId, teacher.schoolId(), request.newTeacher(), request.classTeacher(), caller.subject(),
                now);
    }

    public record Groups(boolean newTeacher, boolean classTeacher) {
        static final Groups NONE = new Groups(false, false);

        public boolean includes(cn.xiaoben.credit.ruleset.RuleSet.TeacherGroup group) {
            return switch (group) {
                case ALL -> true;
                case NEW_TEACHER -> newTeacher;
                case CLASS_TEACHER -> classTeacher;
            };
        }
    }

    public record Request(@NotNull Boolean newTeacher, @NotNull Boolean classTeacher) {
    }

    public record View(String teacherId, String schoolId, boolean newTeacher, boolean classTeacher, String updatedBy,
                       Instant updatedAt) {
    }
}
