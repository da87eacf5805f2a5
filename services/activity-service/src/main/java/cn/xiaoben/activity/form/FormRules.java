package cn.xiaoben.activity.form;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.TenantScope;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules the teacher-record forms (online study, external training, mentoring, skill programmes, teaching
 * materials) share: who may record for whom, dates not after today in China Standard Time, hours in half-hour steps,
 * evidence required.
 */
public final class FormRules {

    /** School roles that act for any teacher of their school. */
    public static final Set<Role> STAFF = Set.of(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN, Role.GROUP_LEAD);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private FormRules() {
    }

    public static boolean staff(Caller caller) {
        return caller.roles().stream().anyMatch(STAFF::contains);
    }

    /** A teacher's own token (no staff role): sees and writes only their own records. */
    public static boolean teacherOnly(Caller caller) {
        return caller.has(Role.TEACHER) && !staff(caller);
    }

    /**
     * The caller records for {@code teacherId}: a school-scoped token of the teacher themself, or of their school's
     * system or staff (the teacher's school is checked by the directory lookup). 403 otherwise.
     */
    public static void requireRecorder(Caller caller, String teacherId, String what, String whatZh) {
        if (caller.scope() != TenantScope.SCHOOL || !(staff(caller) || caller.has(Role.TEACHER))) {
            throw ApiProblem.forbidden("Only a teacher, or their school's system or staff, records " + what + ".",
                    "只有教师本人或其学校的系统、管理人员可以登记" + whatZh + "。");
        }
        if (!staff(caller) && !teacherId.equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only record their own " + what + ".",
                    "教师只能登记本人的" + whatZh + "。");
        }
    }

    public static LocalDate today(Clock clock) {
        return clock.instant().atZone(PlatformTime.ZONE).toLocalDate();
    }

    /** 400 on {@code field} when {@code date} is after today in China Standard Time. */
    public static void requireNotFuture(Clock clock, String field, LocalDate date) {
        if (date.isAfter(today(clock))) {
            throw ApiProblem.invalidField(field, "PastOrPresent",
                    "must be a date in the past or in the present (China Standard Time)",
                    "需要是一个过去或现在的日期（北京时间）");
        }
    }

    /** 400 on {@code field} unless {@code hours} is a whole number of half hours (range checked by validation). */
    public static void requireHalfHourSteps(String field, BigDecimal hours) {
        if (hours.multiply(TWO).stripTrailingZeros().scale() > 0) {
            throw ApiProblem.invalidField(field, "half-hour-steps",
                    "must be a multiple of 0.5 hours (e.g. 1, 1.5, 2)", "学时须为 0.5 的整数倍（如 1、1.5、2）");
        }
    }

    /** The ids without repeats, in their first order; an absent list is empty. */
    public static List<String> distinct(List<String> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }

    /** 400 {@code evidence-required} on {@code field}: the record needs at least one attachment. */
    public static ApiProblem evidenceRequired(String field, String message, String messageZh) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "evidence-required", message, messageZh,
                List.of(new FieldProblem(field, "evidence-required", message, messageZh)));
    }

    /** 400 on {@code field}: it may not be before {@code otherField} (dated {@code other}). */
    public static ApiProblem notBefore(String field, String otherField, LocalDate other) {
        return ApiProblem.invalidField(field, "NotBefore" + Character.toUpperCase(otherField.charAt(0))
                        + otherField.substring(1),
                "must not be before " + otherField + " (" + other + ")", "不能早于 " + otherField + "（" + other + "）");
    }
}
