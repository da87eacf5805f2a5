package cn.xiaoben.activity.session;

import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.activity.ActivityCancelled;
import cn.xiaoben.contracts.activity.ActivityHeld;
import cn.xiaoben.contracts.activity.ActivityScheduled;
import cn.xiaoben.contracts.activity.AttendanceCorrected;
import cn.xiaoben.contracts.activity.AttendanceRecorded;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.web.PageResponse;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * PD sessions and their attendance (考勤). One document per session in {@code pd_sessions}; every state change is
 * one update of that document, guarded by its {@code version}, that also appends the events it causes.
 *
 * <p>Attended minutes of a participant = min(checkOut, plannedEnd) − max(checkIn, plannedStart), never negative.
 * A participant who checked in but never checked out keeps their mark and gets 0 minutes (presence is measured;
 * the host can correct it). Participants without a check-in are ABSENT with 0 minutes when the session closes.
 * The host gets a HOST record: min(closedAt, plannedEnd) − max(openedAt, plannedStart).
 */
@Service
public class Sessions {

    static final String COLLECTION = "pd_sessions";
    private static final int MAX_ATTEMPTS = 10;

    private final MongoCollection<Document> sessions;
    private final DirectoryReplica directory;
    private final EventOutbox outbox;
    private final Clock clock;
    private final Duration lateAfter;
    private final Duration codeValidity;
    private final Duration openEarly;
    private final CodeAttempts codeAttempts;

    public Sessions(MongoDatabase database, DirectoryReplica directory, EventOutbox outbox, Clock clock,
                    CodeAttempts codeAttempts,
                    @Value("${xiaoben.activity.sessions.late-after:5m}") Duration lateAfter,
                    @Value("${xiaoben.activity.sessions.code-validity:10m}") Duration codeValidity,
                    @Value("${xiaoben.activity.sessions.open-early:30m}") Duration openEarly) {
        this.sessions = database.getCollection(COLLECTION);
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
        this.lateAfter = lateAfter;
        this.codeValidity = codeValidity;
        this.openEarly = openEarly;
        this.codeAttempts = codeAttempts;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(sessions);
        sessions.createIndex(Indexes.ascending("schoolId", "plannedStartInstant"));
        sessions.createIndex(Indexes.ascending("subjectGroupId"));
        sessions.createIndex(Indexes.ascending("hostId"));
    }

    MongoCollection<Document> collection() {
        return sessions;
    }

    Clock clock() {
        return clock;
    }

    void publishSoon(String id) {
        outbox.publishSoon(COLLECTION, id);
    }

    // ---------------------------------------------------------------- creation

    /**
     * A session planned by hand: the form's own fields checked ({@link SessionFormRules}), the planner and the people
     * checked against the host unit ({@link SessionPeople}). Idempotency keys are per school, or per township office
     * / bureau for the sessions they plan.
     */
    public IdempotentInserts.Outcome create(Caller caller, SessionRequests.Create request, String idempotencyKey) {
        SessionFormRules.check(request);
        checkTimes(request.plannedStart(), request.plannedEnd());
        TeacherRef host = SessionPeople.host(caller, request, directory);
        SessionDetails details = SessionDetails.of(request);
        List<TeacherRef> participants = SessionPeople.participants(directory, request.participantIds(), details, host,
                request.level());
        String id = "ses-" + UUID.randomUUID();
        Document doc = newSession(id, host, request.subjectGroupId(), request.form(), request.level(), request.topic(),
                request.place(), request.plannedStart(), request.plannedEnd(), participants, null, details)
                .append("plannedBy", caller.subject());
        String tenant = switch (caller.scope()) {
            case SCHOOL -> caller.schoolId();
            case TOWNSHIP -> "township:" + caller.townshipId();
            case DISTRICT -> "district:" + caller.districtId();
        };
        IdempotentInserts.Outcome outcome = IdempotentInserts.insert(sessions, doc, tenant, idempotencyKey, request);
        if (!outcome.replayed()) {
            outbox.publishSoon(COLLECTION, id);
        }
        return outcome;
    }

