package cn.xiaoben.contracts;

/**
 * A fact that happened, published as a CloudEvent. Implementations are immutable records named in the past tense.
 */
public interface DomainEvent {

    /** The Kafka record key: the id whose events must stay in order (usually the teacher's). */
    String partitionKey();

    /** The CloudEvents {@code subject}: the id of the thing the fact is about. */
    String eventSubject();
}
