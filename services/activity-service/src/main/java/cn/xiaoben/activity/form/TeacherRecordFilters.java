package cn.xiaoben.activity.form;

import cn.xiaoben.activity.portfolio.DateRange;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.TenantFilters;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters every list of teacher records starts with: what the caller may see (a teacher's own token only their
 * own records), an optional school and teacher, and {@code [from, to)} on the record's ISO date field. Lists add
 * their form's own filters to the returned (mutable) list.
 */
public final class TeacherRecordFilters {

    private TeacherRecordFilters() {
    }

    public static List<Bson> of(Caller caller, String schoolId, String teacherId, String dateField, LocalDate from,
                                LocalDate to) {
        List<Bson> filters = new ArrayList<>();
        filters.add(TenantFilters.reachableBy(caller));
        if (FormRules.teacherOnly(caller)) {
            filters.add(Filters.eq("teacherId", caller.teacherId()));
        }
        if (schoolId != null) {
            filters.add(Filters.eq("schoolId", schoolId));
        }
        if (teacherId != null) {
            filters.add(Filters.eq("teacherId", teacherId));
        }
        if (from != null) {
            filters.add(Filters.gte(dateField, from.toString()));
        }
        if (to != null) {
            filters.add(Filters.lt(dateField, to.toString()));
        }
        return filters;
    }

    /** One teacher's records dated in {@code [from, toExclusive)}: what a portfolio source reads. */
    public static Bson ofTeacher(String teacherId, String dateField, LocalDate from, LocalDate toExclusive) {
        return Filters.and(Filters.eq("teacherId", teacherId), DateRange.onDateField(dateField, from, toExclusive));
    }
}