    /** A new session document with its ActivityScheduled event attached (the caller inserts it). */
    Document newSession(String id, TeacherRef host, String subjectGroupId, SessionForm form, ActivityLevel level,
                        String topic, String place, OffsetDateTime start, OffsetDateTime end,
                        List<TeacherRef> participants, String slotId, SessionDetails details) {
        Instant now = clock.instant();
        OffsetDateTime localStart = PlatformTime.local(start);
        OffsetDateTime localEnd = PlatformTime.local(end);
        List<Document> people = participants.stream().map(t -> new Document("teacherId", t.teacherId())
                .append("name", t.name()).append("schoolId", t.schoolId()).append("townshipId", t.townshipId()))
                .toList();
        Set<String> schoolIds = new LinkedHashSet<>(List.of(host.schoolId()));
        Set<String> townshipIds = new LinkedHashSet<>(List.of(host.townshipId()));
        participants.forEach(t -> {
            schoolIds.add(t.schoolId());
            townshipIds.add(t.townshipId());
        });
        Document doc = new Document("_id", id)
                .append("districtId", host.districtId()).append("townshipId", host.townshipId())
                .append("schoolId", host.schoolId()).append("subjectGroupId", subjectGroupId)
                .append("form", form.name()).append("level", level.name()).append("topic", topic)
                .append("place", place).append("hostId", host.teacherId()).append("hostName", host.name())
                .append("plannedStart", localStart.toString()).append("plannedEnd", localEnd.toString())
                .append("plannedStartInstant", Date.from(localStart.toInstant()))
                .append("plannedEndInstant", Date.from(localEnd.toInstant()))
                .append("date", PlatformTime.dateOf(localStart).toString())
                .append("participants", people).append("status", SessionStatus.PLANNED.name())
                .append("attendance", List.of()).append("codes", new Document())
                .append("slotId", slotId).append("version", 0).append("createdAt", Date.from(now))
                .append("participantSchoolIds", List.copyOf(schoolIds))
                .append("participantTownshipIds", List.copyOf(townshipIds));
        details.appendTo(doc);
        outbox.attach(doc, new ActivityScheduled(id, host.districtId(), host.townshipId(), host.schoolId(),
                subjectGroupId, form.name(), level.name(), topic, host.teacherId(), localStart, localEnd, place,
                participants.stream().map(TeacherRef::teacherId).toList(), slotId, now, details.hostUnit().name(),
                details.speakerId(), details.speakerName(), details.mainPreparerId(), details.teachingTeacherIds(),
                details.lessonKindName()));
        return doc;
    }

    // ---------------------------------------------------------------- reading

    /** A session the caller reaches: its school's, or a cross-school one its teachers take part in. */
    public Document find(Caller caller, String id) {
        Document doc = load(id);
        SessionAccess.requireRead(caller, doc);
        return doc;
    }

    public PageResponse<SessionView> list(Caller caller, SessionQuery q) {
        List<Bson> filters = new ArrayList<>();
        filters.add(SessionAccess.readable(caller));
        if (q.schoolId() != null) {
            filters.add(Filters.or(Filters.eq("schoolId", q.schoolId()), Filters.eq("participantSchoolIds", q.schoolId())));
        }
        if (q.groupId() != null) {
            filters.add(Filters.eq("subjectGroupId", q.groupId()));
        }
        if (q.status() != null) {
            filters.add(Filters.eq("status", q.status().name()));
        }
        if (q.form() != null) {
            filters.add(Filters.eq("form", q.form().name()));
        }
        if (q.level() != null) {
            filters.add(Filters.eq("level", q.level().name()));
        }
        if (q.hostUnit() != null) {
            filters.add(q.hostUnit() == HostUnit.SCHOOL
                    ? Filters.or(Filters.eq("hostUnit", HostUnit.SCHOOL.name()), Filters.exists("hostUnit", false))
                    : Filters.eq("hostUnit", q.hostUnit().name()));
        }
        if (q.teacherId() != null) {
            filters.add(Filters.or(Filters.eq("hostId", q.teacherId()), Filters.eq("participants.teacherId", q.teacherId()),
                    Filters.eq("speakerId", q.teacherId()), Filters.eq("mainPreparerId", q.teacherId()),
                    Filters.eq("teachingTeacherIds", q.teacherId())));
        }
        if (q.from() != null) {
            filters.add(Filters.gte("plannedStartInstant", Date.from(q.from().toInstant())));
        }
        if (q.to() != null) {
            filters.add(Filters.lt("plannedStartInstant", Date.from(q.to().toInstant())));
        }
        Bson order = "newest".equals(q.sort()) ? Sorts.descending("plannedStartInstant")
                : Sorts.ascending("plannedStartInstant");
        return PageResponse.query(sessions, Filters.and(filters), order, q.page(), q.size(), SessionView::of);
    }

