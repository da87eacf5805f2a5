package cn.xiaoben.testsupport;

import org.assertj.core.api.SoftAssertions;

import java.util.List;
import java.util.Map;

/**
 * The standing check that no forged token opens any API route of a service: every route its handler mappings
 * declare × every token of {@link ForgedTokens} (and none at all) must be a 401 problem.
 */
public final class ForgedTokenSuite {

    private ForgedTokenSuite() {
    }

    /** Asserts the refusals; returns how many requests were tried. */
    public static int assertEveryRouteRefusesForgedTokens(Http http, List<ApiRoutes.Route> routes, String districtId) {
        Map<String, String> forged = ForgedTokens.all(districtId);
        SoftAssertions softly = new SoftAssertions();
        int tried = 0;
        for (ApiRoutes.Route route : routes) {
            Object body = route.writes() ? Map.of() : null;
            Http.Reply anonymous = http.send(route.method(), route.samplePath(), null, body);
            tried++;
            softly.assertThat(anonymous.status()).as("%s without a token", route).isEqualTo(401);
            for (Map.Entry<String, String> token : forged.entrySet()) {
                Http.Reply reply = http.send(route.method(), route.samplePath(), token.getValue(), body);
                tried++;
                softly.assertThat(reply.status()).as("%s with %s: %s", route, token.getKey(), reply.body())
                        .isEqualTo(401);
                softly.assertThat(reply.isProblem()).as("%s with %s is problem+json", route, token.getKey()).isTrue();
            }
        }
        softly.assertAll();
        return tried;
    }
}
