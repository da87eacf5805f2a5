package cn.xiaoben.identity.throttle;

import cn.xiaoben.identity.config.IdentityProperties;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

    @Bean
    AuthAttempts authAttempts(MongoDatabase database, IdentityProperties properties, Clock clock) {
        return new AuthAttempts(database, properties.throttle(), clock);
    }
}
