package cn.xiaoben.reporting.facts;

import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.contracts.credit.CreditRevoked;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.PoisonEventException;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Keeps a fact of every {@code CreditRevoked}: a voiding ledger entry, minus the voided entry's hours in its school
 * year, school and category, so the sums of {@link CreditFacts} stay those of the credit ledger. An entry without ids,
 * hours ≤ 0 … is poison.
 */
@Component
class CreditRevokedRecorder implements EventHandler<CreditRevoked> {

    private final CreditFacts facts;
    private final Clock clock;

    CreditRevokedRecorder(CreditFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public EventType<CreditRevoked> eventType() {
        return EventTypes.CREDIT_REVOKED;
    }

    @Override
    public void handle(ReceivedEvent<CreditRevoked> event) {
        CreditRevoked r = event.data();
        if (Blank.any(r.entryId(), r.voidedEntryId(), r.teacherId(), r.schoolId(), r.category()) || r.hours() == null
                || r.hours().signum() > 0) {
            throw new PoisonEventException("CreditRevoked " + event.id()
                    + " lacks entryId, voidedEntryId, teacherId, schoolId, category or hours ≤ 0");
        }
        LocalDate activityDate = r.activityDate() != null ? r.activityDate()
                : r.revokedAt() != null ? r.revokedAt().atZone(PlatformTime.ZONE).toLocalDate() : null;
        if (activityDate == null) {
            throw new PoisonEventException("CreditRevoked " + event.id() + " has neither activityDate nor revokedAt");
        }
        SchoolYear year = r.schoolYear() == null ? SchoolYear.of(activityDate)
                : SchoolYear.tryParse(r.schoolYear()).orElseThrow(() -> new PoisonEventException(
                "CreditRevoked " + event.id() + " names a malformed school year: " + r.schoolYear()));
        facts.recordRevocation(r, year, activityDate, event.id(), clock.instant());
    }
}
