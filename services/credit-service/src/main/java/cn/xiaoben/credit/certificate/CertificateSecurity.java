package cn.xiaoben.credit.certificate;

import cn.xiaoben.service.problem.ProblemWriter;
import cn.xiaoben.service.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The service kit's resource-server chain, with one public path: the verification of a certificate number, which
 * anyone holding a printed certificate may check without a token (it answers totals only).
 */
@Configuration(proxyBeanMethods = false)
class CertificateSecurity {

    @Bean
    SecurityFilterChain creditSecurityChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        return ResourceServerSecurity.chain(http, problems, "/api/credits/certificates/*/verification");
    }
}
