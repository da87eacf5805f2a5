package cn.xiaoben.identity.bootstrap;

import cn.xiaoben.identity.config.IdentityProperties;
import cn.xiaoben.identity.directory.district.DistrictStore;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs once all beans exist and before the web server accepts requests: the district and the platform's own
 * clients. Idempotent, so it runs on every start (and on several instances at once).
 */
public class PlatformBootstrap implements SmartInitializingSingleton {

    private final DistrictStore districts;
    private final ClientBootstrap clients;
    private final IdentityProperties properties;

    public PlatformBootstrap(DistrictStore districts, ClientBootstrap clients, IdentityProperties properties) {
        this.districts = districts;
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        districts.ensure(properties.bootstrap().districtId(), properties.bootstrap().districtName());
        clients.bureauClient();
        clients.webClient();
        clients.schoolClients();
    }
}
