package cn.xiaoben.activity.online;

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
@RequestMapping("/api/activities/online-studies")
class OnlineStudyController {

    private final OnlineStudies studies;

    OnlineStudyController(OnlineStudies studies) {
        this.studies = studies;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OnlineStudyView> record(Caller caller, @Valid @RequestBody OnlineStudyRequest request,
                                           @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                           String idempotencyKey) {
        IdempotentInserts.Outcome outcome = studies.record(caller, request, idempotencyKey);
        OnlineStudyView view = OnlineStudyView.of(outcome.document());
        return CreatedResponses.created("/api/activities/online-studies/" + view.id(), outcome, view);
    }

    @GetMapping("/{id}")
    OnlineStudyView find(Caller caller, @PathVariable String id) {
        return studies.find(caller, id);
    }

    @GetMapping
    PageResponse<OnlineStudyView> list(Caller caller,
                                       @RequestParam(required = false) String schoolId,
                                       @RequestParam(required = false) String teacherId,
                                       @RequestParam(required = false) String platform,
                                       @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return studies.list(caller, schoolId, teacherId, platform, from, to, page, size);
    }
}
