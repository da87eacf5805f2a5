package cn.xiaoben.activity.research;

import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.service.idempotency.CreatedResponses;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@RestController
@RequestMapping("/api/activities/research-projects")
class ResearchProjectController {

    private final ResearchProjects projects;

    ResearchProjectController(ResearchProjects projects) {
        this.projects = projects;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ResearchProjectView> register(Caller caller, @Valid @RequestBody ResearchProjectRequest request,
                                                 @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                                 String idempotencyKey) {
        IdempotentInserts.Outcome outcome = projects.register(caller, request, idempotencyKey);
        ResearchProjectView view = ResearchProjectView.of(outcome.document());
        return CreatedResponses.created("/api/activities/research-projects/" + view.id(), outcome, view);
    }

    @PostMapping(path = "/{id}/stages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResearchProjectView advance(Caller caller, @PathVariable String id, @Valid @RequestBody StageChangeRequest request) {
        return projects.advance(caller, id, request);
    }

    @GetMapping("/{id}")
    ResearchProjectView find(Caller caller, @PathVariable String id) {
        return projects.find(caller, id);
    }

    @GetMapping
    PageResponse<ResearchProjectView> list(Caller caller,
                                           @RequestParam(required = false) String schoolId,
                                           @RequestParam(required = false) ResearchStage stage,
                                           @RequestParam(required = false) ActivityLevel level,
                                           @RequestParam(required = false) String teacherId,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return projects.list(caller, new ResearchProjectQuery(schoolId, stage, level, teacherId, page, size));
    }
}
