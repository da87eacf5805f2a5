package cn.xiaoben.service.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/** Web defaults every servlet service shares (lowest precedence): strict JSON, no whitelabel page. */
public class ServiceKitDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("xiaobenServiceKitDefaults", Map.of(
                "spring.jackson.deserialization.fail-on-unknown-properties", "true",
                "spring.web.error.whitelabel.enabled", "false",
                "spring.mvc.problemdetails.enabled", "false",
                "server.shutdown", "graceful",
                "logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-},%X{requestId:-}] ")));
    }
}
