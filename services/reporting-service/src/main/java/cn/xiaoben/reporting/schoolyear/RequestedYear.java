package cn.xiaoben.reporting.schoolyear;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.service.web.SchoolYearParameter;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The school year a report request asks for: its {@code year} parameter, or the current school year in China. */
@Component
public class RequestedYear {

    private final Clock clock;

    public RequestedYear(Clock clock) {
        this.clock = clock;
    }

    public SchoolYear parseOrCurrent(String year) {
        return SchoolYearParameter.parseOrCurrent(year, clock);
    }
}
