package cn.xiaoben.testsupport;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every API route the service under test really serves, read from its handler mappings, so that a security suite
 * built on this list covers an endpoint the day it is added.
 */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    /** One method on one path pattern, e.g. {@code POST /api/credits/claims/{id}/approve}. */
    public record Route(String method, String pattern) {

        /** The pattern with every path variable filled, e.g. {@code /api/credits/claims/x-1/approve}. */
        public String samplePath() {
            return pattern.replaceAll("\\{[^}]+}", "x-1");
        }

        public boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** The routes under {@code /api/}, sorted. */
    public static List<Route> of(ApplicationContext context) {
        Set<Route> routes = new TreeSet<>(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> add(info, routes)));
        return List.copyOf(routes);
    }

    private static void add(RequestMappingInfo info, Set<Route> routes) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
            if (!pattern.startsWith("/api/")) {
                continue;
            }
            if (methods.isEmpty()) {
                routes.add(new Route("GET", pattern));
            }
            methods.forEach(m -> routes.add(new Route(m.name(), pattern)));
        }
    }
}
