package cn.xiaoben.credit.award;

import cn.xiaoben.contracts.DomainEvent;
import cn.xiaoben.contracts.EventType;
import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.PoisonEventException;
import cn.xiaoben.messaging.consumer.ReceivedEvent;

import java.util.List;
import java.util.function.BiFunction;

/** Hands every teacher's part in one type of activity event to the {@link CreditAwarder}. */
final class FactHandler<T extends DomainEvent> implements EventHandler<T> {

    private final EventType<T> type;
    private final BiFunction<ReceivedEvent<T>, T, List<CreditFact>> facts;
    private final CreditAwarder awarder;

    FactHandler(EventType<T> type, BiFunction<ReceivedEvent<T>, T, List<CreditFact>> facts, CreditAwarder awarder) {
        this.type = type;
        this.facts = facts;
        this.awarder = awarder;
    }

    @Override
    public EventType<T> eventType() {
        return type;
    }

    @Override
    public void handle(ReceivedEvent<T> event) {
        List<CreditFact> parts;
        try {
            parts = facts.apply(event, event.data());
        } catch (RuntimeException e) {
            throw new PoisonEventException("Event " + event.id() + " of type " + type.name()
                    + " cannot be read as credit facts", e);
        }
        for (CreditFact part : parts) {
            if (part.teacherId() == null || part.districtId() == null || part.date() == null) {
                throw new PoisonEventException("Event " + event.id() + " of type " + type.name()
                        + " lacks a teacher, district or date for " + part.sourceKey());
            }
            awarder.award(part);
        }
    }
}
