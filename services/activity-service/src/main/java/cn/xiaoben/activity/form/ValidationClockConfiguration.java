package cn.xiaoben.activity.form;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Bean Validation's "now" ({@code @PastOrPresent} on a lesson observation's {@code observedAt}) is the service's
 * {@link Clock}, the same "now" as every other date rule of the service ({@link FormRules#requireNotFuture}), not the
 * JVM's wall clock that the validator reads by default.
 */
@Configuration(proxyBeanMethods = false)
class ValidationClockConfiguration {

    @Bean
    ValidationConfigurationCustomizer serviceClockForValidation(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
