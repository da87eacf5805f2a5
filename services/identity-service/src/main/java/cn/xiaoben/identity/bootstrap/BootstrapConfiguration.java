package cn.xiaoben.identity.bootstrap;

import cn.xiaoben.identity.authserver.clients.ClientTemplates;
import cn.xiaoben.identity.config.IdentityProperties;
import cn.xiaoben.identity.directory.district.DistrictStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class BootstrapConfiguration {

    @Bean
    ClientBootstrap clientBootstrap(RegisteredClientRepository clients, ClientTemplates templates,
                                    PasswordEncoder passwords, IdentityProperties properties, Clock clock) {
        return new ClientBootstrap(clients, templates, passwords, properties, clock);
    }

    @Bean
    PlatformBootstrap platformBootstrap(DistrictStore districts, ClientBootstrap clients,
                                        IdentityProperties properties) {
        return new PlatformBootstrap(districts, clients, properties);
    }
}
