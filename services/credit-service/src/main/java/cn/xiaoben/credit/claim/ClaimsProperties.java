package cn.xiaoben.credit.claim;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The approval chain every credit claim goes through, in order ({@code xiaoben.credit.claims.chain}, default
 * {@code SCHOOL,COUNTY}); the levels are SCHOOL, TOWNSHIP and COUNTY, each at most once.
 */
@ConfigurationProperties("xiaoben.credit.claims")
public record ClaimsProperties(List<ClaimLevel> chain) {

    public ClaimsProperties {
        chain = chain == null || chain.isEmpty() ? List.of(ClaimLevel.SCHOOL, ClaimLevel.COUNTY) : List.copyOf(chain);
        if (new LinkedHashSet<>(chain).size() != chain.size()) {
            throw new IllegalArgumentException("xiaoben.credit.claims.chain names a level twice: " + chain);
        }
    }
}
