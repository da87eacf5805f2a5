package cn.xiaoben.credit.ruleset;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.contracts.credit.CreditRulesPublished;
import cn.xiaoben.messaging.outbox.EventOutbox;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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
import org.springframework.stereotype.Service;
import org.springframework.util.StreamUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Versioned credit rule sets per district and school year (collection {@code rule_sets}). The bureau saves a draft
 * (validated; saving content identical to the latest version creates nothing), then publishes it: the published
 * version with the highest number is in force; before any is published, the bundled default rule set is. Version
 * documents are immutable except for the one status change DRAFT → PUBLISHED, which carries
 * {@link CreditRulesPublished}.
 */
@Service
public class RuleSets {

    static final String COLLECTION = "rule_sets";
    static final String DEFAULT = "/rule-sets/default.yaml";

    private final MongoCollection<Document> sets;
    private final RuleSetParser parser;
    private final EventOutbox outbox;
    private final Clock clock;
    private final RuleSet defaultRuleSet;
    private final String defaultHash;

    public RuleSets(MongoDatabase database, RuleSetParser parser, EventOutbox outbox, Clock clock) {
        this.sets = database.getCollection(COLLECTION);
        this.parser = parser;
        this.outbox = outbox;
        this.clock = clock;
        this.defaultRuleSet = parser.parse(resource(DEFAULT), true);
        this.defaultHash = sha256(parser.canonicalJson(defaultRuleSet));
    }

    @PostConstruct
    void indexes() {
        sets.createIndex(Indexes.ascending("districtId", "schoolYear", "version"));
    }

    /** The rule set in force for a district's school year: its newest published version, else the default. */
    public VersionedRuleSet inForce(String districtId, SchoolYear year) {
        Document doc = sets.find(Filters.and(Filters.eq("districtId", districtId), Filters.eq("schoolYear", year.name()),
                Filters.eq("status", "PUBLISHED"))).sort(Sorts.descending("version")).first();
        return doc == null ? defaultFor(districtId, year) : versioned(doc);
    }

    public VersionedRuleSet defaultFor(String districtId, SchoolYear year) {
        return new VersionedRuleSet("default", districtId, year.name(), 0, "DEFAULT", defaultHash, defaultRuleSet,
                null, null, null, null);
    }

