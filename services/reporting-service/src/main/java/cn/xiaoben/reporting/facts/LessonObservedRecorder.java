package cn.xiaoben.reporting.facts;

import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.PoisonEventException;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Keeps a fact of every {@code LessonObserved}; one that names no observation, school, teachers or time is poison. */
@Component
class LessonObservedRecorder implements EventHandler<LessonObserved> {

    private final ObservationFacts facts;
    private final Clock clock;

    LessonObservedRecorder(ObservationFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public EventType<LessonObserved> eventType() {
        return EventTypes.LESSON_OBSERVED;
    }

    @Override
    public void handle(ReceivedEvent<LessonObserved> event) {
        LessonObserved o = event.data();
        if (Blank.any(o.observationId(), o.schoolId(), o.observerId(), o.teacherId()) || o.observedAt() == null) {
            throw new PoisonEventException("LessonObserved " + event.id()
                    + " lacks observationId, schoolId, observerId, teacherId or observedAt");
        }
        facts.record(o, event.id(), clock.instant());
    }
}
