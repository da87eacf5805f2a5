package cn.xiaoben.reporting.school;

import cn.xiaoben.reporting.schoolyear.RequestedYear;
import cn.xiaoben.service.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports/schools")
class SchoolReportController {

    private final SchoolReports reports;
    private final RequestedYear years;

    SchoolReportController(SchoolReports reports, RequestedYear years) {
        this.reports = reports;
        this.years = years;
    }

    @GetMapping("/{schoolId}")
    SchoolReportView school(Caller caller, @PathVariable String schoolId,
                            @RequestParam(required = false) String year) {
        return reports.of(caller, schoolId, years.parseOrCurrent(year));
    }
}