    // ---------------------------------------------------------------- host actions

    public Opened open(Caller caller, String id) {
        AttendanceCodes.Issued[] issued = new AttendanceCodes.Issued[1];
        Document after = mutate(id, doc -> {
            requireHost(caller, doc);
            requireStatus(doc, SessionStatus.PLANNED);
            Instant now = clock.instant();
            if (now.isBefore(instant(doc, "plannedStart").minus(openEarly))) {
                throw ApiProblem.unprocessable("session-not-started", null,
                        "The session starts at " + doc.getString("plannedStart") + "; it can be opened at most "
                                + openEarly.toMinutes() + " minutes before.",
                        "活动开始时间为 " + doc.getString("plannedStart") + "，最早只能提前 " + openEarly.toMinutes()
                                + " 分钟开启。");
            }
            issued[0] = AttendanceCodes.issue(now, codeValidity);
            return new Change(List.of(Updates.set("status", SessionStatus.OPEN.name()),
                    Updates.set("openedAt", Date.from(now)), Updates.set("openedBy", caller.subject()),
                    Updates.set("codes." + CodePurpose.CHECK_IN.name(), issued[0].stored())), List.of());
        });
        return new Opened(after, issued[0].code(), CodePurpose.CHECK_IN,
                issued[0].stored().getDate("expiresAt").toInstant());
    }

    /** A fresh code (the previous one of that purpose stops working). */
    public Opened newCode(Caller caller, String id, CodePurpose purpose) {
        AttendanceCodes.Issued[] issued = new AttendanceCodes.Issued[1];
        Document after = mutate(id, doc -> {
            requireHost(caller, doc);
            requireStatus(doc, SessionStatus.OPEN);
            issued[0] = AttendanceCodes.issue(clock.instant(), codeValidity);
            return new Change(List.of(Updates.set("codes." + purpose.name(), issued[0].stored())), List.of());
        });
        return new Opened(after, issued[0].code(), purpose, issued[0].stored().getDate("expiresAt").toInstant());
    }

    public Document close(Caller caller, String id) {
        return mutate(id, doc -> {
            requireHost(caller, doc);
            requireStatus(doc, SessionStatus.OPEN);
            Instant now = clock.instant();
            requireStarted(doc, now);
            Instant start = instant(doc, "plannedStart");
            Instant end = instant(doc, "plannedEnd");
            Map<String, Document> byTeacher = recordsByTeacher(doc);
            List<Document> records = new ArrayList<>();
            for (Document p : participantDocs(doc)) {
                String teacherId = p.getString("teacherId");
                Document r = byTeacher.get(teacherId);
                if (r == null || r.getString("checkIn") == null) {
                    records.add(record(teacherId, p.getString("name"), "PARTICIPANT", AttendanceMark.ABSENT, 0,
                            null, null, "CHECK_IN", now, caller.subject()));
                } else {
                    if (r.getInteger("attendedMinutes") == null) {
                        r.append("attendedMinutes", 0).append("missingCheckOut", true);
                    }
                    records.add(r);
                }
            }
            Instant opened = doc.getDate("openedAt").toInstant();
            int hostMinutes = minutes(opened.isAfter(start) ? opened : start, now.isBefore(end) ? now : end);
            records.add(record(doc.getString("hostId"), doc.getString("hostName"), "HOST", AttendanceMark.PRESENT,
                    hostMinutes, null, null, "CHECK_IN", now, caller.subject()));
            return held(doc, records, "CHECK_IN", now, List.of(Updates.unset("codes")));
        });
    }

