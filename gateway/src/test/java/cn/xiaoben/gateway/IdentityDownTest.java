package cn.xiaoben.gateway;

import cn.xiaoben.gateway.support.ClosedPort;
import cn.xiaoben.gateway.support.Http;
import cn.xiaoben.gateway.support.Http.Reply;
import cn.xiaoben.gateway.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With the identity service down, neither its key set nor its token endpoint can be reached: 503, never 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityDownTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityDown(DynamicPropertyRegistry registry) {
        int closed = ClosedPort.find();
        registry.add("xiaoben.gateway.services.identity", () -> "http://127.0.0.1:" + closed);
        registry.add("xiaoben.security.jwk-set-uri", () -> "http://127.0.0.1:" + closed + "/oauth2/jwks");
    }

    @Test
    void apiCallsAndTokenRequestsGet503ProblemJson() {
        String token = new TestKeys().token("someone", Map.of("district_id", "dst-yunxi"));

        Reply api = Http.send(Http.to(port, "/api/activities/lesson-observations", token));
        assertThat(api.status()).as(api.body()).isEqualTo(503);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().get("code").asString()).isEqualTo("upstream-unavailable");

        Reply tokenRequest = Http.send(Http.to(port, "/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(tokenRequest.status()).isEqualTo(503);
        assertThat(tokenRequest.json().get("code").asString()).isEqualTo("upstream-unavailable");
    }
}
