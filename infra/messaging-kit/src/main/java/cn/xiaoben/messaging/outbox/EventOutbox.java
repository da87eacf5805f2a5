package cn.xiaoben.messaging.outbox;

import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.contracts.EventJson;
import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.messaging.tracing.TraceParents;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Embeds events in the very document write that causes them, so that state and events are stored by one
 * single-document write (no multi-document transactions exist on the embedded store). The {@link OutboxRelay}
 * publishes them and removes them from the document.
 */
public class EventOutbox {

    public static final String FIELD = "outbox";
    public static final String PENDING_SINCE = "outboxPendingSince";

    private final TraceParents traceParents;
    private final OutboxRelay relay;
    private final Clock clock;

    public EventOutbox(TraceParents traceParents, OutboxRelay relay, Clock clock) {
        this.traceParents = traceParents;
        this.relay = relay;
        this.clock = clock;
    }

    /** Adds the events to a document about to be inserted. */
    public Document attach(Document document, DomainEvent... events) {
        return document.append(FIELD, entries(events)).append(PENDING_SINCE, Date.from(clock.instant()));
    }

    /** The update operators that append the events to an existing document. */
    public Bson append(DomainEvent... events) {
        return Updates.combine(
                Updates.pushEach(FIELD, entries(events)),
                Updates.min(PENDING_SINCE, Date.from(clock.instant())));
    }

    /** Asks the relay to publish the events of this document now rather than at its next sweep. */
    public void publishSoon(String collection, Object documentId) {
        relay.publishSoon(collection, documentId);
    }

    private List<Document> entries(DomainEvent... events) {
        Instant now = clock.instant();
        String traceparent = traceParents.current().orElse(null);
        return Arrays.stream(events).map(e -> entry(e, now, traceparent).toDocument()).toList();
    }

    private static OutboxEntry entry(DomainEvent event, Instant now, String traceparent) {
        EventType<DomainEvent> type = EventTypes.of(event);
        return new OutboxEntry(UUID.randomUUID().toString(), type.name(), type.topic(), event.partitionKey(),
                event.eventSubject(), now, type.schemaUri(), new String(EventJson.write(event), StandardCharsets.UTF_8),
                traceparent);
    }
}