    public Document cancel(Caller caller, String id, String reason) {
        return mutate(id, doc -> {
            requireHost(caller, doc);
            SessionStatus status = status(doc);
            if (status != SessionStatus.PLANNED && status != SessionStatus.OPEN) {
                throw wrongStatus(doc, "planned or open", "已计划或进行中");
            }
            Instant now = clock.instant();
            return new Change(List.of(Updates.set("status", SessionStatus.CANCELLED.name()),
                    Updates.set("cancelledAt", Date.from(now)), Updates.set("cancelReason", reason),
                    Updates.unset("codes")),
                    List.of(new ActivityCancelled(id, doc.getString("districtId"), doc.getString("townshipId"),
                            doc.getString("schoolId"), doc.getString("form"), doc.getString("level"),
                            doc.getString("hostId"), OffsetDateTime.parse(doc.getString("plannedStart")), reason, now)));
        });
    }

    /** A correction is a new record; the superseded one moves into the record's history. */
    public Document correct(Caller caller, String id, String teacherId, SessionRequests.Correction request) {
        return mutate(id, doc -> {
            requireHost(caller, doc);
            requireStatus(doc, SessionStatus.HELD);
            checkMinutes(doc, request.mark(), request.attendedMinutes(), "attendedMinutes");
            List<Document> records = attendance(doc);
            int index = -1;
            for (int i = 0; i < records.size(); i++) {
                if (teacherId.equals(records.get(i).getString("teacherId"))) {
                    index = i;
                }
            }
            if (index < 0) {
                throw ApiProblem.notFound("Attendance record of teacher", "教师考勤记录", teacherId);
            }
            Instant now = clock.instant();
            Document old = records.get(index);
            List<Document> history = new ArrayList<>(old.getList("history", Document.class, List.of()));
            Document superseded = new Document(old);
            superseded.remove("history");
            history.add(superseded);
            Document corrected = record(teacherId, old.getString("name"), old.getString("role"), request.mark(),
                    request.attendedMinutes(), old.getString("checkIn"), old.getString("checkOut"), "CORRECTION",
                    now, caller.subject()).append("reason", request.reason()).append("history", history);
            records.set(index, corrected);
            return new Change(List.of(Updates.set("attendance", records)),
                    List.of(new AttendanceCorrected(id, teacherId, doc.getString("districtId"),
                            doc.getString("townshipId"), doc.getString("schoolId"), doc.getString("form"),
                            doc.getString("level"), LocalDate.parse(doc.getString("date")), doc.getString("hostId"),
                            old.getString("role"), old.getString("mark"), old.getInteger("attendedMinutes", 0),
                            request.mark().name(), request.attendedMinutes(), request.reason(),
                            caller.teacherId() != null ? caller.teacherId() : caller.subject(), now)));
        });
    }

