package cn.xiaoben.identity.directory.teacher;

import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.directory.DirectoryCollections;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The teachers collection: where each teacher is now, and the school's roster page by page. */
public class TeacherStore {

    private final MongoCollection<Document> teachers;

    public TeacherStore(MongoDatabase database) {
        this.teachers = database.getCollection(DirectoryCollections.TEACHERS);
        teachers.createIndex(Indexes.ascending("schoolId", "registeredAt"));
        IdempotentInserts.ensureIndex(teachers);
    }

    public MongoCollection<Document> collection() {
        return teachers;
    }

    public Optional<TeacherView> find(String teacherId) {
        return Optional.ofNullable(teachers.find(Filters.eq("_id", teacherId)).first()).map(TeacherStore::view);
    }

    public List<TeacherView> page(String schoolId, int page, int size) {
        List<TeacherView> result = new ArrayList<>();
        teachers.find(Filters.eq("schoolId", schoolId))
                .sort(Sorts.ascending("registeredAt", "_id"))
                .skip(page * size).limit(size)
                .forEach(d -> result.add(view(d)));
        return result;
    }

    public long count(String schoolId) {
        return teachers.countDocuments(Filters.eq("schoolId", schoolId));
    }

    static TeacherView view(Document d) {
        return new TeacherView(d.getString("_id"), d.getString("schoolId"), d.getString("townshipId"),
                d.getString("districtId"), d.getString("name"), d.getString("gender"), d.getString("subject"),
                d.getString("subjectGroupId"), d.getString("title"), d.getInteger("birthYear"),
                Dates.toInstant(d.getDate("registeredAt")));
    }
}
