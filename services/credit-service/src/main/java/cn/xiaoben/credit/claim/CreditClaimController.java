package cn.xiaoben.credit.claim;

import cn.xiaoben.service.idempotency.CreatedResponses;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.PageResponse;
import cn.xiaoben.service.web.SchoolYearParameter;
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

import java.time.Clock;

@RestController
@RequestMapping("/api/credits/claims")
class CreditClaimController {

    private final CreditClaims claims;
    private final Clock clock;

    CreditClaimController(CreditClaims claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreditClaimView> submit(Caller caller, @Valid @RequestBody ClaimRequest request,
                                           @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                           String idempotencyKey) {
        IdempotentInserts.Outcome outcome = claims.submit(caller, request, idempotencyKey);
        CreditClaimView view = CreditClaimView.of(outcome.document(), clock.instant());
        return CreatedResponses.created("/api/credits/claims/" + view.id(), outcome, view);
    }

    @PostMapping(path = "/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    CreditClaimView approve(Caller caller, @PathVariable String id,
                            @Valid @RequestBody DecisionRequests.Approve request) {
        return claims.approve(caller, id, request.note());
    }

    @PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    CreditClaimView reject(Caller caller, @PathVariable String id, @Valid @RequestBody DecisionRequests.Reject request) {
        return claims.reject(caller, id, request.reason());
    }

    @GetMapping("/waiting-times")
    WaitingTimesView waitingTimes(Caller caller, @RequestParam(required = false) String schoolYear) {
        return claims.waitingTimes(caller, SchoolYearParameter.parseOrCurrent(schoolYear, clock));
    }

    @GetMapping("/{id}")
    CreditClaimView read(Caller caller, @PathVariable String id) {
        return claims.read(caller, id);
    }

    @GetMapping
    PageResponse<CreditClaimView> list(Caller caller,
                                       @RequestParam(required = false) ClaimStatus status,
                                       @RequestParam(required = false) ClaimLevel level,
                                       @RequestParam(required = false) String schoolId,
                                       @RequestParam(required = false) String teacherId,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return claims.list(caller, status, level, schoolId, teacherId, page, size);
    }
}
