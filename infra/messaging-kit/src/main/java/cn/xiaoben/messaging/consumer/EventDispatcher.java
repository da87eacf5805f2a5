package cn.xiaoben.messaging.consumer;

import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.contracts.EventJson;
import cn.xiaoben.contracts.EventType;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Kafka listener of a service: it reads the CloudEvents of every topic its {@link EventHandler}s need,
 * turns each event's data into its record and hands it to the handlers of its type. Types nobody handles are
 * skipped. Failures are retried, then sent to the topic's dead-letter twin by the kit's error handler.
 */
public class EventDispatcher implements KafkaListenerConfigurer {

    private final Map<String, List<EventHandler<DomainEvent>>> handlersByType = new LinkedHashMap<>();
    private final MeterRegistry meters;
    private final String listenerId;

    @SuppressWarnings("unchecked")
    public EventDispatcher(Collection<EventHandler<?>> handlers, MeterRegistry meters, String listenerId) {
        this.meters = meters;
        this.listenerId = listenerId;
        for (EventHandler<?> handler : handlers) {
            handlersByType.computeIfAbsent(handler.eventType().name(), k -> new ArrayList<>())
                    .add((EventHandler<DomainEvent>) handler);
        }
    }

    public String[] topics() {
        return handlersByType.values().stream()
                .map(h -> h.get(0).eventType().topic())
                .distinct()
                .toArray(String[]::new);
    }

    /** Registers the one listener, if this service handles any event at all. */
    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        if (handlersByType.isEmpty()) {
            return;
        }
        DefaultMessageHandlerMethodFactory methods = new DefaultMessageHandlerMethodFactory();
        methods.afterPropertiesSet();
        MethodKafkaListenerEndpoint<String, CloudEvent> endpoint = new MethodKafkaListenerEndpoint<>();
        endpoint.setId(listenerId);
        endpoint.setTopics(topics());
        endpoint.setBean(this);
        try {
            endpoint.setMethod(EventDispatcher.class.getMethod("dispatch", ConsumerRecord.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        endpoint.setMessageHandlerMethodFactory(methods);
        registrar.registerEndpoint(endpoint);
    }

    public Collection<String> handledTypes() {
        return handlersByType.keySet();
    }

    public void dispatch(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null) {
            throw new PoisonEventException("Record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " carries no CloudEvent");
        }
        List<EventHandler<DomainEvent>> handlers = handlersByType.get(event.getType());
        if (handlers == null) {
            meters.counter("xiaoben.events.consumed", "type", event.getType(), "outcome", "skipped").increment();
            return;
        }
        EventType<DomainEvent> type = handlers.get(0).eventType();
        ReceivedEvent<DomainEvent> received = new ReceivedEvent<>(event.getId(), event.getType(),
                String.valueOf(event.getSource()), event.getSubject(), event.getTime(), record.key(), record.topic(),
                record.partition(), record.offset(), data(event, type));
        for (EventHandler<DomainEvent> handler : handlers) {
            handler.handle(received);
        }
        meters.counter("xiaoben.events.consumed", "type", event.getType(), "outcome", "handled").increment();
    }

    private static DomainEvent data(CloudEvent event, EventType<DomainEvent> type) {
        if (event.getData() == null) {
            throw new PoisonEventException("Event " + event.getId() + " of type " + type.name() + " has no data");
        }
        try {
            return EventJson.read(event.getData().toBytes(), type.dataClass());
        } catch (RuntimeException e) {
            throw new PoisonEventException("Event " + event.getId() + " does not match " + type.name(), e);
        }
    }
}
