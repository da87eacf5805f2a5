package cn.xiaoben.activity.portfolio;

import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.SchoolYearParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
class PortfolioController {

    private final Portfolios portfolios;
    private final Clock clock;

    PortfolioController(Portfolios portfolios, Clock clock) {
        this.portfolios = portfolios;
        this.clock = clock;
    }

    /** 成长记录袋: {@code year} like 2026-2027, default the current school year. */
    @GetMapping("/api/activities/teachers/{teacherId}/portfolio")
    PortfolioView portfolio(Caller caller, @PathVariable String teacherId,
                            @RequestParam(required = false) String year) {
        return portfolios.of(caller, teacherId, SchoolYearParameter.parseOrCurrent(year, clock));
    }
}
