package cn.xiaoben.service.idempotency;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * The answer to a creating POST: 201 with {@code Location}, and {@code Idempotent-Replayed: true} when an
 * {@code Idempotency-Key} retry found what the first request created (the same body, nothing new created).
 */
public final class CreatedResponses {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private CreatedResponses() {
    }

    public static <T> ResponseEntity<T> created(String location, IdempotentInserts.Outcome outcome, T body) {
        return ResponseEntity.created(URI.create(location))
                .header(REPLAYED_HEADER, String.valueOf(outcome.replayed()))
                .body(body);
    }
}
