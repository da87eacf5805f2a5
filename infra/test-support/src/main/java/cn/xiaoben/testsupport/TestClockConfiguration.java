package cn.xiaoben.testsupport;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Gives the service under test a {@link TestClock} as its {@link java.time.Clock} (every {@link ServiceIntegrationTest}
 * imports it); a test takes the same bean to read or move "now". A service whose times are real time by nature (token
 * lifetimes in the identity service, checked by resource servers against the wall clock) opts out with
 * {@code xiaoben.test.clock=system}.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xiaoben.test.clock", havingValue = "fixed", matchIfMissing = true)
public class TestClockConfiguration {

    @Bean
    TestClock clock() {
        return new TestClock();
    }
}
