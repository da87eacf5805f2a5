package cn.xiaoben.identity.bootstrap;

import cn.xiaoben.identity.authserver.clients.ClientTemplates;
import cn.xiaoben.identity.authserver.clients.MongoRegisteredClientRepository;
import cn.xiaoben.identity.config.IdentityProperties;
import cn.xiaoben.identity.throttle.AuthAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.time.Clock;
import java.time.Instant;

/**
 * The platform's own clients, brought to their configured state on every start: the bureau console (its secret
 * belongs to whoever launches the service, so a changed secret replaces the stored hash, and a restart lifts a lock
 * others put on it with wrong secrets), the web client, and the
 * scopes and token lifetime of the school systems' clients.
 */
public class ClientBootstrap {

    private static final Logger log = LoggerFactory.getLogger(ClientBootstrap.class);

    private final MongoRegisteredClientRepository clients;
    private final ClientTemplates templates;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final Clock clock;
    private final AuthAttempts attempts;

    public ClientBootstrap(MongoRegisteredClientRepository clients, ClientTemplates templates,
                           PasswordEncoder passwords, IdentityProperties properties, Clock clock,
                           AuthAttempts attempts) {
        this.clients = clients;
        this.templates = templates;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.attempts = attempts;
    }

    public void bureauClient() {
        String clientId = properties.bootstrap().bureauClientId();
        if (attempts.liftClient(clientId)) {
            // anyone can lock a client id with wrong secrets; the operator recovers the bureau's own by a restart
            log.warn("AUDIT lifted the lock or backoff of the bureau client {} on start", clientId);
        }
        String secret = properties.bootstrap().bureauClientSecret();
        RegisteredClient existing = clients.findByClientId(clientId);
        if (secret == null || secret.isBlank()) {
            if (existing == null) {
                log.warn("xiaoben.identity.bootstrap.bureau-client-secret is not set: the bureau client {} is not "
                        + "created, and nobody can register townships or schools until it is", clientId);
            }
            return;
        }
        boolean sameSecret = existing != null && existing.getClientSecret() != null
                && passwords.matches(secret, existing.getClientSecret());
        String hash = sameSecret ? existing.getClientSecret() : passwords.encode(secret);
        clients.save(templates.bureau(existing != null ? existing.getId() : "client-" + clientId,
                issuedAt(existing), hash));
        if (existing == null) {
            log.info("Created the bureau client {}", clientId);
        } else if (!sameSecret) {
            log.info("Updated the secret of the bureau client {}", clientId);
        }
    }

    public void webClient() {
        String clientId = properties.webClient().clientId();
        RegisteredClient existing = clients.findByClientId(clientId);
        clients.save(templates.web(existing != null ? existing.getId() : "client-" + clientId, issuedAt(existing)));
    }

    /** School systems' clients get the current scopes and token lifetime. */
    public void schoolClients() {
        long changed = clients.alignSchoolClients(ClientTemplates.SCHOOL_SCOPES, properties.clientTokenTtl());
        if (changed > 0) {
            log.info("Brought {} school system client(s) to the current scopes and token lifetime", changed);
        }
    }

    private Instant issuedAt(RegisteredClient existing) {
        return existing != null && existing.getClientIdIssuedAt() != null ? existing.getClientIdIssuedAt()
                : clock.instant();
    }
}
