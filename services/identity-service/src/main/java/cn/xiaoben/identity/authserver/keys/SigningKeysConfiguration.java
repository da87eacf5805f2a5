package cn.xiaoben.identity.authserver.keys;

import cn.xiaoben.identity.config.IdentityProperties;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Clock;
import java.time.Duration;

/**
 * The signing keys (sealed in MongoDB, rotated, refreshed from the store), the encoder that signs tokens with the
 * active one and the service's own decoder on the published key set.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeysConfiguration.class);

    /** The published key set ({@code /oauth2/jwks}); the authorization server takes this {@code JWKSource} bean. */
    @Bean
    SigningKeys signingKeys(MongoDatabase database, IdentityProperties properties, Clock clock) {
        IdentityProperties.Keys settings = properties.keys();
        Duration retention = settings.retention() != null ? settings.retention()
                : properties.longestSignedTokenLifetime().plus(settings.retentionMargin());
        if (retention.compareTo(properties.longestSignedTokenLifetime()) < 0) {
            log.warn("xiaoben.identity.keys.retention ({}) is shorter than the longest token lifetime ({}): tokens"
                    + " of a replaced key stop being accepted before they expire", retention,
                    properties.longestSignedTokenLifetime());
        }
        SigningKeys keys = new SigningKeys(new SigningKeyStore(database), KeyEncryptionKeys.resolve(settings), clock,
                settings.rotation(), settings.publishAhead(), retention);
        keys.start();
        return keys;
    }

    @Bean
    SigningKeyRefresher signingKeyRefresher(SigningKeys keys, IdentityProperties properties) {
        return new SigningKeyRefresher(keys, properties.keys().refresh());
    }

    /** Signs with the active key only (the key set also holds public keys of pending and retired ones). */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signingSource());
    }

    /**
     * Validates this service's own tokens (for {@code /api/**} and user info) on the published key set, without an
     * HTTP call to itself. Primary, so it wins over any other decoder in the context.
     */
    @Bean
    @Primary
    JwtDecoder identityJwtDecoder(SigningKeys keys, IdentityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return decoder;
    }
}
