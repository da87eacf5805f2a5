package cn.xiaoben.gateway;

import cn.xiaoben.gateway.support.FakeUpstream;
import cn.xiaoben.gateway.support.Http;
import cn.xiaoben.gateway.support.Http.Reply;
import cn.xiaoben.gateway.support.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny budget (a burst of 3, then 1 request a second) per client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xiaoben.gateway.rate-limit.burst=3", "xiaoben.gateway.rate-limit.requests-per-second=1"})
class RateLimitTest {

    static final TestKeys KEYS = new TestKeys();
    static final FakeUpstream UPSTREAM = new FakeUpstream(KEYS);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("xiaoben.gateway.services.activity", UPSTREAM::url);
        registry.add("xiaoben.security.jwk-set-uri", () -> UPSTREAM.url() + "/oauth2/jwks");
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @Test
    void aClientOverItsBudgetGets429ProblemJsonOthersDoNot() {
        String busy = KEYS.token("busy-school", Map.of("school_id", "sch-a", "roles", List.of("SCHOOL_SYSTEM")));
        String calm = KEYS.token("calm-school", Map.of("school_id", "sch-b", "roles", List.of("SCHOOL_SYSTEM")));

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(Http.send(Http.to(port, "/api/activities/ping", busy)));
        }

        assertThat(replies.subList(0, 3)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        Reply limited = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("code").asString()).isEqualTo("rate-limited");
        assertThat(limited.json().get("titleZh").asString()).isEqualTo("请求过于频繁");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(Http.send(Http.to(port, "/api/activities/ping", calm)).status()).isEqualTo(200);
    }
}
