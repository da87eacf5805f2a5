package cn.xiaoben.reporting.teacher;

import cn.xiaoben.reporting.schoolyear.RequestedYear;
import cn.xiaoben.service.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports/teachers")
class TeacherReportController {

    private final TeacherReports reports;
    private final RequestedYear years;

    TeacherReportController(TeacherReports reports, RequestedYear years) {
        this.reports = reports;
        this.years = years;
    }

    @GetMapping("/{teacherId}")
    TeacherReportView teacher(Caller caller, @PathVariable String teacherId,
                              @RequestParam(required = false) String year) {
        return reports.of(caller, teacherId, years.parseOrCurrent(year));
    }
}
