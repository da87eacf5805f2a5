package cn.xiaoben.activity.observation;

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

import java.time.OffsetDateTime;

@RestController
@RequestMapping("/api/activities/lesson-observations")
class LessonObservationController {

    private final LessonObservations observations;

    LessonObservationController(LessonObservations observations) {
        this.observations = observations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LessonObservationView> record(Caller caller, @Valid @RequestBody LessonObservationRequest request,
                                                 @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                                 String idempotencyKey) {
        IdempotentInserts.Outcome outcome = observations.record(caller, request, idempotencyKey);
        LessonObservationView view = LessonObservationView.of(outcome.document());
        return CreatedResponses.created("/api/activities/lesson-observations/" + view.id(), outcome, view);
    }

    @GetMapping("/{id}")
    LessonObservationView find(Caller caller, @PathVariable String id) {
        return observations.find(caller, id);
    }

    @GetMapping
    PageResponse<LessonObservationView> list(Caller caller,
                                             @RequestParam(required = false) String schoolId,
                                             @RequestParam(required = false) String observerId,
                                             @RequestParam(required = false) String teacherId,
                                             @RequestParam(required = false) String subject,
                                             @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                             @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                             @RequestParam(defaultValue = "newest") String sort) {
        return observations.list(caller, new ObservationQuery(schoolId, observerId, teacherId, subject, from, to,
                page, size, !"oldest".equals(sort)));
    }
}
