package cn.xiaoben.activity.external;

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
@RequestMapping("/api/activities/external-trainings")
class ExternalTrainingController {

    private final ExternalTrainings trainings;

    ExternalTrainingController(ExternalTrainings trainings) {
        this.trainings = trainings;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExternalTrainingView> claim(Caller caller, @Valid @RequestBody ExternalTrainingRequest request,
                                               @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                               String idempotencyKey) {
        IdempotentInserts.Outcome outcome = trainings.claim(caller, request, idempotencyKey);
        ExternalTrainingView view = ExternalTrainingView.of(outcome.document());
        return CreatedResponses.created("/api/activities/external-trainings/" + view.id(), outcome, view);
    }

    @GetMapping("/{id}")
    ExternalTrainingView find(Caller caller, @PathVariable String id) {
        return trainings.find(caller, id);
    }

    @GetMapping
    PageResponse<ExternalTrainingView> list(Caller caller,
                                            @RequestParam(required = false) String schoolId,
                                            @RequestParam(required = false) String teacherId,
                                            @RequestParam(required = false) ExternalTrainingKind kind,
                                            @RequestParam(required = false) ActivityLevel level,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(defaultValue = "0") @Min(0) int page,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return trainings.list(caller, schoolId, teacherId, kind, level, from, to, page, size);
    }
}
