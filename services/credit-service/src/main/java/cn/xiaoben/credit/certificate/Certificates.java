package cn.xiaoben.credit.certificate;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.credit.requirement.RequirementProgress;
import cn.xiaoben.credit.requirement.TeacherAccess;
import cn.xiaoben.credit.transcript.TranscriptView;
import cn.xiaoben.credit.transcript.Transcripts;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.SchoolYearParameter;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Continuing-education certificates (继续教育证书 records), collection {@code certificates}: one document per number
 * issued, {@code _id} the number. A teacher's certificate for a year is issued from the transcript; asking again with
 * the same content (totals, required-content hours, requirement statuses) gives the same number; when the content
 * changed (new awards, a revocation), a new number is issued (next {@code generation}) and the earlier ones are
 * marked superseded, so they still verify — as superseded. Numbers are random (not derivable from ids or totals).
 */
@Service
public class Certificates {

    static final String COLLECTION = "certificates";
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private final MongoCollection<Document> certificates;
    private final Transcripts transcripts;
    private final DirectoryReplica directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Certificates(MongoDatabase database, Transcripts transcripts, DirectoryReplica directory, Clock clock) {
        this.certificates = database.getCollection(COLLECTION);
        this.transcripts = transcripts;
        this.directory = directory;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        certificates.createIndex(Indexes.ascending("teacherId", "schoolYear", "generation"),
                new IndexOptions().unique(true));
    }

    /** The certificate for the teacher's year: its transcript and the (current) number for that content. */
    public Issued issue(Caller caller, String teacherId, String year) {
        SchoolYear schoolYear = SchoolYearParameter.parseOrCurrent(year, clock);
        TeacherRef teacher = TeacherAccess.reachable(directory, caller, teacherId);
        TranscriptView transcript = transcripts.build(teacher, schoolYear);
        String hash = contentHash(transcript);
        for (int attempt = 0; attempt < 5; attempt++) {
            Document current = certificates.find(Filters.and(Filters.eq("teacherId", teacherId),
                    Filters.eq("schoolYear", schoolYear.name()))).sort(Sorts.descending("generation")).first();
            if (current != null && hash.equals(current.getString("contentHash"))) {
                return new Issued(transcript, current.getString("_id"), current.getDate("issuedAt").toInstant());
            }
            int generation = current == null ? 1 : current.getInteger("generation") + 1;
            String number = newNumber(schoolYear);
            Instant now = clock.instant();
            Document doc = new Document("_id", number).append("teacherId", teacherId)
                    .append("schoolId", teacher.schoolId()).append("districtId", teacher.districtId())
                    .append("schoolYear", schoolYear.name()).append("generation", generation)
                    .append("contentHash", hash)
                    .append("totalHours", transcript.totalHours().doubleValue())
                    .append("totalCredits", transcript.totalCredits() == null ? null
                            : transcript.totalCredits().doubleValue())
                    .append("requiredContentHours", transcript.requiredContentHours().doubleValue())
                    .append("statuses", statuses(transcript))
                    .append("superseded", false)
                    .append("issuedBy", caller.subject()).append("issuedAt", Date.from(now));
            try {
                certificates.insertOne(doc);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                continue; // issued at the same moment by another request: look again
            }
            certificates.updateMany(Filters.and(Filters.eq("teacherId", teacherId),
                            Filters.eq("schoolYear", schoolYear.name()), Filters.lt("generation", generation)),
                    Updates.combine(Updates.set("superseded", true), Updates.set("supersededBy", number),
                            Updates.set("supersededAt", Date.from(now))));
            return new Issued(transcript, number, now);
        }
        throw ApiProblem.conflict("concurrent-update", "Certificates were issued concurrently; retry.",
                "证书同时被签发，请重试。");
    }

    /** What the public may learn from a number: valid or superseded, year, totals, issue date. 404 when unknown. */
    public Verification verify(String number) {
        Document doc = number == null || number.length() > 64 ? null
                : certificates.find(Filters.eq("_id", number)).first();
        if (doc == null) {
            throw ApiProblem.notFound("Certificate", "证书", number == null ? "" : number);
        }
        boolean superseded = Boolean.TRUE.equals(doc.getBoolean("superseded"));
        Object credits = doc.get("totalCredits");
        return new Verification(doc.getString("_id"), !superseded, superseded, doc.getString("schoolYear"),
                hours(doc.get("totalHours")), credits == null ? null : hours(credits),
                LocalDate.ofInstant(doc.getDate("issuedAt").toInstant(), PlatformTime.ZONE));
    }

    private String newNumber(SchoolYear year) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return "JXJY-" + year.startYear() + "-" + code;
    }

    static String contentHash(TranscriptView t) {
        String content = t.teacher().teacherId() + "|" + t.year() + "|" + t.totalHours().toPlainString() + "|"
                + (t.totalCredits() == null ? "" : t.totalCredits().toPlainString()) + "|"
                + t.requiredContentHours().toPlainString() + "|" + t.ruleSet().id() + "|" + t.ruleSet().version()
                + "|" + statuses(t);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statuses(TranscriptView t) {
        // met or not: ON_TRACK / AT_RISK move with the calendar, not with the record
        return t.requirements().stream().map(r -> r.requirementId() + "@" + r.period() + "="
                        + (r.status() == cn.xiaoben.credit.requirement.RequirementStatus.MET ? "MET" : "NOT_MET"))
                .collect(Collectors.joining(";"));
    }

    private static BigDecimal hours(Object value) {
        return cn.xiaoben.credit.ledger.CreditLedger.hours(value);
    }

    public record Issued(TranscriptView transcript, String number, Instant issuedAt) {

        public List<RequirementProgress> requirements() {
            return transcript.requirements();
        }
    }

    /** The public answer: nothing about the person. */
    public record Verification(String number, boolean valid, boolean superseded, String schoolYear,
                               BigDecimal totalHours, BigDecimal totalCredits, LocalDate issuedOn) {
    }
}
