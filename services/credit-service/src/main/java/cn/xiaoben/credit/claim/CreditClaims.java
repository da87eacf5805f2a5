package cn.xiaoben.credit.claim;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.contracts.credit.CreditClaimApproved;
import cn.xiaoben.contracts.credit.CreditClaimRejected;
import cn.xiaoben.contracts.credit.CreditClaimSubmitted;
import cn.xiaoben.credit.award.ApprovalRequests;
import cn.xiaoben.credit.award.CreditAwarder;
import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.credit.ruleset.Fact;
import cn.xiaoben.credit.ruleset.RuleSet;
import cn.xiaoben.messaging.consumer.IdempotentWrites;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
import cn.xiaoben.service.tenancy.TenantFilters;
import cn.xiaoben.service.tenancy.TenantScope;
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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Credit claims (学时申报) and their approval chain ({@link ClaimsProperties}, e.g. SCHOOL → COUNTY). One document per
 * claim in {@code credit_claims}; every change is one single-document write carrying its event through the outbox
 * (creation: an insert; a decision: one update guarded by {@code version}). A claim is either direct (a teacher, or
 * the school's system or staff for a teacher of the school) or opened by the {@link CreditAwarder} for an activity
 * fact whose rule requires approval ({@code ExternalTrainingClaimed}). On final approval the hours are awarded through
 * the awarder (the original fact, or a {@code CREDIT_CLAIM_APPROVED} fact for a direct claim); on rejection a decline
 * {@code rejected} is recorded and nothing is awarded. Each step records how long the claim waited at its level.
 */
@Service
public class CreditClaims implements ApprovalRequests {

    public static final String COLLECTION = "credit_claims";
    static final String DIRECT = "DIRECT";
    private static final Set<Role> SCHOOL_STAFF = Set.of(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN, Role.GROUP_LEAD);
    private static final Set<Role> STAFF = Set.of(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN, Role.GROUP_LEAD,
            Role.TOWNSHIP_ADMIN, Role.BUREAU_ADMIN, Role.EXPERT);

    private final MongoCollection<Document> claims;
    private final DirectoryReplica directory;
    private final CreditAwarder awarder;
    private final IdempotentWrites writes;
    private final EventOutbox outbox;
    private final ClaimsProperties properties;
    private final Clock clock;

    public CreditClaims(MongoDatabase database, DirectoryReplica directory, CreditAwarder awarder,
                        IdempotentWrites writes, EventOutbox outbox, ClaimsProperties properties, Clock clock) {
        this.claims = database.getCollection(COLLECTION);
        this.directory = directory;
        this.awarder = awarder;
        this.writes = writes;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        IdempotentInserts.ensureIndex(claims);
        claims.createIndex(Indexes.ascending("districtId", "schoolYear", "status", "level"));
        claims.createIndex(Indexes.ascending("schoolId", "status", "level"));
        claims.createIndex(Indexes.ascending("teacherId", "submittedAt"));
    }

    // ---- submitting ----

    public IdempotentInserts.Outcome submit(Caller caller, ClaimRequest request, String idempotencyKey) {
        TeacherRef teacher = claimant(caller, request.teacherId());
        List<String> evidence = request.evidenceAttachmentIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.evidenceAttachmentIds()));
        if (evidence.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "evidence-required",
                    "A claim needs evidence: at least one attachment (certificate, transcript …).",
                    "申报学时须附证明材料：至少一个附件（证书、成绩单等）。",
                    List.of(new FieldProblem("evidenceAttachmentIds", "evidence-required",
                            "at least one attachment is required", "至少需要一个附件")));
        }
        if (request.hours().multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
            throw ApiProblem.invalidField("hours", "HalfHourSteps", "must be a multiple of 0.5 hours",
                    "须为 0.5 学时的整数倍");
        }
        LocalDate today = clock.instant().atZone(PlatformTime.ZONE).toLocalDate();
        if (request.date().isAfter(today)) {
            throw ApiProblem.invalidField("date", "PastOrPresent",
                    "must be a date in the past or in the present (China Standard Time)",
                    "需要是一个过去或现在的日期（北京时间）");
        }
        LocalDate earliest = new SchoolYear(SchoolYear.of(today).startYear() - 1).firstDay();
        if (request.date().isBefore(earliest)) {
            throw ApiProblem.invalidField("date", "TooOld",
                    "must be in this school year or the previous one (on or after " + earliest + ")",
                    "须在本学年或上一学年内（不早于 " + earliest + "）");
        }
        String id = "clm-" + UUID.randomUUID();
        BigDecimal hours = request.hours().setScale(1, RoundingMode.HALF_UP);
        Instant now = clock.instant();
        Document doc = claim(id, teacher.districtId(), teacher.townshipId(), teacher.schoolId(), teacher.teacherId(),
                teacher.name(), request.kind().name(), request.title(), request.organizer(), hours, request.date(),
                evidence, DIRECT, null, null, caller.subject(), now);
        CreditClaimSubmitted event = submitted(doc, now);
        return IdempotentInserts.insertWithEvents(outbox, claims, doc, caller.schoolId(), idempotencyKey, request,
                event);
    }

    /** Opens the claim of an activity fact whose rule requires approval; nothing new if it is open already. */
    @Override
    public void open(CreditFact fact, RuleSet.Rule rule, BigDecimal requestedHours) {
        String id = "clm-" + uuid(fact.sourceKey());
        if (claims.find(Filters.eq("_id", id)).first() != null) {
            return;
        }
        TeacherRef teacher = directory.teacher(fact.teacherId()).orElse(null);
        String townshipId = directory.school(fact.schoolId()).map(SchoolRef::townshipId)
                .orElse(teacher == null ? null : teacher.townshipId());
        Instant now = clock.instant();
        String title = "External training or observation " + fact.sourceId() + " (外出培训/听课，待审核)";
        Document doc = claim(id, fact.districtId(), townshipId, fact.schoolId(), fact.teacherId(),
                teacher == null ? null : teacher.name(), ClaimKind.EXTERNAL_TRAINING.name(), title, null,
                requestedHours, fact.date(), List.of(), fact.eventType(), fact.eventType(), fact.sourceId(),
                "credit-service", now)
                .append("ruleId", rule.id())
                .append("fact", ClaimFacts.toDocument(fact))
                .append(IdempotentInserts.FIELD, new Document("key", "fact/" + fact.sourceKey()));
        if (writes.insertOnce(COLLECTION, outbox.attach(doc, submitted(doc, now)))) {
            outbox.publishSoon(COLLECTION, id);
        }
    }

    private Document claim(String id, String districtId, String townshipId, String schoolId, String teacherId,
                           String teacherName, String kind, String title, String organizer, BigDecimal hours,
                           LocalDate date, List<String> evidence, String origin, String sourceEventType,
                           String sourceId, String submittedBy, Instant now) {
        List<String> chain = properties.chain().stream().map(Enum::name).toList();
        return new Document("_id", id)
                .append("districtId", districtId).append("townshipId", townshipId).append("schoolId", schoolId)
                .append("teacherId", teacherId).append("teacherName", teacherName)
                .append("kind", kind).append("title", title).append("organizer", organizer)
                .append("hours", hours.doubleValue()).append("date", date.toString())
                .append("schoolYear", SchoolYear.of(date).name())
                .append("evidenceAttachmentIds", evidence)
                .append("origin", origin).append("sourceEventType", sourceEventType).append("sourceId", sourceId)
                .append("chain", chain).append("status", ClaimStatus.PENDING.name()).append("level", chain.get(0))
                .append("steps", new ArrayList<>(List.of(arrival(chain.get(0), now))))
                .append("version", 1L)
                .append("submittedBy", submittedBy).append("submittedAt", Date.from(now));
    }

    private static Document arrival(String level, Instant at) {
        return new Document("level", level).append("arrivedAt", Date.from(at)).append("decidedAt", null)
                .append("decidedBy", null).append("decision", null).append("note", null)
                .append("waitedMinutes", null);
    }

    private static CreditClaimSubmitted submitted(Document d, Instant now) {
        return new CreditClaimSubmitted(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("teacherId"), d.getString("kind"), d.getString("title"),
                d.getString("organizer"), BigDecimal.valueOf(d.getDouble("hours")), LocalDate.parse(d.getString("date")),
                d.getList("evidenceAttachmentIds", String.class), d.getString("origin"),
                d.getString("sourceEventType"), d.getString("sourceId"), d.getList("chain", String.class),
                d.getString("level"), d.getString("submittedBy"), now);
    }

    private TeacherRef claimant(Caller caller, String teacherId) {
        if (caller.scope() == TenantScope.SCHOOL && caller.roles().stream().anyMatch(SCHOOL_STAFF::contains)) {
            return directory.teacherOfCallersSchool(caller, teacherId, "teacherId");
        }
        if (caller.has(Role.TEACHER) && teacherId.equals(caller.teacherId())) {
            return directory.knownTeacher(teacherId, "teacherId");
        }
        throw ApiProblem.forbidden("A teacher claims hours for themself; the school's system or staff for a teacher "
                + "of the school.", "教师只能为本人申报学时；学校系统或管理人员可为本校教师申报。");
    }

    // ---- deciding ----

    public CreditClaimView approve(Caller caller, String id, String note) {
        return decide(caller, id, true, note);
    }

    public CreditClaimView reject(Caller caller, String id, String reason) {
        return decide(caller, id, false, reason);
    }

    private CreditClaimView decide(Caller caller, String id, boolean approve, String text) {
        Document current = find(id);
        ClaimLevel level = requireApproverOfCurrentLevel(caller, current);
        List<Document> steps = current.getList("steps", Document.class);
        int index = steps.size() - 1;
        Document step = steps.get(index);
        Instant now = clock.instant();
        long waited = Math.max(0, Duration.between(step.getDate("arrivedAt").toInstant(), now).toMinutes());
        List<String> chain = current.getList("chain", String.class);
        int position = chain.indexOf(level.name());
        String next = approve && position + 1 < chain.size() ? chain.get(position + 1) : null;
        boolean complete = approve && next == null;
        long version = ((Number) current.get("version")).longValue();
        List<Document> newSteps = new ArrayList<>(steps);
        newSteps.set(index, new Document(step).append("decidedAt", Date.from(now))
                .append("decidedBy", caller.subject()).append("decision", approve ? "APPROVED" : "REJECTED")
                .append("note", text).append("waitedMinutes", waited));
        if (next != null) {
            newSteps.add(arrival(next, now));
        }
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("steps", newSteps), Updates.inc("version", 1L)));
        if (next != null) {
            updates.add(Updates.set("level", next));
        } else {
            updates.add(Updates.set("level", null));
            updates.add(Updates.set("status", approve ? ClaimStatus.APPROVED.name() : ClaimStatus.REJECTED.name()));
            updates.add(Updates.set("decidedAt", Date.from(now)));
        }
        if (approve) {
            updates.add(outbox.append(new CreditClaimApproved(id, current.getString("districtId"),
                    current.getString("townshipId"), current.getString("schoolId"), current.getString("teacherId"),
                    level.name(), complete, next, caller.subject(), text, waited, now)));
        } else {
            updates.add(outbox.append(new CreditClaimRejected(id, current.getString("districtId"),
                    current.getString("townshipId"), current.getString("schoolId"), current.getString("teacherId"),
                    level.name(), caller.subject(), text, waited, now)));
        }
        Document after = claims.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", version),
                        Filters.eq("status", ClaimStatus.PENDING.name()), Filters.eq("level", level.name())),
                Updates.combine(updates), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiProblem.conflict("concurrent-update",
                    "The claim was decided by someone else at the same time; reload it.", "该申报同时被他人审核，请刷新。");
        }
        outbox.publishSoon(COLLECTION, id);
        if (complete || !approve) {
            settle(after, lastEventId(after));
        }
        return CreditClaimView.of(after, now);
    }

    /**
     * Carries a decided claim into the ledger: the hours of an approved claim are awarded, a rejected claim gets a
     * decline {@code rejected}. Idempotent by the fact's source key (also run from the claim's own final event).
     */
    void settle(Document claim, String eventId) {
        ClaimStatus status = ClaimStatus.valueOf(claim.getString("status"));
        if (status == ClaimStatus.PENDING) {
            return;
        }
        CreditFact fact = fact(claim, eventId);
        if (status == ClaimStatus.APPROVED) {
            awarder.awardApproved(fact);
        } else {
            awarder.declineRejected(fact);
        }
    }

    void settle(String claimId, String eventId) {
        Document claim = claims.find(Filters.eq("_id", claimId)).first();
        if (claim != null) {
            settle(claim, eventId);
        }
    }

    private static CreditFact fact(Document claim, String eventId) {
        Document stored = claim.get("fact", Document.class);
        if (stored != null) {
            return ClaimFacts.fromDocument(stored);
        }
        String id = claim.getString("_id");
        String teacherId = claim.getString("teacherId");
        String type = claim.getString("status").equals(ClaimStatus.APPROVED.name())
                ? EventTypes.CREDIT_CLAIM_APPROVED.name() : EventTypes.CREDIT_CLAIM_REJECTED.name();
        return new CreditFact(CreditFact.sourceKey(Fact.CREDIT_CLAIM_APPROVED, id, teacherId, "CLAIMANT"),
                eventId == null ? id : eventId, type, id, Fact.CREDIT_CLAIM_APPROVED, teacherId, "CLAIMANT",
                claim.getString("districtId"), claim.getString("schoolId"), LocalDate.parse(claim.getString("date")),
                null, null, Set.of(claim.getString("kind")), null, null,
                BigDecimal.valueOf(claim.getDouble("hours")), true);
    }

    private static String lastEventId(Document claim) {
        List<Document> pending = claim.getList("outbox", Document.class);
        return pending == null || pending.isEmpty() ? null : pending.get(pending.size() - 1).getString("id");
    }

    /**
     * The level of the claim the caller decides now: 404 unknown claim; 403 {@code out-of-scope} (not an approver
     * reaching the claim's school); 409 {@code already-decided} (the caller's step, or the claim, is decided);
     * 403 {@code wrong-level} (an approver, but of another level than the one the claim waits at).
     */
    private ClaimLevel requireApproverOfCurrentLevel(Caller caller, Document claim) {
        List<ClaimLevel> mine = new ArrayList<>();
        for (String name : claim.getList("chain", String.class)) {
            ClaimLevel level = ClaimLevel.valueOf(name);
            if (approves(caller, level, claim)) {
                mine.add(level);
            }
        }
        if (mine.isEmpty()) {
            throw ApiProblem.forbidden("You do not approve claims of this teacher's school at any level of the chain "
                    + claim.getList("chain", String.class) + ".", "您不是该教师所在学校申报的任何一级审核人。");
        }
        String current = claim.getString("level");
        if (current != null && mine.contains(ClaimLevel.valueOf(current))) {
            return ClaimLevel.valueOf(current);
        }
        boolean decidedByMyLevel = claim.getList("steps", Document.class).stream()
                .anyMatch(s -> s.getString("decision") != null && mine.contains(ClaimLevel.valueOf(s.getString("level"))));
        if (decidedByMyLevel || !ClaimStatus.PENDING.name().equals(claim.getString("status"))) {
            throw ApiProblem.conflict("already-decided",
                    "This claim was already decided at your level (status " + claim.getString("status")
                            + (current == null ? "" : ", now waiting at " + current) + ").",
                    "该申报已在您这一级审核过（状态 " + claim.getString("status")
                            + (current == null ? "" : "，目前在" + ClaimLevel.valueOf(current).zh() + "级待审") + "）。");
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "wrong-level",
                "The claim waits at level " + current + ", not at yours (" + mine + ").",
                "该申报目前在" + ClaimLevel.valueOf(current).zh() + "级待审，不在您的审核层级。");
    }

    /** Whether the caller approves at {@code level} for the claim's school. */
    static boolean approves(Caller caller, ClaimLevel level, Document claim) {
        if (caller.districtId() == null || !caller.districtId().equals(claim.getString("districtId"))) {
            return false;
        }
        return switch (level) {
            case SCHOOL -> caller.has(Role.SCHOOL_ADMIN) && caller.scope() == TenantScope.SCHOOL
                    && caller.schoolId().equals(claim.getString("schoolId"));
            case TOWNSHIP -> caller.has(Role.TOWNSHIP_ADMIN) && caller.scope() == TenantScope.TOWNSHIP
                    && caller.townshipId().equals(claim.getString("townshipId"));
            case COUNTY -> caller.hasAnyOf(Role.BUREAU_ADMIN, Role.EXPERT) && caller.scope() == TenantScope.DISTRICT;
        };
    }

    // ---- reading ----

    public CreditClaimView read(Caller caller, String id) {
        Document claim = find(id);
        TenancyGuard.requireReach(caller, SchoolRef.of(claim));
        if (teacherOnly(caller) && !claim.getString("teacherId").equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read their own claims.", "教师只能查看本人的学时申报。");
        }
        return CreditClaimView.of(claim, clock.instant());
    }

    public PageResponse<CreditClaimView> list(Caller caller, ClaimStatus status, ClaimLevel level, String schoolId,
                                              String teacherId, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(TenantFilters.reachableBy(caller)));
        if (teacherOnly(caller)) {
            filters.add(Filters.eq("teacherId", caller.teacherId()));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (level != null) {
            filters.add(Filters.eq("level", level.name()));
        }
        if (schoolId != null) {
            filters.add(Filters.eq("schoolId", schoolId));
        }
        if (teacherId != null) {
            filters.add(Filters.eq("teacherId", teacherId));
        }
        Instant now = clock.instant();
        return PageResponse.query(claims, Filters.and(filters), Sorts.ascending("submittedAt"), page, size,
                d -> CreditClaimView.of(d, now));
    }

    public WaitingTimesView waitingTimes(Caller caller, SchoolYear year) {
        if (caller.roles().stream().noneMatch(STAFF::contains)) {
            throw ApiProblem.forbidden("The waiting-time report is for the bureau, townships and schools.",
                    "审核等待时长报表仅供教育局、乡镇和学校查看。");
        }
        Instant now = clock.instant();
        List<String> chain = properties.chain().stream().map(Enum::name).toList();
        Map<String, long[]> decided = new LinkedHashMap<>();
        Map<String, long[]> pending = new LinkedHashMap<>();
        for (String level : chain) {
            decided.put(level, new long[3]);
            pending.put(level, new long[2]);
        }
        for (Document claim : claims.find(Filters.and(TenantFilters.reachableBy(caller),
                Filters.eq("schoolYear", year.name())))) {
            for (Document step : claim.getList("steps", Document.class)) {
                String level = step.getString("level");
                if (step.getString("decision") != null) {
                    long[] d = decided.computeIfAbsent(level, l -> new long[3]);
                    long waited = ((Number) step.get("waitedMinutes")).longValue();
                    d[0]++;
                    d[1] += waited;
                    d[2] = Math.max(d[2], waited);
                } else {
                    long[] p = pending.computeIfAbsent(level, l -> new long[2]);
                    p[0]++;
                    p[1] = Math.max(p[1], Duration.between(step.getDate("arrivedAt").toInstant(), now).toMinutes());
                }
            }
        }
        Set<String> levels = new LinkedHashSet<>(chain);
        levels.addAll(decided.keySet());
        levels.addAll(pending.keySet());
        List<WaitingTimesView.Level> rows = new ArrayList<>();
        for (String level : levels) {
            long[] d = decided.getOrDefault(level, new long[3]);
            long[] p = pending.getOrDefault(level, new long[2]);
            rows.add(new WaitingTimesView.Level(level, d[0], d[0] == 0 ? null : hours(d[1], d[0]),
                    d[0] == 0 ? null : hours(d[2], 1), p[0], p[0] == 0 ? null : hours(p[1], 1)));
        }
        return new WaitingTimesView(year.name(), chain, rows);
    }

    private static BigDecimal hours(long minutes, long count) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60L * count), 1, RoundingMode.HALF_UP);
    }

    private Document find(String id) {
        Document claim = claims.find(Filters.eq("_id", id)).first();
        if (claim == null) {
            throw ApiProblem.notFound("Credit claim", "学时申报", id);
        }
        return claim;
    }

    private static boolean teacherOnly(Caller caller) {
        return caller.roles().stream().noneMatch(STAFF::contains);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
