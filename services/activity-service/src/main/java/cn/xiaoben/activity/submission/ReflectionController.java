package cn.xiaoben.activity.submission;

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
@RequestMapping("/api/activities/reflections")
class ReflectionController {

    private final TeacherSubmissions submissions;

    ReflectionController(TeacherSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReflectionView> submit(Caller caller, @Valid @RequestBody ReflectionRequest request,
                                          @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                          String idempotencyKey) {
        IdempotentInserts.Outcome outcome = submissions.submitReflection(caller, request, idempotencyKey);
        ReflectionView view = ReflectionView.of(outcome.document(), true);
        return CreatedResponses.created("/api/activities/reflections/" + view.id(), outcome, view);
    }

    @GetMapping("/{id}")
    ReflectionView find(Caller caller, @PathVariable String id) {
        return submissions.findReflection(caller, id);
    }

    @GetMapping
    PageResponse<ReflectionView> list(Caller caller,
                                      @RequestParam(required = false) String schoolId,
                                      @RequestParam(required = false) String teacherId,
                                      @RequestParam(required = false) ReflectionKind kind,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                      @RequestParam(defaultValue = "newest") String sort) {
        return submissions.listReflections(caller, new SubmissionQuery(schoolId, teacherId,
                kind == null ? null : kind.name(), from, to, page, size, !"oldest".equals(sort)));
    }
}
