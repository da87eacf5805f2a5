package cn.xiaoben.activity.session;

import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.service.web.SpreadsheetText;
import cn.xiaoben.service.idempotency.CreatedResponses;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.PageResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/activities")
class SessionController {

    static final String CSV = "text/csv";

    private final Sessions sessions;
    private final WeeklySlots slots;

    SessionController(Sessions sessions, WeeklySlots slots) {
        this.sessions = sessions;
        this.slots = slots;
    }

    @PostMapping(value = "/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SessionView> create(Caller caller, @Valid @RequestBody SessionRequests.Create request,
                                       @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                       String idempotencyKey) {
        IdempotentInserts.Outcome outcome = sessions.create(caller, request, idempotencyKey);
        SessionView view = SessionView.of(outcome.document());
        return CreatedResponses.created("/api/activities/sessions/" + view.id(), outcome, view);
    }

    @GetMapping("/sessions/{id}")
    SessionView find(Caller caller, @PathVariable String id) {
        return SessionView.of(sessions.find(caller, id));
    }

    @GetMapping("/sessions")
    PageResponse<SessionView> list(Caller caller,
                                   @RequestParam(required = false) String schoolId,
                                   @RequestParam(required = false) String groupId,
                                   @RequestParam(required = false) SessionStatus status,
                                   @RequestParam(required = false) SessionForm form,
                                   @RequestParam(required = false) ActivityLevel level,
                                   @RequestParam(required = false) HostUnit hostUnit,
                                   @RequestParam(required = false) String teacherId,
                                   @RequestParam(required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                   @RequestParam(required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                   @RequestParam(defaultValue = "oldest") @Pattern(regexp = "oldest|newest") String sort,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return sessions.list(caller, new SessionQuery(schoolId, groupId, status, form, level, hostUnit, teacherId,
                from, to, sort, page, size));
    }

    @PostMapping("/sessions/{id}/open")
    CodeView open(Caller caller, @PathVariable String id) {
        return CodeView.of(sessions.open(caller, id));
    }

    @PostMapping(value = "/sessions/{id}/codes", consumes = MediaType.APPLICATION_JSON_VALUE)
    CodeView newCode(Caller caller, @PathVariable String id, @Valid @RequestBody SessionRequests.NewCode request) {
        return CodeView.of(sessions.newCode(caller, id, request.purpose()));
    }

    @PostMapping(value = "/sessions/{id}/check-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView.Attendance checkIn(Caller caller, @PathVariable String id,
                                   @Valid @RequestBody SessionRequests.Code request) {
        return mine(sessions.checkIn(caller, id, request.code()), caller.teacherId());
    }

    @PostMapping(value = "/sessions/{id}/check-out", consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView.Attendance checkOut(Caller caller, @PathVariable String id,
                                    @Valid @RequestBody SessionRequests.Code request) {
        return mine(sessions.checkOut(caller, id, request.code()), caller.teacherId());
    }

    @PostMapping("/sessions/{id}/close")
    SessionView close(Caller caller, @PathVariable String id) {
        return SessionView.of(sessions.close(caller, id));
    }

    @PostMapping("/sessions/{id}/cancel")
    SessionView cancel(Caller caller, @PathVariable String id,
                       @Valid @RequestBody(required = false) SessionRequests.Cancel request) {
        return SessionView.of(sessions.cancel(caller, id, request == null ? null : request.reason()));
    }

    @PostMapping(value = "/sessions/{id}/attendance/{teacherId}/corrections",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView.Attendance correct(Caller caller, @PathVariable String id, @PathVariable String teacherId,
                                   @Valid @RequestBody SessionRequests.Correction request) {
        return mine(sessions.correct(caller, id, teacherId, request), teacherId);
    }

    @PostMapping(value = "/sessions/{id}/attendance",
            consumes = {CSV, MediaType.APPLICATION_JSON_VALUE, AttendanceWorkbook.MEDIA_TYPE})
    SessionView upload(Caller caller, @PathVariable String id, @RequestBody byte[] body,
                       @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        AttendanceFile file = type.isCompatibleWith(MediaType.APPLICATION_JSON) ? AttendanceFile.json(body)
                : type.isCompatibleWith(MediaType.parseMediaType(AttendanceWorkbook.MEDIA_TYPE))
                ? AttendanceFile.xlsx(body) : AttendanceFile.csv(body);
        return SessionView.of(sessions.upload(caller, id, file));
    }

    /** The attendance sheet (出勤表) as JSON. */
    @GetMapping(value = "/sessions/{id}/attendance-sheet", produces = MediaType.APPLICATION_JSON_VALUE)
    AttendanceSheet sheet(Caller caller, @PathVariable String id) {
        return AttendanceSheet.of(sessions.find(caller, id));
    }

    /** The attendance sheet as CSV, UTF-8 with a BOM so Excel shows the Chinese correctly. */
    @GetMapping(value = "/sessions/{id}/attendance-sheet", produces = CSV)
    ResponseEntity<byte[]> sheetCsv(Caller caller, @PathVariable String id) {
        AttendanceSheet sheet = AttendanceSheet.of(sessions.find(caller, id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attendance-" + id + ".csv\"")
                .body(sheet.csv());
    }

    /** The same CSV for clients that cannot set Accept (a download link): {@code ?format=csv}. */
    @GetMapping(value = "/sessions/{id}/attendance-sheet", params = "format=csv")
    void sheetCsvLink(Caller caller, @PathVariable String id, HttpServletResponse response) throws IOException {
        byte[] csv = AttendanceSheet.of(sessions.find(caller, id)).csv();
        response.setContentType(CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attendance-" + id + ".csv\"");
        response.getOutputStream().write(csv);
    }

    @PostMapping(value = "/schools/{schoolId}/weekly-slots", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> addSlot(Caller caller, @PathVariable String schoolId,
                                                @Valid @RequestBody SessionRequests.WeeklySlot request) {
        Document slot = slots.add(caller, schoolId, request);
        return ResponseEntity.created(URI.create("/api/activities/schools/" + schoolId + "/weekly-slots/"
                + slot.getString("_id"))).body(slotView(slot));
    }

    @GetMapping("/schools/{schoolId}/weekly-slots")
    List<Map<String, Object>> slots(Caller caller, @PathVariable String schoolId) {
        return slots.list(caller, schoolId).stream().map(SessionController::slotView).toList();
    }

    @PostMapping("/schools/{schoolId}/sessions/plan")
    WeeklySlots.Planned plan(Caller caller, @PathVariable String schoolId,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return slots.plan(caller, schoolId, from, to);
    }

    private static Map<String, Object> slotView(Document slot) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", slot.getString("_id"));
        for (String f : List.of("schoolId", "subjectGroupId", "groupName", "dayOfWeek", "start", "durationMinutes",
                "place", "hostId", "form", "topic")) {
            view.put(f, slot.get(f));
        }
        return view;
    }

    private static SessionView.Attendance mine(Document session, String teacherId) {
        return Sessions.attendance(session).stream().filter(r -> teacherId.equals(r.getString("teacherId")))
                .map(SessionView.Attendance::of).findFirst().orElseThrow();
    }

    /** A code just issued: shown once to the host (to display or project), never stored in clear. */
    record CodeView(String sessionId, String status, CodePurpose purpose, String code, Instant expiresAt) {
        static CodeView of(Sessions.Opened opened) {
            return new CodeView(opened.session().getString("_id"), opened.session().getString("status"),
                    opened.purpose(), opened.code(), opened.expiresAt());
        }
    }

    /** 出勤表: one row per teacher. */
    record AttendanceSheet(String sessionId, String topic, String form, String level, String date,
                           String plannedStart, String plannedEnd, String hostId, String hostName, String status,
                           List<Row> rows) {

        record Row(String teacherId, String name, String role, String mark, Integer attendedMinutes, String checkIn,
                   String checkOut, String source, boolean corrected, String reason) {
        }

        static AttendanceSheet of(Document d) {
            List<Row> rows;
            if (Sessions.status(d) == SessionStatus.HELD) {
                rows = Sessions.attendance(d).stream().map(r -> new Row(r.getString("teacherId"), r.getString("name"),
                        r.getString("role"), r.getString("mark"), r.getInteger("attendedMinutes"),
                        r.getString("checkIn"), r.getString("checkOut"), r.getString("source"),
                        !r.getList("history", Document.class, List.of()).isEmpty(), r.getString("reason"))).toList();
            } else {
                Map<String, Document> byTeacher = new java.util.HashMap<>();
                Sessions.attendance(d).forEach(r -> byTeacher.put(r.getString("teacherId"), r));
                rows = Sessions.participantDocs(d).stream().map(p -> {
                    Document r = byTeacher.get(p.getString("teacherId"));
                    return r == null
                            ? new Row(p.getString("teacherId"), p.getString("name"), "PARTICIPANT", null, null, null,
                            null, null, false, null)
                            : new Row(r.getString("teacherId"), r.getString("name"), r.getString("role"),
                            r.getString("mark"), r.getInteger("attendedMinutes"), r.getString("checkIn"),
                            r.getString("checkOut"), r.getString("source"), false, null);
                }).toList();
            }
            return new AttendanceSheet(d.getString("_id"), d.getString("topic"), d.getString("form"),
                    d.getString("level"), d.getString("date"), d.getString("plannedStart"), d.getString("plannedEnd"),
                    d.getString("hostId"), d.getString("hostName"), d.getString("status"), rows);
        }

        byte[] csv() {
            StringBuilder out = new StringBuilder("\uFEFF");
            out.append("活动,").append(cell(topic)).append(",日期,").append(date).append(",主持人,")
                    .append(cell(hostName)).append("\r\n");
            out.append("教师编号 teacherId,姓名 name,角色 role,考勤 mark,出勤分钟 attendedMinutes,签到 checkIn,"
                    + "签退 checkOut,来源 source,已更正 corrected,更正原因 reason\r\n");
            for (Row r : rows) {
                out.append(cell(r.teacherId())).append(',').append(cell(r.name())).append(',')
                        .append(cell(r.role())).append(',').append(cell(r.mark())).append(',')
                        .append(r.attendedMinutes() == null ? "" : r.attendedMinutes()).append(',')
                        .append(cell(r.checkIn())).append(',').append(cell(r.checkOut())).append(',')
                        .append(cell(r.source())).append(',').append(r.corrected() ? "是" : "").append(',')
                        .append(cell(r.reason())).append("\r\n");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static String cell(String value) {
            if (value == null) {
                return "";
            }
            String safe = SpreadsheetText.neutralised(value);
            return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                    ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
        }
    }
}
