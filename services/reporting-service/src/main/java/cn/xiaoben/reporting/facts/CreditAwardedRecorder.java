package cn.xiaoben.reporting.facts;

import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.credit.CreditAwarded;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.PoisonEventException;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import cn.xiaoben.contracts.SchoolYear;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Keeps a fact of every {@code CreditAwarded}. The school year is the one the credit service attributed (derived from
 * the activity date only when it sent none); an entry without ids, hours or any date, or with a malformed school
 * year, is poison.
 */
@Component
class CreditAwardedRecorder implements EventHandler<CreditAwarded> {

    private final CreditFacts facts;
    private final Clock clock;

    CreditAwardedRecorder(CreditFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public EventType<CreditAwarded> eventType() {
        return EventTypes.CREDIT_AWARDED;
    }

    @Override
    public void handle(ReceivedEvent<CreditAwarded> event) {
        CreditAwarded c = event.data();
        if (Blank.any(c.entryId(), c.teacherId(), c.schoolId(), c.category()) || c.hours() == null) {
            throw new PoisonEventException("CreditAwarded " + event.id()
                    + " lacks entryId, teacherId, schoolId, category or hours");
        }
        LocalDate activityDate = activityDate(event.id(), c);
        SchoolYear year = c.schoolYear() == null ? SchoolYear.of(activityDate)
                : SchoolYear.tryParse(c.schoolYear()).orElseThrow(() -> new PoisonEventException(
                "CreditAwarded " + event.id() + " names a malformed school year: " + c.schoolYear()));
        facts.record(c, year, activityDate, event.id(), clock.instant());
    }

    private static LocalDate activityDate(String eventId, CreditAwarded c) {
        if (c.activityDate() != null) {
            return c.activityDate();
        }
        if (c.awardedAt() != null) {
            return c.awardedAt().atZone(PlatformTime.ZONE).toLocalDate();
        }
        throw new PoisonEventException("CreditAwarded " + eventId + " has neither activityDate nor awardedAt");
    }
}
