package cn.xiaoben.gateway.tenancy;

import cn.xiaoben.problem.Problem;
import cn.xiaoben.gateway.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The obvious tenancy check, before any upstream is called (defence in depth: every service checks again): a token
 * scoped to one school ({@code school_id} claim) may not address another school's path
 * ({@code /api/.../schools/{schoolId}/...}).
 */
public class SchoolPathGuard implements WebFilter, Ordered {

    private static final Pattern SCHOOL_PATH = Pattern.compile("^/api/.*?/schools/([^/]+)");

    private final ProblemWriter problems;

    public SchoolPathGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Matcher school = SCHOOL_PATH.matcher(exchange.getRequest().getPath().pathWithinApplication().value());
        if (!school.find()) {
            return chain.filter(exchange);
        }
        String pathSchool = school.group(1);
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .mapNotNull(token -> token.getToken().getClaimAsString("school_id"))
                .map(tokenSchool -> !tokenSchool.equals(pathSchool))
                .defaultIfEmpty(false)
                .flatMap(outOfScope -> outOfScope ? problems.write(exchange, Problem.outOfScope(pathSchool))
                        : chain.filter(exchange));
    }

    @Override
    public int getOrder() {
        // after the security chain (-100) has authenticated the token
        return 10;
    }
}
