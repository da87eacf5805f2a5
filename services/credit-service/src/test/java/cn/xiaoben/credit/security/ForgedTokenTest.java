package cn.xiaoben.credit.security;

import cn.xiaoben.testsupport.ApiRoutes;
import cn.xiaoben.testsupport.ForgedTokenSuite;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No API route of the service opens to a forged, expired, lifetime-less or missing token (the standing suite). */
@ServiceIntegrationTest
class ForgedTokenTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void everyApiRouteAnswersEveryForgedTokenWith401() {
        // the one public route: anyone may check a printed certificate's number (CertificateSecurity)
        List<ApiRoutes.Route> routes = ApiRoutes.of(context).stream()
                .filter(r -> !r.pattern().equals("/api/credits/certificates/{number}/verification")).toList();
        assertThat(routes).hasSize(ApiRoutes.of(context).size() - 1);
        assertThat(routes).isNotEmpty().allSatisfy(r -> assertThat(r.pattern()).startsWith("/api/credits/"));
        int tried = ForgedTokenSuite.assertEveryRouteRefusesForgedTokens(Http.local(port), routes, "dst-forged");
        assertThat(tried).isEqualTo(routes.size() * 9);
    }
}
