package cn.xiaoben.messaging.consumer;

import java.time.OffsetDateTime;

/**
 * An event as a handler sees it: the CloudEvents attributes, where it came from in Kafka, and its typed data.
 * {@link #id()} is what makes handling idempotent: derive the ids of the documents a handler writes from it, or
 * guard an update with it ({@link IdempotentWrites}).
 */
public record ReceivedEvent<T>(String id, String type, String source, String subject, OffsetDateTime time,
                               String key, String topic, int partition, long offset, T data) {
}
