package cn.xiaoben.credit.award;

import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.contracts.credit.CreditAwarded;
import cn.xiaoben.credit.ledger.CreditLedger;
import cn.xiaoben.credit.rules.LessonObservationRule;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.IdempotentWrites;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import cn.xiaoben.messaging.outbox.EventOutbox;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;

/**
 * Credits the observer of a lesson. The entry's id is derived from the event id and the rule, so a redelivered or
 * re-published event finds its entry already there and changes nothing; the entry and its {@code CreditAwarded}
 * are one insert. Events are keyed by the observer, so one teacher's awards are applied in order and the yearly cap
 * is computed against a settled ledger.
 */
@Component
class LessonObservedCredit implements EventHandler<LessonObserved> {

    private final LessonObservationRule rule;
    private final CreditLedger ledger;
    private final IdempotentWrites writes;
    private final EventOutbox outbox;
    private final Clock clock;

    LessonObservedCredit(LessonObservationRule rule, CreditLedger ledger, IdempotentWrites writes, EventOutbox outbox,
                         Clock clock) {
        this.rule = rule;
        this.ledger = ledger;
        this.writes = writes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public EventType<LessonObserved> eventType() {
        return EventTypes.LESSON_OBSERVED;
    }

    @Override
    public void handle(ReceivedEvent<LessonObserved> event) {
        LessonObserved observation = event.data();
        String entryId = entryId(event.id(), LessonObservationRule.ID);
        LocalDate date = PlatformTime.dateOf(observation.observedAt());
        String schoolYear = SchoolYear.of(date).name();
        BigDecimal requested = rule.hoursFor(observation.durationMinutes());
        BigDecimal already = ledger.awarded(observation.observerId(), schoolYear, LessonObservationRule.CATEGORY);
        BigDecimal hours = rule.capped(requested, already);
        Instant now = clock.instant();
        Document source = new Document("type", event.type()).append("id", observation.observationId())
                .append("eventId", event.id());
        if (hours.signum() == 0) {
            writes.insertOnce(CreditLedger.DECLINES, new Document("_id", entryId)
                    .append("teacherId", observation.observerId()).append("schoolYear", schoolYear)
                    .append("category", LessonObservationRule.CATEGORY).append("ruleId", LessonObservationRule.ID)
                    .append("reason", "cap-reached").append("requestedHours", requested.doubleValue())
                    .append("source", source).append("decidedAt", Date.from(now)));
            return;
        }
        CreditAwarded awarded = new CreditAwarded(entryId, observation.observerId(), observation.districtId(),
                observation.schoolId(), schoolYear, LessonObservationRule.CATEGORY, hours, requested,
                LessonObservationRule.ID, event.type(), observation.observationId(), event.id(), date, now);
        Document entry = new Document("_id", entryId)
                .append("kind", "award")
                .append("teacherId", observation.observerId())
                .append("districtId", observation.districtId())
                .append("schoolId", observation.schoolId())
                .append("schoolYear", schoolYear)
                .append("category", LessonObservationRule.CATEGORY)
                .append("hours", hours.doubleValue())
                .append("requestedHours", requested.doubleValue())
                .append("ruleId", LessonObservationRule.ID)
                .append("source", source)
                .append("activityDate", date.toString())
                .append("awardedAt", Date.from(now));
        if (writes.insertOnce(CreditLedger.ENTRIES, outbox.attach(entry, awarded))) {
            outbox.publishSoon(CreditLedger.ENTRIES, entryId);
        }
    }

    static String entryId(String eventId, String ruleId) {
        return "crd-" + UUID.nameUUIDFromBytes((eventId + "|" + ruleId).getBytes(StandardCharsets.UTF_8));
    }
}