    /** A validated attendance file: one update that holds the session with the file's records. */
    public Document upload(Caller caller, String id, AttendanceFile file) {
        return mutate(id, doc -> {
            requireHost(caller, doc);
            SessionStatus status = status(doc);
            if (status != SessionStatus.PLANNED && status != SessionStatus.OPEN) {
                throw wrongStatus(doc, "planned or open (a held session is corrected, not re-uploaded)",
                        "已计划或进行中（已举行的活动请使用更正）");
            }
            Instant now = clock.instant();
            requireStarted(doc, now);
            List<AttendanceFile.Line> lines = file.validate(doc, directory, plannedMinutes(doc));
            Map<String, AttendanceFile.Line> byTeacher = new LinkedHashMap<>();
            lines.forEach(l -> byTeacher.put(l.teacher().teacherId(), l));
            List<Document> participants = new ArrayList<>(participantDocs(doc));
            Set<String> known = new LinkedHashSet<>(participants.stream().map(p -> p.getString("teacherId")).toList());
            String hostId = doc.getString("hostId");
            List<Document> records = new ArrayList<>();
            for (AttendanceFile.Line line : lines) {
                String teacherId = line.teacher().teacherId();
                if (!teacherId.equals(hostId) && known.add(teacherId)) {
                    participants.add(new Document("teacherId", teacherId).append("name", line.teacher().name())
                            .append("schoolId", line.teacher().schoolId()).append("addedBy", "UPLOAD"));
                }
            }
            for (Document p : participants) {
                AttendanceFile.Line line = byTeacher.get(p.getString("teacherId"));
                records.add(line == null
                        ? record(p.getString("teacherId"), p.getString("name"), "PARTICIPANT", AttendanceMark.ABSENT,
                        0, null, null, "UPLOAD", now, caller.subject())
                        : record(p.getString("teacherId"), p.getString("name"), "PARTICIPANT", line.mark(),
                        line.minutes(), null, null, "UPLOAD", now, caller.subject()).append("line", line.number()));
            }
            AttendanceFile.Line hostLine = byTeacher.get(hostId);
            records.add(hostLine == null
                    ? record(hostId, doc.getString("hostName"), "HOST", AttendanceMark.PRESENT, plannedMinutes(doc),
                    null, null, "UPLOAD", now, caller.subject())
                    : record(hostId, doc.getString("hostName"), "HOST", hostLine.mark(), hostLine.minutes(), null,
                    null, "UPLOAD", now, caller.subject()).append("line", hostLine.number()));
            Set<String> schoolIds = new LinkedHashSet<>(doc.getList("participantSchoolIds", String.class, List.of()));
            Set<String> townshipIds = new LinkedHashSet<>(doc.getList("participantTownshipIds", String.class, List.of()));
            lines.forEach(l -> {
                schoolIds.add(l.teacher().schoolId());
                townshipIds.add(l.teacher().townshipId());
            });
            return held(doc, records, "UPLOAD", now, List.of(Updates.set("participants", participants),
                    Updates.set("participantSchoolIds", List.copyOf(schoolIds)),
                    Updates.set("participantTownshipIds", List.copyOf(townshipIds)),
                    Updates.unset("codes")));
        });
    }

    // ---------------------------------------------------------------- teacher actions

    /** Wrong-code limits (injected by Spring; a field so that the constructor stays as it is). */
    public Document checkIn(Caller caller, String id, String code) {
        ApiProblem[] wrong = new ApiProblem[1];
        Document after = mutate(id, doc -> {
            wrong[0] = null;
            Document participant = requireParticipant(caller, doc);
            requireStatus(doc, SessionStatus.OPEN);
            Map<String, Document> byTeacher = recordsByTeacher(doc);
            if (byTeacher.containsKey(caller.teacherId())) {
                throw ApiProblem.conflict("already-checked-in", "You have already checked in to this session.",
                        "您已签到，无需重复签到。");
            }
            Instant now = clock.instant();
            Change counted = requireCode(doc, CodePurpose.CHECK_IN, caller.teacherId(), code, now, wrong);
            if (counted != null) {
                return counted;
            }
            boolean late = now.isAfter(instant(doc, "plannedStart").plus(lateAfter));
            List<Document> records = attendance(doc);
            records.add(record(caller.teacherId(), participant.getString("name"), "PARTICIPANT",
                    late ? AttendanceMark.LATE : AttendanceMark.PRESENT, null, local(now), null, "CHECK_IN", now,
                    caller.subject()));
            List<Bson> updates = new ArrayList<>(List.of(Updates.set("attendance", records)));
            codeAttempts.reset(doc, CodePurpose.CHECK_IN, caller.teacherId()).ifPresent(updates::add);
            return new Change(updates, List.of());
        });
        if (wrong[0] != null) {
            throw wrong[0];
        }
        return after;
    }

    public Document checkOut(Caller caller, String id, String code) {
        ApiProblem[] wrong = new ApiProblem[1];
        Document after = mutate(id, doc -> {
            wrong[0] = null;
            requireParticipant(caller, doc);
            requireStatus(doc, SessionStatus.OPEN);
            List<Document> records = attendance(doc);
            Document mine = records.stream().filter(r -> caller.teacherId().equals(r.getString("teacherId")))
                    .findFirst().orElseThrow(() -> ApiProblem.conflict("not-checked-in",
                            "Check in before checking out.", "请先签到再签退。"));
            if (mine.getString("checkOut") != null) {
                throw ApiProblem.conflict("already-checked-out", "You have already checked out of this session.",
                        "您已签退，无需重复签退。");
            }
            Instant now = clock.instant();
            Change counted = requireCode(doc, CodePurpose.CHECK_OUT, caller.teacherId(), code, now, wrong);
            if (counted != null) {
                return counted;
            }
            Instant in = OffsetDateTime.parse(mine.getString("checkIn")).toInstant();
            Instant start = instant(doc, "plannedStart");
            Instant end = instant(doc, "plannedEnd");
            mine.append("checkOut", local(now))
                    .append("attendedMinutes", minutes(in.isAfter(start) ? in : start, now.isBefore(end) ? now : end));
            List<Bson> updates = new ArrayList<>(List.of(Updates.set("attendance", records)));
            codeAttempts.reset(doc, CodePurpose.CHECK_OUT, caller.teacherId()).ifPresent(updates::add);
            return new Change(updates, List.of());
        });
        if (wrong[0] != null) {
            throw wrong[0];
        }
        return after;
    }

