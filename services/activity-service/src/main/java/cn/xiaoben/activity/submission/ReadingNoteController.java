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
@RequestMapping("/api/activities/reading-notes")
class ReadingNoteController {

    private final TeacherSubmissions submissions;

    ReadingNoteController(TeacherSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReadingNoteView> submit(Caller caller, @Valid @RequestBody ReadingNoteRequest request,
                                          @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                          String idempotencyKey) {
        IdempotentInserts.Outcome outcome = submissions.submitReadingNote(caller, request, idempotencyKey);
        ReadingNoteView view = ReadingNoteView.of(outcome.document(), true);
        return CreatedResponses.created("/api/activities/reading-notes/" + view.id(), outcome, view);
    }

    @GetMapping("/{id}")
    ReadingNoteView find(Caller caller, @PathVariable String id) {
        return submissions.findReadingNote(caller, id);
    }

    @GetMapping
    PageResponse<ReadingNoteView> list(Caller caller,
                                      @RequestParam(required = false) String schoolId,
                                      @RequestParam(required = false) String teacherId,
                                      @RequestParam(required = false) ReadingKind kind,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                      @RequestParam(defaultValue = "newest") String sort) {
        return submissions.listReadingNotes(caller, new SubmissionQuery(schoolId, teacherId,
                kind == null ? null : kind.name(), from, to, page, size, !"oldest".equals(sort)));
    }
}
