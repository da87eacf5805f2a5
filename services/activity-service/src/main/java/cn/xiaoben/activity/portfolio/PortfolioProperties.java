package cn.xiaoben.activity.portfolio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers behind the portfolio's duties (seed 002). Bureau configuration, not law.
 *
 * @param readingsPerTerm    "三个一": professional readings (reading notes) a teacher writes per term
 * @param youngTeacherMaxAge a teacher is young (青年教师, "六个一") up to this age at the start of the school year —
 *                           or whenever they are a mentee in a mentorship of that year
 */
@ConfigurationProperties("xiaoben.activity.portfolio")
public record PortfolioProperties(@DefaultValue("10") int readingsPerTerm, @DefaultValue("35") int youngTeacherMaxAge) {
}
