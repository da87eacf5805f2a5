package cn.xiaoben.service.security;

import cn.xiaoben.service.problem.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCheckFailureTest {

    final ProblemWriter problems = new ProblemWriter(JsonMapper.builder().build());

    @Test
    void anUnreachableKeySetIsA503ProblemNotA500() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ResourceServerSecurity.failures(problems).onAuthenticationFailure(new MockHttpServletRequest(), response,
                new AuthenticationServiceException("Couldn't retrieve remote JWK set"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"code\":\"token-check-unavailable\"").contains("身份服务");
    }

    @Test
    void anInvalidTokenStaysA401() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ResourceServerSecurity.failures(problems).onAuthenticationFailure(new MockHttpServletRequest(), response,
                new InvalidBearerTokenException("expired"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"code\":\"invalid-token\"");
    }
}
