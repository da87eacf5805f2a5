package cn.xiaoben.identity.authserver.keys;

import cn.xiaoben.identity.authserver.keys.SigningKeyStore.StoredKey;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The token signing keys. As a {@link JWKSource} it is the published key set ({@code /oauth2/jwks} and the service's
 * own decoder): public parts only, of the key that signs, of keys about to sign and of replaced keys until every token
 * they signed has expired. {@link #signingSource()} is what the encoder signs with: the newest key whose
 * {@code activatesAt} has come.
 * <p>
 * The store is the source (several instances agree through it): {@link #refresh()} re-reads it, rotates when the
 * newest key is older than {@code rotation} (the next key signs {@code publishAhead} later, once every instance and
 * every resource server's cached key set knows it) and deletes keys past {@code retention} after their successor
 * started signing. What is kept in memory is what the store said at the last read, each key taken from its sealed,
 * authenticated form. A clear-text key of an older version is deleted, never served again: anyone who could read
 * the database had it, so tokens it signed must stop being accepted.
 */
class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String AAD_PREFIX = "xiaoben-identity-signing-key:";

    private final SigningKeyStore store;
    private final KeyEncryptionKey kek;
    private final Clock clock;
    private final Duration rotation;
    private final Duration publishAhead;
    private final Duration retention;

    /** The opened keys, newest first. */
    private volatile List<OpenedKey> keys = List.of();

    private record OpenedKey(long generation, RSAKey key, Instant createdAt, Instant activatesAt) {
    }

    /** A key as the key-management API shows it ({@code status}: pending, signing or retired). */
    public record KeyInfo(String kid, long generation, Instant createdAt, Instant signsFrom, Instant retiresAt,
                          String status) {
    }

    SigningKeys(SigningKeyStore store, KeyEncryptionKey kek, Clock clock, Duration rotation, Duration publishAhead,
                Duration retention) {
        this.store = store;
        this.kek = kek;
        this.clock = clock;
        this.rotation = rotation;
        this.publishAhead = publishAhead;
        this.retention = retention;
    }

    /**
     * Loads the keys (a first one, signing at once, if there is none). Refuses to start when a stored key cannot be
     * opened with the configured KEK: a new key would hide a lost or wrong KEK, and instances with different KEKs
     * would sign with keys the others do not publish.
     */
    synchronized void start() {
        if (store.deleteLegacyClearTextKey()) {
            log.warn("Deleted the clear-text signing key of an older version: it counts as compromised, and tokens it"
                    + " signed are no longer accepted");
        }
        List<StoredKey> stored = store.all();
        if (stored.isEmpty()) {
            Instant now = now();
            insert(1, now, now);
        } else if (due(stored.get(0))) {
            insertNext(stored.get(0));
        }
        load(store.all());
        log.info("Token signing key {}; {} key(s) published", signingKey().getKeyID(), keys.size());
    }

    /** Re-reads the keys, rotates when due, drops retired ones; on failure keeps the keys in use. */
    synchronized void refresh() {
        try {
            List<StoredKey> stored = store.all();
            if (stored.isEmpty() || due(stored.get(0))) {
                insertNext(stored.isEmpty() ? null : stored.get(0));
                stored = store.all();
            }
            load(stored);
        } catch (RuntimeException e) {
            log.error("Cannot refresh the token signing keys; keeping the {} key(s) in use", keys.size(), e);
        }
    }

    /** Generates the next key now (it signs {@code publishAhead} later); the key it replaces keeps verifying. */
    synchronized KeyInfo rotate() {
        List<StoredKey> stored = store.all();
        insertNext(stored.isEmpty() ? null : stored.get(0));
        load(store.all());
        return describe().get(0);
    }

    /** Every published key, newest first. */
    List<KeyInfo> describe() {
        Instant now = now();
        List<OpenedKey> current = keys;
        int signing = signingIndex(current, now);
        List<KeyInfo> infos = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            OpenedKey key = current.get(i);
            String status = i < signing ? "pending" : i == signing ? "signing" : "retired";
            infos.add(new KeyInfo(key.key().getKeyID(), key.generation(), key.createdAt(), key.activatesAt(),
                    retiresAt(current, i, signing), status));
        }
        return infos;
    }

    /** The private key that signs now. */
    RSAKey signingKey() {
        List<OpenedKey> current = keys;
        int signing = signingIndex(current, now());
        if (signing < 0) {
            throw new IllegalStateException("No signing key is active");
        }
        return current.get(signing).key();
    }

    /** For the token encoder: only the key that signs now. */
    JWKSource<SecurityContext> signingSource() {
        return (selector, context) -> selector.select(new JWKSet(signingKey()));
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Instant now = now();
        List<OpenedKey> current = keys;
        int signing = signingIndex(current, now);
        List<JWK> published = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            Instant retiresAt = retiresAt(current, i, signing);
            if (retiresAt == null || retiresAt.isAfter(now)) {
                published.add(current.get(i).key().toPublicJWK());
            }
        }
        return selector.select(new JWKSet(published));
    }

    private boolean due(StoredKey newest) {
        return !newest.createdAt().plus(rotation).isAfter(now());
    }

    private void insertNext(StoredKey newest) {
        Instant now = now();
        if (newest == null) {
            insert(1, now, now);
        } else {
            insert(newest.generation() + 1, now, now.plus(publishAhead));
        }
    }

    private void insert(long generation, Instant createdAt, Instant activatesAt) {
        RSAKey key = generate();
        byte[] sealed = kek.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), AAD_PREFIX + key.getKeyID());
        StoredKey stored = new StoredKey(generation, key.getKeyID(), createdAt, activatesAt, kek.id(), sealed);
        if (store.insert(stored, key.toPublicJWK().toJSONObject())) {
            log.info("Generated token signing key {} (generation {}), signing from {}", key.getKeyID(), generation,
                    activatesAt);
        } else {
            log.info("Another instance stored signing key generation {} first: using that one", generation);
        }
    }

    /** Opens every stored key still in use and deletes those past retirement; fails on one it cannot open. */
    private void load(List<StoredKey> stored) {
        List<OpenedKey> opened = new ArrayList<>();
        for (StoredKey key : stored) {
            opened.add(new OpenedKey(key.generation(), unseal(key), key.createdAt(), key.activatesAt()));
        }
        Instant now = now();
        int signing = signingIndex(opened, now);
        List<OpenedKey> kept = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            Instant retiresAt = retiresAt(opened, i, signing);
            if (retiresAt != null && !retiresAt.isAfter(now)) {
                store.delete(opened.get(i).generation());
                log.info("Deleted retired signing key {} (out of the key set since {})",
                        opened.get(i).key().getKeyID(), retiresAt);
            } else {
                kept.add(opened.get(i));
            }
        }
        keys = List.copyOf(kept);
    }

    /** The index of the newest key whose activation has come, -1 if none. */
    private static int signingIndex(List<OpenedKey> keys, Instant now) {
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).activatesAt().isAfter(now)) {
                return i;
            }
        }
        return -1;
    }

    /** When a replaced key leaves the key set: its successor started signing, plus the retention; null if in use. */
    private Instant retiresAt(List<OpenedKey> keys, int index, int signing) {
        if (signing < 0 || index <= signing) {
            return null;
        }
        Instant replacedAt = keys.get(index - 1).activatesAt();
        Instant own = keys.get(index).activatesAt();
        return (replacedAt.isAfter(own) ? replacedAt : own).plus(retention);
    }

    private RSAKey unseal(StoredKey stored) {
        if (!kek.id().equals(stored.kekId())) {
            throw new IllegalStateException("Signing key " + stored.kid() + " is sealed with key-encryption key "
                    + stored.kekId() + ", but " + kek.id() + " is configured. Configure the right one"
                    + " (XIAOBEN_IDENTITY_KEYS_KEK or xiaoben.identity.keys.kek-file); or, to start over, delete the"
                    + " documents of signing_keys: every token issued so far then stops being accepted.");
        }
        RSAKey key;
        try {
            key = RSAKey.parse(new String(kek.open(stored.sealed(), AAD_PREFIX + stored.kid()),
                    StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " cannot be opened with key-encryption"
                    + " key " + kek.id() + ": " + e.getMessage());
        }
        if (!stored.kid().equals(key.getKeyID()) || !key.isPrivate()) {
            throw new IllegalStateException("Signing key document " + stored.kid() + " holds another key");
        }
        return key;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
