package cn.xiaoben.activity.skill;

import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.service.idempotency.CreatedResponses;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
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

import java.time.LocalDate;

@RestController
@RequestMapping("/api/activities/skill-programmes")
class SkillProgrammeController {

    private final SkillProgrammes programmes;

    SkillProgrammeController(SkillProgrammes programmes) {
        this.programmes = programmes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SkillProgrammeView> enrol(Caller caller, @Valid @RequestBody SkillProgrammeRequest request,
                                             @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                             String idempotencyKey) {
        IdempotentInserts.Outcome outcome = programmes.enrol(caller, request, idempotencyKey);
        SkillProgrammeView view = SkillProgrammeView.of(outcome.document());
        return CreatedResponses.created("/api/activities/skill-programmes/" + view.id(), outcome, view);
    }

    @PostMapping(path = "/{id}/modules/{module}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    SkillProgrammeView completeModule(Caller caller, @PathVariable String id, @PathVariable String module,
                                      @Valid @RequestBody ModuleCompletionRequest request) {
        return programmes.completeModule(caller, id, module, request);
    }

    @PostMapping(path = "/{id}/result", consumes = MediaType.APPLICATION_JSON_VALUE)
    SkillProgrammeView result(Caller caller, @PathVariable String id,
                              @Valid @RequestBody ProgrammeResultRequest request) {
        return programmes.recordResult(caller, id, request);
    }

    @GetMapping("/{id}")
    SkillProgrammeView find(Caller caller, @PathVariable String id) {
        return programmes.find(caller, id);
    }

    @GetMapping
    PageResponse<SkillProgrammeView> list(Caller caller,
                                          @RequestParam(required = false) String schoolId,
                                          @RequestParam(required = false) String teacherId,
                                          @RequestParam(required = false) ActivityLevel level,
                                          @RequestParam(required = false) SkillStatus status,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return programmes.list(caller, schoolId, teacherId, level, status, from, to, page, size);
    }
}
