package cn.xiaoben.evaluation.observation;

import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.PoisonEventException;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;

/**
 * Keeps the observed teacher's scores from every {@code LessonObserved}. An event that can never be used (no ids,
 * no time, scores outside 0–100) is poison: it goes to the dead-letter topic and the partition moves on.
 */
@Component
class LessonObservedRecorder implements EventHandler<LessonObserved> {

    private static final Logger log = LoggerFactory.getLogger(LessonObservedRecorder.class);

    private final ObservationScoreFacts facts;
    private final Clock clock;

    LessonObservedRecorder(ObservationScoreFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public EventType<LessonObserved> eventType() {
        return EventTypes.LESSON_OBSERVED;
    }

    @Override
    public void handle(ReceivedEvent<LessonObserved> event) {
        LessonObserved observation = event.data();
        requireUsable(event.id(), observation);
        if (!facts.record(observation, event.id(), clock.instant())) {
            log.debug("Observation {} already recorded; event {} changes nothing", observation.observationId(),
                    event.id());
        }
    }

    static void requireUsable(String eventId, LessonObserved o) {
        if (blank(o.observationId()) || blank(o.teacherId()) || o.observedAt() == null || o.scores() == null) {
            throw new PoisonEventException("LessonObserved " + eventId
                    + " lacks observationId, teacherId, observedAt or scores");
        }
        for (Map.Entry<String, Integer> score : o.scores().entrySet()) {
            if (score.getValue() == null || score.getValue() < 0 || score.getValue() > 100) {
                throw new PoisonEventException("LessonObserved " + eventId + " scores " + score.getKey() + " = "
                        + score.getValue() + ", outside 0–100");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
