package cn.xiaoben.messaging.consumer;

import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.contracts.EventType;

/**
 * Applies one type of event to this service's own store. Every handler must be idempotent: a redelivered or
 * replayed event changes nothing. Write through {@link IdempotentWrites} so that holds by construction.
 * Throw {@link PoisonEventException} for an event that can never be applied; it goes to the dead-letter topic.
 */
public interface EventHandler<T extends DomainEvent> {

    EventType<T> eventType();

    void handle(ReceivedEvent<T> event);
}