    /** Saves a validated draft as the next version — or answers the latest version when its content is the same. */
    public Saved saveDraft(Caller caller, SchoolYear year, String text, boolean isYaml) {
        requireBureau(caller);
        RuleSet ruleSet = parser.parse(text, isYaml);
        String canonical = parser.canonicalJson(ruleSet);
        String hash = sha256(canonical);
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Document> latest = latest(caller.districtId(), year);
            if (latest.isPresent() && hash.equals(latest.get().getString("contentHash"))) {
                return new Saved(versioned(latest.get()), false);
            }
            if (latest.isEmpty() && hash.equals(defaultHash)) {
                return new Saved(defaultFor(caller.districtId(), year), false);
            }
            int version = latest.map(d -> d.getInteger("version") + 1).orElse(1);
            Document doc = new Document("_id", id(caller.districtId(), year, version))
                    .append("districtId", caller.districtId()).append("schoolYear", year.name())
                    .append("version", version).append("status", "DRAFT").append("name", ruleSet.name())
                    .append("contentHash", hash).append("ruleSet", Document.parse(canonical))
                    .append("source", text).append("sourceFormat", isYaml ? "yaml" : "json")
                    .append("createdBy", caller.subject()).append("createdAt", Date.from(clock.instant()));
            try {
                sets.insertOne(doc);
                return new Saved(versioned(doc), true);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // another draft took this version number at the same moment: look again
            }
        }
        throw ApiProblem.conflict("concurrent-update", "Rule sets were saved concurrently; retry.", "规则同时被保存，请重试。");
    }

    /** Puts a draft in force. Only the newest version may be published (an older draft is outdated). */
    public VersionedRuleSet publish(Caller caller, SchoolYear year, int version) {
        requireBureau(caller);
        Document doc = version(caller.districtId(), year, version);
        if (!"DRAFT".equals(doc.getString("status"))) {
            throw ApiProblem.conflict("already-published", "Version " + version + " is already published.",
                    "第 " + version + " 版已经发布。");
        }
        int newest = latest(caller.districtId(), year).map(d -> d.getInteger("version")).orElse(version);
        if (newest > version) {
            throw ApiProblem.conflict("outdated-draft", "Version " + newest + " is newer; publish that one instead.",
                    "已有更新的第 " + newest + " 版，请发布该版本。");
        }
        Instant now = clock.instant();
        RuleSet ruleSet = parser.fromCanonicalJson(doc.get("ruleSet", Document.class).toJson());
        CreditRulesPublished event = new CreditRulesPublished(doc.getString("_id"), caller.districtId(), year.name(),
                version, ruleSet.name(), doc.getString("contentHash"),
                ruleSet.categories().stream().map(RuleSet.Category::code).toList(), ruleSet.rules().size(),
                ruleSet.requirements().stream().map(RuleSet.Requirement::id).toList(), caller.subject(), now);
        Document after = sets.findOneAndUpdate(Filters.and(Filters.eq("_id", doc.getString("_id")),
                        Filters.eq("status", "DRAFT")),
                Updates.combine(Updates.set("status", "PUBLISHED"), Updates.set("publishedBy", caller.subject()),
                        Updates.set("publishedAt", Date.from(now)), outbox.append(event)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw ApiProblem.conflict("already-published", "Version " + version + " was just published.",
                    "第 " + version + " 版刚刚已发布。");
        }
        outbox.publishSoon(COLLECTION, doc.getString("_id"));
        return versioned(after);
    }

    public List<VersionedRuleSet> versions(Caller caller, SchoolYear year) {
        requireBureau(caller);
        List<VersionedRuleSet> result = new ArrayList<>();
        sets.find(Filters.and(Filters.eq("districtId", caller.districtId()), Filters.eq("schoolYear", year.name())))
                .sort(Sorts.descending("version")).forEach(d -> result.add(versioned(d)));
        return result;
    }

    public VersionedRuleSet find(Caller caller, SchoolYear year, int version) {
        requireBureau(caller);
        return versioned(version(caller.districtId(), year, version));
    }

    private Document version(String districtId, SchoolYear year, int version) {
        Document doc = sets.find(Filters.eq("_id", id(districtId, year, version))).first();
        if (doc == null) {
            throw ApiProblem.notFound("Rule set version", "规则版本", year.name() + " v" + version);
        }
        return doc;
    }

    private Optional<Document> latest(String districtId, SchoolYear year) {
        return Optional.ofNullable(sets.find(Filters.and(Filters.eq("districtId", districtId),
                Filters.eq("schoolYear", year.name()))).sort(Sorts.descending("version")).first());
    }

    private VersionedRuleSet versioned(Document doc) {
        return new VersionedRuleSet(doc.getString("_id"), doc.getString("districtId"), doc.getString("schoolYear"),
                doc.getInteger("version"), doc.getString("status"), doc.getString("contentHash"),
                parser.fromCanonicalJson(doc.get("ruleSet", Document.class).toJson()), doc.getString("createdBy"),
                instant(doc.getDate("createdAt")), doc.getString("publishedBy"), instant(doc.getDate("publishedAt")));
    }

    private static void requireBureau(Caller caller) {
        if (!caller.has(Role.BUREAU_ADMIN) || caller.districtId() == null) {
            throw ApiProblem.forbidden("Only the bureau (BUREAU_ADMIN) saves and publishes credit rules.",
                    "只有教育局管理员可以保存和发布学时认定规则。");
        }
    }

    static String id(String districtId, SchoolYear year, int version) {
        return "rs-" + districtId + "-" + year.name() + "-v" + version;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = RuleSets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing");
            }
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Saved(VersionedRuleSet ruleSet, boolean created) {
    }
}
