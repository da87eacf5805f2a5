package cn.xiaoben.identity.bootstrap;

import cn.xiaoben.identity.authserver.clients.ClientTemplates;
import cn.xiaoben.identity.authserver.clients.MongoRegisteredClientRepository;
import cn.xiaoben.identity.config.IdentityProperties;
import cn.xiaoben.identity.directory.district.DistrictStore;
import cn.xiaoben.identity.throttle.AuthAttempts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class BootstrapConfiguration {

    @Bean
    ClientBootstrap clientBootstrap(MongoRegisteredClientRepository clients, ClientTemplates templates,
                                    PasswordEncoder passwords, IdentityProperties properties, Clock clock,
                                    AuthAttempts attempts) {
        return new ClientBootstrap(clients, templates, passwords, properties, clock, attempts);
    }

    @Bean
    PlatformBootstrap platformBootstrap(DistrictStore districts, ClientBootstrap clients,
                                        IdentityProperties properties) {
        return new PlatformBootstrap(districts, clients, properties);
    }
}
