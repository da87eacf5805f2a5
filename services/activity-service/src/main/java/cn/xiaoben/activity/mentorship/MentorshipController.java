package cn.xiaoben.activity.mentorship;

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
@RequestMapping("/api/activities/mentorships")
class MentorshipController {

    private final Mentorships mentorships;

    MentorshipController(Mentorships mentorships) {
        this.mentorships = mentorships;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MentorshipView> form(Caller caller, @Valid @RequestBody MentorshipRequest request,
                                        @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                        String idempotencyKey) {
        IdempotentInserts.Outcome outcome = mentorships.form(caller, request, idempotencyKey);
        MentorshipView view = MentorshipView.of(outcome.document());
        return CreatedResponses.created("/api/activities/mentorships/" + view.id(), outcome, view);
    }

    @PostMapping(path = "/{id}/checkpoints", consumes = MediaType.APPLICATION_JSON_VALUE)
    MentorshipView checkpoint(Caller caller, @PathVariable String id, @Valid @RequestBody CheckpointRequest request) {
        return mentorships.recordCheckpoint(caller, id, request);
    }

    @GetMapping("/{id}")
    MentorshipView find(Caller caller, @PathVariable String id) {
        return mentorships.find(caller, id);
    }

    @GetMapping
    PageResponse<MentorshipView> list(Caller caller,
                                      @RequestParam(required = false) String schoolId,
                                      @RequestParam(required = false) String teacherId,
                                      @RequestParam(required = false) String schoolYear,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return mentorships.list(caller, schoolId, teacherId, schoolYear, from, to, page, size);
    }
}
