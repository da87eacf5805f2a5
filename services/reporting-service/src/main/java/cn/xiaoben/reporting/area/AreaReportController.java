package cn.xiaoben.reporting.area;

import cn.xiaoben.reporting.schoolyear.RequestedYear;
import cn.xiaoben.service.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
class AreaReportController {

    private final AreaReports reports;
    private final RequestedYear years;

    AreaReportController(AreaReports reports, RequestedYear years) {
        this.reports = reports;
        this.years = years;
    }

    @GetMapping("/townships/{townshipId}")
    TownshipReportView township(Caller caller, @PathVariable String townshipId,
                                @RequestParam(required = false) String year) {
        return reports.township(caller, townshipId, years.parseOrCurrent(year));
    }

    @GetMapping("/district")
    DistrictReportView district(Caller caller, @RequestParam(required = false) String year) {
        return reports.district(caller, years.parseOrCurrent(year));
    }
}
