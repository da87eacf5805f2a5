package cn.xiaoben.activity.session;

import cn.xiaoben.service.tenancy.Caller;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A session's form-specific evidence: lesson plan revisions, the reflection after teaching, minutes, comparison. */
@RestController
@RequestMapping("/api/activities/sessions/{id}")
class SessionEvidenceController {

    private final SessionEvidence evidence;

    SessionEvidenceController(SessionEvidence evidence) {
        this.evidence = evidence;
    }

    @PostMapping(value = "/lesson-plan/revisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView reviseLessonPlan(Caller caller, @PathVariable String id,
                                 @Valid @RequestBody SessionRequests.LessonPlanRevision request) {
        return SessionView.of(evidence.reviseLessonPlan(caller, id, request));
    }

    @PostMapping(value = "/post-lesson-reflection", consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView linkReflection(Caller caller, @PathVariable String id,
                               @Valid @RequestBody SessionRequests.ReflectionLink request) {
        return SessionView.of(evidence.linkReflection(caller, id, request));
    }

    @PostMapping(value = "/minutes", consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView recordMinutes(Caller caller, @PathVariable String id,
                              @Valid @RequestBody SessionRequests.Minutes request) {
        return SessionView.of(evidence.recordMinutes(caller, id, request));
    }

    @GetMapping("/comparison")
    SessionEvidence.Comparison comparison(Caller caller, @PathVariable String id) {
        return evidence.comparison(caller, id);
    }
}
