package cn.xiaoben.activity.paper;

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
@RequestMapping("/api/activities/papers")
class PaperController {

    private final Papers papers;

    PaperController(Papers papers) {
        this.papers = papers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaperView> record(Caller caller, @Valid @RequestBody PaperRequest request,
                                     @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                     String idempotencyKey) {
        IdempotentInserts.Outcome outcome = papers.record(caller, request, idempotencyKey);
        PaperView view = PaperView.of(outcome.document());
        return CreatedResponses.created("/api/activities/papers/" + view.id(), outcome, view);
    }

    @GetMapping("/{id}")
    PaperView find(Caller caller, @PathVariable String id) {
        return papers.find(caller, id);
    }

    @GetMapping
    PageResponse<PaperView> list(Caller caller,
                                 @RequestParam(required = false) String schoolId,
                                 @RequestParam(required = false) String teacherId,
                                 @RequestParam(required = false) ActivityLevel level,
                                 @RequestParam(required = false) PaperKind kind,
                                 @RequestParam(required = false)
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false)
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return papers.list(caller, new PaperQuery(schoolId, teacherId, level, kind, from, to, page, size));
    }
}
