package cn.xiaoben.activity.session;

import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenantScope;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A school's fixed weekly PD time per subject group (每周固定研修时间), and the planned sessions made from it. Planning
 * is idempotent: a slot's session on a date has the id {@code ses-<slotId>-<yyyyMMdd>}, so it is created once.
 */
@Service
public class WeeklySlots {

    static final String COLLECTION = "pd_weekly_slots";
    private static final int MAX_PLAN_DAYS = 190;

    private final MongoCollection<Document> slots;
    private final Sessions sessions;
    private final DirectoryReplica directory;

    public WeeklySlots(MongoDatabase database, Sessions sessions, DirectoryReplica directory) {
        this.slots = database.getCollection(COLLECTION);
        this.sessions = sessions;
        this.directory = directory;
    }

    @PostConstruct
    void indexes() {
        slots.createIndex(Indexes.ascending("schoolId"));
    }

    public Document add(Caller caller, String schoolId, SessionRequests.WeeklySlot request) {
        SchoolRef school = requireSchoolStaff(caller, schoolId);
        Document group = directory.collection(DirectoryReplica.GROUPS).find(Filters.eq("_id", request.subjectGroupId()))
                .first();
        if (group == null || !schoolId.equals(group.getString("schoolId"))) {
            throw ApiProblem.unprocessable("group-unknown", "subjectGroupId",
                    "Subject group " + request.subjectGroupId() + " is not a group of school " + schoolId + ".",
                    "教研组 " + request.subjectGroupId() + " 不是学校 " + schoolId + " 的教研组。");
        }
        TeacherRef host = directory.teacher(request.hostId()).filter(t -> t.schoolId().equals(schoolId))
                .orElseThrow(() -> ApiProblem.unprocessable("teacher-not-in-school", "hostId",
                        "Teacher " + request.hostId() + " is not a teacher of school " + schoolId + ".",
                        "教师 " + request.hostId() + " 不是本校教师。"));
        SessionForm form = request.form() == null ? SessionForm.COLLECTIVE_PREPARATION : request.form();
        if (!SessionFormRules.WEEKLY.contains(form)) {
            throw ApiProblem.invalidField("form", "form-not-weekly",
                    "A weekly slot plans THEMED_RESEARCH, COLLECTIVE_PREPARATION or SALON sessions; plan a " + form
                            + " session by hand with its own fields.",
                    "每周固定研修时间只能安排主题教研、集体备课或专题沙龙；" + SessionFormRules.formZh(form)
                            + "活动请单独安排并填写其专门信息。");
        }
        String topic = request.topic() == null || request.topic().isBlank()
                ? group.getString("name") + "每周校本研修" : request.topic();
        Document slot = new Document("_id", "slot-" + UUID.randomUUID().toString().substring(0, 13))
                .append("districtId", school.districtId()).append("townshipId", school.townshipId())
                .append("schoolId", schoolId).append("subjectGroupId", request.subjectGroupId())
                .append("groupName", group.getString("name"))
                .append("dayOfWeek", request.dayOfWeek().name()).append("start", request.start().toString())
                .append("durationMinutes", request.durationMinutes()).append("place", request.place())
                .append("hostId", host.teacherId()).append("form", form.name()).append("topic", topic)
                .append("createdAt", Date.from(sessions.clock().instant()));
        slots.insertOne(slot);
        return slot;
    }

    public List<Document> list(Caller caller, String schoolId) {
        directory.reachableSchool(caller, schoolId);
        return slots.find(Filters.eq("schoolId", schoolId)).into(new ArrayList<>());
    }

    public Planned plan(Caller caller, String schoolId, LocalDate from, LocalDate to) {
        requireSchoolStaff(caller, schoolId);
        if (to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "to-before-from", "'to' must not be before 'from'.", "结束日期不能早于开始日期。");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_PLAN_DAYS) {
            throw ApiProblem.invalidField("to", "range-too-long", "Plan at most " + MAX_PLAN_DAYS + " days at once.",
                    "一次最多安排 " + MAX_PLAN_DAYS + " 天。");
        }
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (Document slot : slots.find(Filters.eq("schoolId", schoolId))) {
            TeacherRef host = directory.teacher(slot.getString("hostId")).orElse(null);
            if (host == null || !schoolId.equals(host.schoolId())) {
                continue; // the host left the school: the slot needs a new host before it plans anything
            }
            DayOfWeek day = DayOfWeek.valueOf(slot.getString("dayOfWeek"));
            List<TeacherRef> members = new ArrayList<>();
            directory.collection(DirectoryReplica.TEACHERS).find(Filters.and(Filters.eq("schoolId", schoolId),
                    Filters.eq("subjectGroupId", slot.getString("subjectGroupId")))).forEach(t -> {
                if (!t.getString("_id").equals(host.teacherId())) {
                    directory.teacher(t.getString("_id")).ifPresent(members::add);
                }
            });
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                if (date.getDayOfWeek() != day) {
                    continue;
                }
                String id = "ses-" + slot.getString("_id") + "-" + date.format(DateTimeFormatter.BASIC_ISO_DATE);
                OffsetDateTime start = date.atTime(LocalTime.parse(slot.getString("start")))
                        .atZone(cn.xiaoben.contracts.PlatformTime.ZONE).toOffsetDateTime();
                SessionForm form = SessionForm.valueOf(slot.getString("form"));
                Document doc = sessions.newSession(id, host, slot.getString("subjectGroupId"), form,
                        ActivityLevel.SCHOOL, slot.getString("topic"), slot.getString("place"), start,
                        start.plusMinutes(slot.getInteger("durationMinutes")), members, slot.getString("_id"),
                        SessionDetails.weekly(form, host.teacherId()));
                doc.append("idempotency", new Document("key", schoolId + "/plan-" + id).append("fingerprint", id));
                try {
                    sessions.collection().insertOne(doc);
                    created.add(id);
                    sessions.publishSoon(id);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    existing.add(id);
                }
            }
        }
        return new Planned(created, existing);
    }

    /** The sessions created by this call and those that already existed for the same slot and date. */
    public record Planned(List<String> created, List<String> existing) {
    }

    private SchoolRef requireSchoolStaff(Caller caller, String schoolId) {
        SchoolRef school = directory.reachableSchool(caller, schoolId);
        if (caller.scope() != TenantScope.SCHOOL
                || !caller.hasAnyOf(Role.SCHOOL_ADMIN, Role.SCHOOL_SYSTEM, Role.GROUP_LEAD)) {
            throw ApiProblem.forbidden("Only the school (its system, administrators or group leads) sets its weekly PD time.",
                    "只有学校（学校系统、管理人员或教研组长）可以设置本校的每周研修时间。");
        }
        return school;
    }
}