    // ---------------------------------------------------------------- the one write

    record Change(List<Bson> updates, List<DomainEvent> events) {
    }

    /** The opened session and the code just issued (shown once, never stored in clear). */
    public record Opened(Document session, String code, CodePurpose purpose, Instant expiresAt) {
    }

    /**
     * Applies {@code change} to the current document in one version-guarded update with its events. A concurrent
     * update makes it re-read and re-decide (a few times), then 409.
     */
    Document mutate(String id, Function<Document, Change> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document doc = load(id);
            Change decided = change.apply(doc);
            List<Bson> updates = new ArrayList<>(decided.updates());
            updates.add(Updates.inc("version", 1));
            if (!decided.events().isEmpty()) {
                updates.add(outbox.append(decided.events().toArray(DomainEvent[]::new)));
            }
            Document after = sessions.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id), Filters.eq("version", doc.getInteger("version"))),
                    Updates.combine(updates), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (after != null) {
                if (!decided.events().isEmpty()) {
                    outbox.publishSoon(COLLECTION, id);
                }
                return after;
            }
        }
        throw ApiProblem.conflict("concurrent-update",
                "The session was changed by someone else at the same time; reload it and retry.",
                "该活动同时被他人修改，请刷新后重试。");
    }

    private Change held(Document doc, List<Document> records, String source, Instant now, List<Bson> more) {
        String id = doc.getString("_id");
        LocalDate date = LocalDate.parse(doc.getString("date"));
        SessionDetails details = SessionDetails.of(doc);
        Map<String, SchoolRef> schoolOfTeacher = new LinkedHashMap<>();
        for (Document p : participantDocs(doc)) {
            schoolOfTeacher.put(p.getString("teacherId"), participantSchool(doc, p));
        }
        List<DomainEvent> events = new ArrayList<>();
        int present = 0, late = 0, absent = 0, excused = 0, participants = 0, total = 0;
        for (Document r : records) {
            AttendanceMark mark = AttendanceMark.valueOf(r.getString("mark"));
            int minutes = r.getInteger("attendedMinutes", 0);
            if ("PARTICIPANT".equals(r.getString("role"))) {
                participants++;
                total += minutes;
                switch (mark) {
                    case PRESENT -> present++;
                    case LATE -> late++;
                    case ABSENT -> absent++;
                    case EXCUSED -> excused++;
                }
            }
            SchoolRef own = schoolOfTeacher.getOrDefault(r.getString("teacherId"), schoolOf(doc));
            events.add(new AttendanceRecorded(id, r.getString("teacherId"), own.districtId(), own.townshipId(),
                    own.schoolId(), doc.getString("form"), doc.getString("level"), date, doc.getString("hostId"),
                    r.getString("role"), mark.name(), minutes, parse(r.getString("checkIn")),
                    parse(r.getString("checkOut")), source, now, details.contribution(r.getString("teacherId"))));
        }
        events.add(0, new ActivityHeld(id, doc.getString("districtId"), doc.getString("townshipId"),
                doc.getString("schoolId"), doc.getString("subjectGroupId"), doc.getString("form"),
                doc.getString("level"), doc.getString("topic"), doc.getString("hostId"), date,
                OffsetDateTime.parse(doc.getString("plannedStart")), OffsetDateTime.parse(doc.getString("plannedEnd")),
                participants, present, late, absent, excused, total, source, now, details.hostUnit().name(),
                details.speakerId(), details.speakerName(), details.mainPreparerId(), details.teachingTeacherIds(),
                details.lessonKindName()));
        List<Bson> updates = new ArrayList<>(more);
        updates.add(Updates.set("status", SessionStatus.HELD.name()));
        updates.add(Updates.set("closedAt", Date.from(now)));
        updates.add(Updates.set("attendanceSource", source));
        updates.add(Updates.set("attendance", records));
        return new Change(updates, events);
    }

    // ---------------------------------------------------------------- rules

    private void requireHost(Caller caller, Document doc) {
        SessionAccess.requireHost(caller, doc);
    }

    private static Document requireParticipant(Caller caller, Document doc) {
        if (!caller.has(Role.TEACHER) || caller.teacherId() == null) {
            throw ApiProblem.forbidden("Teachers check in and out with their own account.", "教师须使用本人账号签到、签退。");
        }
        return participantDocs(doc).stream().filter(p -> caller.teacherId().equals(p.getString("teacherId")))
                .findFirst().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "not-a-participant",
                        "You are not a participant of this session.", "您不是本次研修活动的参加人员。"));
    }

    /**
     * The code check with its attempt limit: 429 once the teacher has used up their attempts; a wrong code is
     * counted, and that count is the change written (version-guarded, like any other) before the 422 in
     * {@code wrong[0]} is thrown. Null when the code is right.
     */
    private Change requireCode(Document doc, CodePurpose purpose, String teacherId, String code, Instant now,
                               ApiProblem[] wrong) {
        codeAttempts.requireAllowed(doc, purpose, teacherId, now);
        try {
            requireCode(doc, purpose, code, now);
            return null;
        } catch (ApiProblem invalid) {
            Optional<Bson> failure = "invalid-code".equals(invalid.code())
                    ? codeAttempts.failure(doc, purpose, teacherId, now) : Optional.empty();
            if (failure.isEmpty()) {
                throw invalid;
            }
            wrong[0] = invalid;
            return new Change(List.of(failure.get()), List.of());
        }
    }

    private static void requireCode(Document doc, CodePurpose purpose, String code, Instant now) {
        Document codes = doc.get("codes", Document.class);
        Document stored = codes == null ? null : codes.get(purpose.name(), Document.class);
        String what = purpose == CodePurpose.CHECK_IN ? "check-in" : "check-out";
        String whatZh = purpose == CodePurpose.CHECK_IN ? "签到" : "签退";
        switch (AttendanceCodes.check(stored, code, now)) {
            case VALID -> {
            }
            case EXPIRED -> throw ApiProblem.unprocessable("expired-code", "code",
                    "This " + what + " code has expired; ask the host for a new one.",
                    whatZh + "码已过期，请向主持人索取新的" + whatZh + "码。");
            case INVALID -> throw ApiProblem.unprocessable("invalid-code", "code",
                    "This is not the session's current " + what + " code.", "该" + whatZh + "码不正确。");
        }
    }

    private static void requireStatus(Document doc, SessionStatus expected) {
        if (status(doc) != expected) {
            throw wrongStatus(doc, expected.name().toLowerCase(), switch (expected) {
                case PLANNED -> "已计划";
                case OPEN -> "进行中";
                case HELD -> "已举行";
                case CANCELLED -> "已取消";
            });
        }
    }

    private static ApiProblem wrongStatus(Document doc, String expected, String expectedZh) {
        String status = doc.getString("status");
        return ApiProblem.conflict("session-" + status.toLowerCase(),
                "The session is " + status.toLowerCase() + "; this needs it " + expected + ".",
                "该活动当前状态为 " + status + "，此操作要求状态为" + expectedZh + "。");
    }

    /** A session cannot be held (closed, or attendance uploaded) before it has started. */
    private static void requireStarted(Document doc, Instant now) {
        if (now.isBefore(instant(doc, "plannedStart"))) {
            throw ApiProblem.unprocessable("session-not-started", null,
                    "The session starts at " + doc.getString("plannedStart") + "; it cannot be held before then.",
                    "活动开始时间为 " + doc.getString("plannedStart") + "，不能在开始前记为已举行。");
        }
    }

    static void checkMinutes(Document doc, AttendanceMark mark, int minutes, String field) {
        Optional<FieldProblem> problem = minutesProblem(plannedMinutes(doc), mark, minutes, field);
        if (problem.isPresent()) {
            throw ApiProblem.invalid(List.of(problem.get()));
        }
    }

    static Optional<FieldProblem> minutesProblem(int planned, AttendanceMark mark, int minutes, String field) {
        if (!mark.attended() && minutes != 0) {
            return Optional.of(new FieldProblem(field, "minutes-out-of-range",
                    mark + " means 0 attended minutes, not " + minutes + ".",
                    mark + "（缺勤/请假）的出勤分钟数必须为 0，而不是 " + minutes + "。"));
        }
        if (minutes < 0 || minutes > planned) {
            return Optional.of(new FieldProblem(field, "minutes-out-of-range",
                    "Attended minutes must be between 0 and the session's " + planned + " minutes, not " + minutes + ".",
                    "出勤分钟数须在 0 到活动时长 " + planned + " 分钟之间，而不是 " + minutes + "。"));
        }
        return Optional.empty();
    }

    private static void checkTimes(OffsetDateTime start, OffsetDateTime end) {
        if (!end.isAfter(start)) {
            throw ApiProblem.invalidField("plannedEnd", "end-before-start", "plannedEnd must be after plannedStart.",
                    "结束时间必须晚于开始时间。");
        }
        if (Duration.between(start, end).toMinutes() > 480) {
            throw ApiProblem.invalidField("plannedEnd", "too-long", "A session lasts at most 480 minutes.",
                    "一次研修活动最长 480 分钟。");
        }
    }

    /** A participant's own school (a township or county session takes teachers of several schools). */
    private SchoolRef participantSchool(Document doc, Document participant) {
        String schoolId = participant.getString("schoolId");
        if (schoolId == null || schoolId.equals(doc.getString("schoolId"))) {
            return schoolOf(doc);
        }
        String townshipId = participant.getString("townshipId");
        if (townshipId == null) {
            townshipId = directory.school(schoolId).map(SchoolRef::townshipId).orElse(doc.getString("townshipId"));
        }
        return new SchoolRef(schoolId, townshipId, doc.getString("districtId"));
    }

    // ---------------------------------------------------------------- document helpers

    Document load(String id) {
        Document doc = sessions.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Session", "研修活动", id);
        }
        return doc;
    }

    static SchoolRef schoolOf(Document doc) {
        return SchoolRef.of(doc);
    }

    static SessionStatus status(Document doc) {
        return SessionStatus.valueOf(doc.getString("status"));
    }

    static List<Document> participantDocs(Document doc) {
        return doc.getList("participants", Document.class, List.of());
    }

    static List<Document> attendance(Document doc) {
        return new ArrayList<>(doc.getList("attendance", Document.class, List.of()));
    }

    private static Map<String, Document> recordsByTeacher(Document doc) {
        Map<String, Document> map = new LinkedHashMap<>();
        attendance(doc).forEach(r -> map.put(r.getString("teacherId"), r));
        return map;
    }

    static int plannedMinutes(Document doc) {
        return minutes(instant(doc, "plannedStart"), instant(doc, "plannedEnd"));
    }

    private static Instant instant(Document doc, String field) {
        return OffsetDateTime.parse(doc.getString(field)).toInstant();
    }

    private static int minutes(Instant from, Instant to) {
        return to.isAfter(from) ? (int) Duration.between(from, to).toMinutes() : 0;
    }

    private static String local(Instant instant) {
        return instant.atZone(PlatformTime.ZONE).toOffsetDateTime().toString();
    }

    private static OffsetDateTime parse(String time) {
        return time == null ? null : OffsetDateTime.parse(time);
    }

    private static Document record(String teacherId, String name, String role, AttendanceMark mark, Integer minutes,
                                   String checkIn, String checkOut, String source, Instant now, String by) {
        return new Document("teacherId", teacherId).append("name", name).append("role", role)
                .append("mark", mark.name()).append("attendedMinutes", minutes).append("checkIn", checkIn)
                .append("checkOut", checkOut).append("source", source).append("recordedAt", Date.from(now))
                .append("recordedBy", by);
    }
}
