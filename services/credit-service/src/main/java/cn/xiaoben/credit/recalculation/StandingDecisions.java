package cn.xiaoben.credit.recalculation;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.credit.award.CreditAwarder;
import cn.xiaoben.credit.ledger.CreditLedger;
import cn.xiaoben.credit.ruleset.CreditFact;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the ledger currently says about each source of a district's school year: the latest decision per
 * {@code sourceKey} (the highest revision across awards in {@code ledger_entries} and {@code credit_declines}), with
 * the fact rebuilt from the decision's {@code inputs}. A voided award whose source has no later decision is not
 * standing — except one voided by a recalculation ({@code rules-changed}) that stopped before writing the next
 * revision: it stands as 0 hours (reason {@value #VOIDED}) so that the next run writes that revision. Sources waiting
 * in a claim are left out; decisions written before inputs were kept are counted, not planned.
 */
@Component
public class StandingDecisions {

    /** The reason of a standing "decision" that is a recalculation's voided award still waiting for its revision. */
    public static final String VOIDED = "voided";
    static final String RULES_CHANGED = "rules-changed";

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> declines;
    private final MongoCollection<Document> claims;

    public StandingDecisions(MongoDatabase database) {
        this.entries = database.getCollection(CreditLedger.ENTRIES);
        this.declines = database.getCollection(CreditLedger.DECLINES);
        this.claims = database.getCollection("credit_claims");
    }

    @PostConstruct
    void indexes() {
        entries.createIndex(Indexes.ascending("districtId", "schoolYear", "kind"));
        declines.createIndex(Indexes.ascending("districtId", "schoolYear"));
    }

    public record Standing(List<StandingDecision> decisions, int sourcesWithoutInputs) {
    }

    public Standing of(String districtId, SchoolYear year) {
        Map<String, Document> latest = new HashMap<>();
        Map<String, Document> revocations = new HashMap<>();
        entries.find(Filters.and(Filters.eq("districtId", districtId), Filters.eq("schoolYear", year.name())))
                .forEach(d -> {
                    if (CreditLedger.REVOCATION.equals(d.getString("kind"))) {
                        revocations.put(d.getString("voids"), d);
                    } else if (d.getString("sourceKey") != null && d.getInteger("revision") != null) {
                        keepLatest(latest, d);
                    }
                });
        declines.find(Filters.and(Filters.eq("districtId", districtId), Filters.eq("schoolYear", year.name())))
                .forEach(d -> {
                    if (d.getString("sourceKey") != null && d.getInteger("revision") != null) {
                        keepLatest(latest, d);
                    }
                });
        Set<String> waiting = new HashSet<>();
        claims.find(Filters.and(Filters.eq("districtId", districtId), Filters.eq("schoolYear", year.name()),
                Filters.eq("status", "PENDING"), Filters.exists("fact.sourceKey")))
                .forEach(c -> waiting.add(c.get("fact", Document.class).getString("sourceKey")));
        List<StandingDecision> standing = new ArrayList<>();
        int withoutInputs = 0;
        for (Document d : latest.values()) {
            if (waiting.contains(d.getString("sourceKey"))) {
                continue;
            }
            boolean award = CreditLedger.AWARD.equals(d.getString("kind"));
            Document revocation = award ? revocations.get(d.getString("_id")) : null;
            if (revocation != null && !RULES_CHANGED.equals(revocation.getString("reason"))) {
                continue;   // voided by a correction that decides its own next revision
            }
            Optional<CreditFact> fact = CreditAwarder.factOf(d);
            if (fact.isEmpty()) {
                withoutInputs++;
                continue;
            }
            BigDecimal hours = award && revocation == null ? CreditLedger.hours(d.get("hours")) : BigDecimal.ZERO;
            String reason = award ? (revocation == null ? null : VOIDED) : d.getString("reason");
            standing.add(new StandingDecision(fact.get(), d.getString("_id"), d.getInteger("revision"),
                    d.getString("category"), d.getString("ruleId"), hours.setScale(1), reason));
        }
        return new Standing(standing, withoutInputs);
    }

    private static void keepLatest(Map<String, Document> latest, Document d) {
        latest.merge(d.getString("sourceKey"), d,
                (a, b) -> b.getInteger("revision") > a.getInteger("revision") ? b : a);
    }
}
