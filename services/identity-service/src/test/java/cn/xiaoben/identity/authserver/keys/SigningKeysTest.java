package cn.xiaoben.identity.authserver.keys;

import cn.xiaoben.identity.config.IdentityProperties;
import cn.xiaoben.testsupport.MongoWireServer;
import cn.xiaoben.testsupport.TestClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signing keys on the MongoDB-wire server with a {@link TestClock}: what is stored, rotation on age with
 * publish-ahead and retention, a wrong KEK, a tampered document, a legacy clear-text key, the generated KEK file.
 */
class SigningKeysTest {

    private static final Duration ROTATION = Duration.ofDays(30);
    private static final Duration AHEAD = Duration.ofMinutes(10);
    private static final Duration RETENTION = Duration.ofMinutes(40);

    private final TestClock clock = new TestClock();
    private final KeyEncryptionKey kek = KeyEncryptionKey.parse(KeyEncryptionKey.generate());
    private MongoClient client;
    private MongoDatabase database;
    private MongoCollection<Document> stored;

    @BeforeEach
    void database() {
        String name = "keys_" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(MongoWireServer.uri(name));
        database = client.getDatabase(name);
        stored = database.getCollection(SigningKeyStore.COLLECTION);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private SigningKeys keys(KeyEncryptionKey with) {
        SigningKeys keys = new SigningKeys(new SigningKeyStore(database), with, clock, ROTATION, AHEAD, RETENTION);
        keys.start();
        return keys;
    }

    private static List<String> published(SigningKeys keys) {
        return keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).stream().map(JWK::getKeyID).toList();
    }

    @Test
    void theStoreHoldsTheKeySealedAndOnlyThePublicPartInClear() throws Exception {
        SigningKeys keys = keys(kek);

        Document doc = stored.find().first();
        assertThat(doc.get("_id")).isEqualTo(1L);
        assertThat(doc.getString("kid")).isEqualTo(keys.signingKey().getKeyID());
        assertThat(doc.get("publicJwk", Document.class).keySet()).doesNotContain("d", "p", "q", "dp", "dq", "qi");
        assertThat(JWK.parse(doc.get("publicJwk", Document.class).toJson()).isPrivate()).isFalse();
        String sealed = new String(doc.get("sealed", Binary.class).getData(), StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("\"d\"", "\"p\"", "RSA");
        assertThat(keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null))
                .allSatisfy(jwk -> assertThat(jwk.isPrivate()).isFalse());
        assertThat(keys.signingKey().isPrivate()).isTrue();
    }

    @Test
    void anotherKekCannotOpenTheKeysAndTheServiceRefusesToStart() {
        keys(kek);
        KeyEncryptionKey other = KeyEncryptionKey.parse(KeyEncryptionKey.generate());

        assertThatThrownBy(() -> keys(other)).hasMessageContaining("is sealed with key-encryption key");
        assertThatThrownBy(() -> other.open(stored.find().first().get("sealed", Binary.class).getData(), "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSealedKeyMovedUnderAnotherKidDoesNotOpen() {
        keys(kek);
        stored.updateOne(Filters.eq("_id", 1L), Updates.set("kid", "attacker-chosen-kid"));

        assertThatThrownBy(() -> keys(kek)).hasMessageContaining("cannot be opened");
    }

    @Test
    void anOldKeyIsReplacedPublishedAheadAndDroppedAfterTheRetention() {
        SigningKeys keys = keys(kek);
        String first = keys.signingKey().getKeyID();

        clock.advance(ROTATION);
        keys.refresh();
        assertThat(stored.countDocuments()).isEqualTo(2);
        String second = keys.describe().get(0).kid();
        assertThat(keys.describe().get(0).status()).isEqualTo("pending");
        assertThat(keys.signingKey().getKeyID()).as("still the old key while the new one is published ahead")
                .isEqualTo(first);
        assertThat(published(keys)).containsExactly(second, first);

        clock.advance(AHEAD);
        assertThat(keys.signingKey().getKeyID()).isEqualTo(second);
        assertThat(published(keys)).containsExactly(second, first);
        assertThat(keys.describe().get(1).retiresAt()).isEqualTo(clock.instant().plus(RETENTION));

        clock.advance(RETENTION.minusSeconds(1));
        keys.refresh();
        assertThat(published(keys)).containsExactly(second, first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(published(keys)).containsExactly(second);
        keys.refresh();
        assertThat(stored.countDocuments()).isEqualTo(1);
        assertThat(keys(kek).signingKey().getKeyID()).as("a restart agrees").isEqualTo(second);
    }

    @Test
    void aRotationByAnotherInstanceIsPickedUpOnRefresh() {
        SigningKeys one = keys(kek);
        SigningKeys two = keys(kek);

        SigningKeys.KeyInfo next = one.rotate();
        two.refresh();

        assertThat(published(two)).contains(next.kid());
        clock.advance(AHEAD);
        assertThat(two.signingKey().getKeyID()).isEqualTo(next.kid()).isEqualTo(one.signingKey().getKeyID());
    }

    @Test
    void aClearTextKeyOfAnOlderVersionIsDeletedNotServed() {
        stored.insertOne(new Document("_id", SigningKeyStore.LEGACY_ID).append("kid", "legacy-kid")
                .append("jwk", "{\"kty\":\"RSA\",\"kid\":\"legacy-kid\"}"));

        SigningKeys keys = keys(kek);

        assertThat(stored.countDocuments(Filters.eq("_id", SigningKeyStore.LEGACY_ID))).isZero();
        assertThat(published(keys)).doesNotContain("legacy-kid").hasSize(1);
    }

    @Test
    void aGeneratedKekFileIsPrivateToItsOwnerAndReadAgainOnTheNextStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets").resolve("identity-kek");
        IdentityProperties.Keys settings = new IdentityProperties.Keys(null, null, true, file, ROTATION, AHEAD, null,
                Duration.ofMinutes(10), Duration.ofMinutes(1));

        KeyEncryptionKey generated = KeyEncryptionKeys.resolve(settings);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(KeyEncryptionKeys.resolve(settings).id()).isEqualTo(generated.id());
        IdentityProperties.Keys noGeneration = new IdentityProperties.Keys(null, null, false, file, ROTATION, AHEAD,
                null, Duration.ofMinutes(10), Duration.ofMinutes(1));
        assertThatThrownBy(() -> KeyEncryptionKeys.resolve(noGeneration))
                .hasMessageContaining("XIAOBEN_IDENTITY_KEYS_KEK");
    }
}
