package cn.xiaoben.activity.session;

import cn.xiaoben.contracts.SchoolTerm;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a subject group's 出勤表 for a term from the group's HELD sessions in {@code pd_sessions} (those planned for
 * the group, {@code subjectGroupId}, dated in the term) and the group's current teachers in the directory replica.
 *
 * <p>Duties (DOMAIN.md): themed sessions = held sessions of form THEMED_RESEARCH, ≥ 6; group meetings = every held
 * session of the group, whatever its form, ≥ 3. The replica does not know who leads a group and no session form
 * is "group meeting", so a meeting is any session the group held together (a themed session is one too); the
 * sheet states this rule in {@code duties.groupMeetings.counts}.
 */
@Service
class GroupAttendanceSheets {

    private final MongoCollection<Document> sessions;
    private final DirectoryReplica directory;
    private final Clock clock;

    GroupAttendanceSheets(MongoDatabase database, DirectoryReplica directory, Clock clock) {
        this.sessions = database.getCollection(Sessions.COLLECTION);
        this.directory = directory;
        this.clock = clock;
    }

    GroupAttendanceSheet sheet(Caller caller, String groupId, String termName) {
        SchoolTerm term = termName == null ? SchoolTerm.current(clock)
                : SchoolTerm.tryParse(termName).orElseThrow(() -> ApiProblem.invalidField("term", "invalid-term",
                "term must be a school term such as 2026-2027-1 (1 = September–January, 2 = February–August).",
                "term 须为学期，如 2026-2027-1（1 为 9 月至次年 1 月，2 为 2 月至 8 月）。"));
        Document group = directory.collection(DirectoryReplica.GROUPS).find(Filters.eq("_id", groupId)).first();
        if (group == null || group.getString("schoolId") == null) {
            throw ApiProblem.notFound("Subject group", "教研组", groupId);
        }
        directory.reachableSchool(caller, group.getString("schoolId"));

        List<Document> held = sessions.find(Filters.and(Filters.eq("subjectGroupId", groupId),
                        Filters.eq("status", SessionStatus.HELD.name()),
                        Filters.gte("date", term.firstDay().toString()),
                        Filters.lt("date", term.endExclusive().toString())))
                .sort(Sorts.ascending("plannedStartInstant", "_id")).into(new ArrayList<>());
        List<Document> teachers = directory.collection(DirectoryReplica.TEACHERS)
                .find(Filters.eq("subjectGroupId", groupId)).sort(Sorts.ascending("_id")).into(new ArrayList<>());

        List<GroupAttendanceSheet.SessionColumn> columns = new ArrayList<>();
        List<Map<String, Document>> records = new ArrayList<>();
        int themed = 0;
        for (Document s : held) {
            columns.add(new GroupAttendanceSheet.SessionColumn(s.getString("_id"), s.getString("date"),
                    s.getString("form"), s.getString("level"), s.getString("topic"), s.getString("hostId"),
                    s.getString("hostName"), Sessions.plannedMinutes(s)));
            Map<String, Document> byTeacher = new HashMap<>();
            Sessions.attendance(s).forEach(r -> byTeacher.put(r.getString("teacherId"), r));
            records.add(byTeacher);
            if (SessionForm.THEMED_RESEARCH.name().equals(s.getString("form"))) {
                themed++;
            }
        }

        List<GroupAttendanceSheet.TeacherRow> rows = new ArrayList<>();
        for (Document t : teachers) {
            String teacherId = t.getString("_id");
            List<GroupAttendanceSheet.Cell> cells = new ArrayList<>();
            int onList = 0, attended = 0, late = 0, absent = 0, excused = 0, hosted = 0, minutes = 0;
            for (Map<String, Document> byTeacher : records) {
                Document r = byTeacher.get(teacherId);
                if (r == null) {
                    cells.add(null);
                    continue;
                }
                int m = r.getInteger("attendedMinutes", 0);
                cells.add(new GroupAttendanceSheet.Cell(r.getString("role"), r.getString("mark"), m));
                onList++;
                minutes += m;
                if ("HOST".equals(r.getString("role"))) {
                    hosted++;
                }
                switch (AttendanceMark.valueOf(r.getString("mark"))) {
                    case PRESENT -> attended++;
                    case LATE -> {
                        attended++;
                        late++;
                    }
                    case ABSENT -> absent++;
                    case EXCUSED -> excused++;
                }
            }
            rows.add(new GroupAttendanceSheet.TeacherRow(teacherId, t.getString("name"), cells,
                    new GroupAttendanceSheet.Totals(onList, attended, late, absent, excused, hosted, minutes)));
        }

        GroupAttendanceSheet.Duties duties = new GroupAttendanceSheet.Duties(
                new GroupAttendanceSheet.Duty(themed, GroupAttendanceSheet.THEMED_REQUIRED,
                        themed >= GroupAttendanceSheet.THEMED_REQUIRED,
                        "held sessions of the group with form THEMED_RESEARCH (主题教研) in the term"),
                new GroupAttendanceSheet.Duty(held.size(), GroupAttendanceSheet.MEETINGS_REQUIRED,
                        held.size() >= GroupAttendanceSheet.MEETINGS_REQUIRED,
                        "every held session of the group in the term, whatever its form (教研组活动)"));
        return new GroupAttendanceSheet(groupId, group.getString("name"), group.getString("subject"),
                group.getString("schoolId"), term.name(), term.nameZh(), term.firstDay(), term.endExclusive(),
                columns, rows, duties);
    }
}
