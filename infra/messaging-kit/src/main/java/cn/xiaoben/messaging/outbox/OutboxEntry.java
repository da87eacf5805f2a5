package cn.xiaoben.messaging.outbox;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * One event waiting inside the document whose change caused it, in exactly the shape it will be published.
 *
 * @param data the event data as JSON text
 */
public record OutboxEntry(String id, String type, String topic, String key, String subject, Instant time,
                          String dataSchema, String data, String traceparent) {

    public Document toDocument() {
        return new Document("id", id).append("type", type).append("topic", topic).append("key", key)
                .append("subject", subject).append("time", Date.from(time)).append("dataSchema", dataSchema)
                .append("data", data).append("traceparent", traceparent);
    }

    public static OutboxEntry fromDocument(Document d) {
        return new OutboxEntry(d.getString("id"), d.getString("type"), d.getString("topic"), d.getString("key"),
                d.getString("subject"), d.getDate("time").toInstant(), d.getString("dataSchema"), d.getString("data"),
                d.getString("traceparent"));
    }
}
