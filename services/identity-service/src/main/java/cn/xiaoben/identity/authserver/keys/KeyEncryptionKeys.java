package cn.xiaoben.identity.authserver.keys;

import cn.xiaoben.identity.config.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the {@link KeyEncryptionKey} comes from, first that applies:
 * <ol>
 *     <li>{@code xiaoben.identity.keys.kek} (env {@code XIAOBEN_IDENTITY_KEYS_KEK}), base64;</li>
 *     <li>{@code xiaoben.identity.keys.kek-file}, a file holding it, which must exist (a secret mount that is missing
 *     is an error, not a reason to make up a new key);</li>
 *     <li>{@code xiaoben.identity.keys.generated-kek-file} (default {@code var/secrets/identity-kek}, next to the
 *     embedded launcher's other secrets and outside MongoDB's data), generated there on the first start (directory
 *     700, file 600) and read on every later one, unless {@code generate-kek=false}.</li>
 * </ol>
 * The value is never logged; only its {@link KeyEncryptionKey#id() id} is.
 */
final class KeyEncryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeys.class);

    private KeyEncryptionKeys() {
    }

    static KeyEncryptionKey resolve(IdentityProperties.Keys keys) {
        if (keys.kek() != null && !keys.kek().isBlank()) {
            KeyEncryptionKey kek = KeyEncryptionKey.parse(keys.kek());
            log.info("Signing keys are sealed with the configured key-encryption key {}", kek.id());
            return kek;
        }
        if (keys.kekFile() != null) {
            Path file = keys.kekFile().toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("xiaoben.identity.keys.kek-file names " + file
                        + ", which does not exist");
            }
            KeyEncryptionKey kek = KeyEncryptionKey.parse(read(file));
            log.info("Signing keys are sealed with the key-encryption key {} from {}", kek.id(), file);
            return kek;
        }
        if (!keys.generateKek()) {
            throw new IllegalStateException("No key-encryption key: set XIAOBEN_IDENTITY_KEYS_KEK (base64 of 32 random"
                    + " bytes) or xiaoben.identity.keys.kek-file");
        }
        return readOrGenerate(keys.generatedKekFile().toAbsolutePath());
    }

    /** The KEK in {@code file}, which is created with a new one if it does not exist yet (several racing: one wins). */
    static KeyEncryptionKey readOrGenerate(Path file) {
        if (!Files.exists(file)) {
            generate(file);
        }
        KeyEncryptionKey kek = KeyEncryptionKey.parse(read(file));
        log.info("Signing keys are sealed with the key-encryption key {} from {}", kek.id(), file);
        return kek;
    }

    private static void generate(Path file) {
        Path dir = file.getParent();
        Path temp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, "rwx------");
            }
            temp = posix(dir) ? Files.createTempFile(dir, ".kek-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".kek-", ".tmp");
            Files.writeString(temp, KeyEncryptionKey.generate() + "\n", StandardCharsets.US_ASCII);
            publish(temp, file);
            log.warn("Generated a new key-encryption key in {}: keep this file (and out of the database's backups);"
                    + " without it the stored signing keys cannot be read", file);
        } catch (FileAlreadyExistsException e) {
            // another process generated it first: use theirs
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the key-encryption key file " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Makes the complete temp file appear under its name at once, never replacing a file already there. */
    private static void publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (UnsupportedOperationException e) {
            Files.move(temp, file);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key-encryption key file " + file, e);
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.debug("Cannot delete {}", path, e);
            }
        }
    }
}
