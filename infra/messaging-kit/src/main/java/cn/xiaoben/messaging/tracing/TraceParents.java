package cn.xiaoben.messaging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;

import java.util.Optional;

/**
 * Carries the W3C trace context across the outbox: captured when an event is written, restored around its
 * publication, so the trace of a request continues into every consumer of its events.
 */
public class TraceParents {

    private final ObjectProvider<Tracer> tracer;

    public TraceParents(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current span as a {@code traceparent} value, if there is one. */
    public Optional<String> current() {
        Tracer t = tracer.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        TraceContext ctx = span.context();
        return Optional.of("00-" + ctx.traceId() + "-" + ctx.spanId() + "-01");
    }

    /** Runs {@code action} as if inside the span the {@code traceparent} names. */
    public void runWithin(String traceparent, Runnable action) {
        Tracer t = tracer.getIfAvailable();
        String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
        if (t == null || parts.length != 4) {
            action.run();
            return;
        }
        TraceContext parent = t.traceContextBuilder().traceId(parts[1]).spanId(parts[2]).sampled(true).build();
        try (Tracer.SpanInScope ignored = t.withSpan(t.spanBuilder().setParent(parent).name("outbox relay").start())) {
            action.run();
        }
    }
}
