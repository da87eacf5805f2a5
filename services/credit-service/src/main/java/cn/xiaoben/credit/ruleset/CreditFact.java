package cn.xiaoben.credit.ruleset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One teacher's part in one credit-relevant fact, as the rules see it. An event can yield several (a paper: one per
 * author; a research stage: leader and members).
 *
 * @param sourceKey     the natural key of the teacher's part in the fact, {@code <fact>|<sourceId>|<teacherId>|<role>}:
 *                      what one decision (a ledger entry or a decline) is made for, whatever event carried it
 * @param level         SCHOOL … NATIONAL where the fact has one
 * @param form          the session form for ATTENDANCE_RECORDED
 * @param kinds         what {@code kinds} filters of rules match: a reflection's kind, a research stage, a claim's
 *                      kind, a programme's PASSED/FAILED …
 * @param grade         what a BY_GRADE table looks up: award grade (PUBLISHED for journals), result, stage, mark
 * @param minutes       attended or observed minutes, for DURATION amounts
 * @param declaredHours hours the fact declares, for DECLARED amounts
 * @param attended      false for an absence or an excused absence: nothing to pay
 */
public record CreditFact(String sourceKey, String eventId, String eventType, String sourceId, Fact fact,
                         String teacherId, String role, String districtId, String schoolId, LocalDate date,
                         String level, String form, Set<String> kinds, String grade, Integer minutes,
                         BigDecimal declaredHours, boolean attended) {

    public CreditFact {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public static String sourceKey(Fact fact, String sourceId, String teacherId, String role) {
        return fact.name() + "|" + sourceId + "|" + teacherId + "|" + role;
    }
}
