package cn.xiaoben.messaging.outbox;

import cn.xiaoben.messaging.tracing.TraceParents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one relay that moves events from documents' outboxes to Kafka, at least once and in write order.
 * Writers call {@link #publishSoon} right after their write, so an event usually leaves within milliseconds;
 * a periodic sweep publishes whatever a crash or a failed send left behind. One thread does all the work, so a
 * service never publishes the same pending event twice concurrently.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 200;

    private final MongoDatabase database;
    private final List<String> collections;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final TraceParents traceParents;
    private final URI source;
    private final Duration sweepInterval;
    private final Clock clock;
    private final Timer delay;
    private final MeterRegistry meters;
    private final BlockingQueue<Target> targets = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoDatabase database, List<String> collections, KafkaTemplate<String, CloudEvent> kafka,
                       TraceParents traceParents, String source, Duration sweepInterval, Clock clock,
                       MeterRegistry meters) {
        this.database = database;
        this.collections = List.copyOf(collections);
        this.kafka = kafka;
        this.traceParents = traceParents;
        this.source = URI.create(source);
        this.sweepInterval = sweepInterval;
        this.clock = clock;
        this.meters = meters;
        this.delay = Timer.builder("xiaoben.outbox.delay")
                .description("Time from an event's write to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    public void publishSoon(String collection, Object documentId) {
        targets.add(new Target(collection, documentId));
    }

    /** Publishes everything pending in every outbox collection; returns how many events were published. */
    public int sweep() {
        int published = 0;
        for (String name : collections) {
            MongoCollection<Document> collection = database.getCollection(name);
            for (Document doc : collection.find(Filters.exists(EventOutbox.PENDING_SINCE))
                    .sort(Sorts.ascending(EventOutbox.PENDING_SINCE))
                    .projection(Projections.include(EventOutbox.FIELD))
                    .limit(SWEEP_BATCH)) {
                published += publish(collection, doc);
            }
        }
        return published;
    }

    private int publishOne(Target target) {
        MongoCollection<Document> collection = database.getCollection(target.collection());
        Document doc = collection.find(Filters.eq("_id", target.documentId()))
                .projection(Projections.include(EventOutbox.FIELD)).first();
        return doc == null ? 0 : publish(collection, doc);
    }

    private int publish(MongoCollection<Document> collection, Document doc) {
        List<Document> pending = doc.getList(EventOutbox.FIELD, Document.class, List.of());
        List<String> sent = new ArrayList<>();
        try {
            List<CompletableFuture<SendResult<String, CloudEvent>>> acks = new ArrayList<>();
            for (Document raw : pending) {
                OutboxEntry entry = OutboxEntry.fromDocument(raw);
                traceParents.runWithin(entry.traceparent(), () -> acks.add(kafka.send(record(entry))));
                sent.add(entry.id());
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (Document raw : pending) {
                delay.record(Duration.between(raw.getDate("time").toInstant(), clock.instant()));
                meters.counter("xiaoben.outbox.published", "topic", raw.getString("topic")).increment();
            }
        } catch (Exception e) {
            log.warn("Publishing {} events of {}/{} failed; the sweep will retry: {}", pending.size(),
                    collection.getNamespace().getCollectionName(), doc.get("_id"), e.toString());
            return 0;
        }
        if (!sent.isEmpty()) {
            collection.updateOne(Filters.eq("_id", doc.get("_id")),
                    new Document("$pull", new Document(EventOutbox.FIELD,
                            new Document("id", new Document("$in", sent)))));
        }
        collection.updateOne(Filters.and(Filters.eq("_id", doc.get("_id")), Filters.size(EventOutbox.FIELD, 0)),
                Updates.unset(EventOutbox.PENDING_SINCE));
        return sent.size();
    }

    private ProducerRecord<String, CloudEvent> record(OutboxEntry entry) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(entry.id())
                .withSource(source)
                .withType(entry.type())
                .withSubject(entry.subject())
                .withTime(entry.time().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(entry.dataSchema()))
                .withDataContentType("application/json")
                .withData(entry.data().getBytes(StandardCharsets.UTF_8))
                .build();
        return new ProducerRecord<>(entry.topic(), entry.key(), event);
    }

    private void work() {
        long nextSweep = 0;
        while (running) {
            try {
                long now = System.nanoTime();
                if (now >= nextSweep) {
                    sweep();
                    nextSweep = now + sweepInterval.toNanos();
                }
                Target target = targets.poll(Math.max(1, nextSweep - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (target != null) {
                    publishOne(target);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed; retrying at the next sweep", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::work, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop before the Kafka producer and the Mongo client go away.
        return Integer.MAX_VALUE - 100;
    }

    private record Target(String collection, Object documentId) {
    }
}
