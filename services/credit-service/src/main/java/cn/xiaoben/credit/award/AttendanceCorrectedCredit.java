package cn.xiaoben.credit.award;

import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.activity.AttendanceCorrected;
import cn.xiaoben.credit.ledger.CreditLedger;
import cn.xiaoben.credit.ruleset.CreditFact;
import cn.xiaoben.credit.ruleset.Fact;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.PoisonEventException;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import org.springframework.stereotype.Component;

/**
 * A corrected attendance voids the teacher's standing entry for the session ({@code CreditRevoked}) and is decided
 * anew (an entry of the next revision, or a decline — e.g. now ABSENT). The role is the one of the decision taken
 * for the original attendance (it may be a contribution such as SPEAKER the correction does not carry). The
 * correction's natural key is session × teacher × {@code correctedAt}.
 */
@Component
class AttendanceCorrectedCredit implements EventHandler<AttendanceCorrected> {

    static final String REASON = "ATTENDANCE_CORRECTED";

    private final CreditAwarder awarder;
    private final CreditLedger ledger;

    AttendanceCorrectedCredit(CreditAwarder awarder, CreditLedger ledger) {
        this.awarder = awarder;
        this.ledger = ledger;
    }

    @Override
    public EventType<AttendanceCorrected> eventType() {
        return EventTypes.ATTENDANCE_CORRECTED;
    }

    @Override
    public void handle(ReceivedEvent<AttendanceCorrected> event) {
        AttendanceCorrected c = event.data();
        if (c.sessionId() == null || c.teacherId() == null || c.districtId() == null || c.date() == null) {
            throw new PoisonEventException("AttendanceCorrected " + event.id()
                    + " lacks a session, teacher, district or date");
        }
        String role = ledger.latestDecision(c.teacherId(), Fact.ATTENDANCE_RECORDED.name(), c.sessionId())
                .map(d -> d.getString("role")).orElse(c.role());
        CreditFact corrected = ActivityFacts.corrected(event, c, role);
        String correctionKey = "ATTENDANCE_CORRECTED|" + c.sessionId() + "|" + c.teacherId() + "|"
                + (c.correctedAt() == null ? event.id() : c.correctedAt().toString());
        awarder.correct(corrected, correctionKey, REASON);
    }
}
