package cn.xiaoben.credit.recalculation;

import cn.xiaoben.credit.ruleset.RuleSet;
import cn.xiaoben.credit.ruleset.RuleSets;
import cn.xiaoben.credit.ruleset.VersionedRuleSet;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.SchoolYearParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Publishing a rule-set version and what it changes: {@code GET …/versions/{n}/preview} (the per-teacher difference
 * the version would make), {@code POST …/versions/{n}/publish} (puts it in force, then applies its plan) and
 * {@code POST …/versions/{n}/recalculate} (applies the plan of the version in force again; nothing when done).
 */
@RestController
@RequestMapping("/api/credits/rule-sets")
class RecalculationController {

    private final RuleSets ruleSets;
    private final Recalculations recalculations;

    RecalculationController(RuleSets ruleSets, Recalculations recalculations) {
        this.ruleSets = ruleSets;
        this.recalculations = recalculations;
    }

    /** A published version with what its recalculation applied. */
    record Published(String id, String districtId, String schoolYear, int version, String status, String contentHash,
                     RuleSet ruleSet, String createdBy, Instant createdAt, String publishedBy, Instant publishedAt,
                     Recalculations.Applied recalculation) {
    }

    @GetMapping("/{year}/versions/{version}/preview")
    Recalculations.Preview preview(Caller caller, @PathVariable String year, @PathVariable int version) {
        return recalculations.preview(caller, SchoolYearParameter.parse(year), version);
    }

    @PostMapping("/{year}/versions/{version}/publish")
    Published publish(Caller caller, @PathVariable String year, @PathVariable int version) {
        VersionedRuleSet set = ruleSets.publish(caller, SchoolYearParameter.parse(year), version);
        Recalculations.Applied applied = recalculations.apply(set);
        return new Published(set.id(), set.districtId(), set.schoolYear(), set.version(), set.status(),
                set.contentHash(), set.ruleSet(), set.createdBy(), set.createdAt(), set.publishedBy(),
                set.publishedAt(), applied);
    }

    @PostMapping("/{year}/versions/{version}/recalculate")
    Recalculations.Applied recalculate(Caller caller, @PathVariable String year, @PathVariable int version) {
        return recalculations.recalculate(caller, SchoolYearParameter.parse(year), version);
    }
}
