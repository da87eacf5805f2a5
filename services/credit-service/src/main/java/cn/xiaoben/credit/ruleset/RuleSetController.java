package cn.xiaoben.credit.ruleset;

import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.SchoolYearParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The bureau's credit rules: {@code POST /api/credits/rule-sets/{year}} saves a draft (JSON, or YAML with
 * {@code Content-Type: application/yaml}), {@code POST …/versions/{n}/publish} (in the recalculation package) puts it in force. Everyone in the
 * district may read the rules in force; versions are the bureau's.
 */
@RestController
@RequestMapping("/api/credits/rule-sets")
class RuleSetController {

    private static final String YAML = "application/yaml";

    private final RuleSets ruleSets;

    RuleSetController(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping(value = "/schema", produces = "application/schema+json")
    String schema() {
        return RuleSets.resource(RuleSetParser.SCHEMA);
    }

    @GetMapping("/{year}")
    VersionedRuleSet inForce(Caller caller, @PathVariable String year) {
        requireDistrict(caller);
        return ruleSets.inForce(caller.districtId(), SchoolYearParameter.parse(year));
    }

    @PostMapping(value = "/{year}", consumes = {MediaType.APPLICATION_JSON_VALUE, YAML, "application/x-yaml", "text/yaml"})
    ResponseEntity<VersionedRuleSet> saveDraft(Caller caller, @PathVariable String year, @RequestBody String body,
                                               @RequestHeader("Content-Type") String contentType) {
        RuleSets.Saved saved = ruleSets.saveDraft(caller, SchoolYearParameter.parse(year), body,
                contentType.contains("yaml"));
        VersionedRuleSet set = saved.ruleSet();
        if (!saved.created()) {
            return ResponseEntity.ok().header("X-Unchanged", "true").body(set);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/credits/rule-sets/" + set.schoolYear() + "/versions/" + set.version()))
                .body(set);
    }

    @GetMapping("/{year}/versions")
    List<VersionedRuleSet> versions(Caller caller, @PathVariable String year) {
        requireDistrict(caller);
        return ruleSets.versions(caller, SchoolYearParameter.parse(year));
    }

    @GetMapping("/{year}/versions/{version}")
    VersionedRuleSet version(Caller caller, @PathVariable String year, @PathVariable int version) {
        requireDistrict(caller);
        return ruleSets.find(caller, SchoolYearParameter.parse(year), version);
    }

    private static void requireDistrict(Caller caller) {
        if (caller.districtId() == null) {
            throw ApiProblem.forbidden("This token names no district.", "该令牌未指明所属区县。");
        }
    }
}
