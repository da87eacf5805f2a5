package cn.xiaoben.identity.authserver.keys;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key-encryption key (KEK): 256 bits of AES that seal the token signing keys before they are written to MongoDB.
 * The JDK's AES-GCM ({@code AES/GCM/NoPadding}): a random 96-bit IV per message, a 128-bit tag, and the key id as
 * associated data, so a sealed key cannot be passed off under another key's id. Sealed form: IV ‖ ciphertext ‖ tag.
 * The KEK is never stored in the database; where it comes from: {@link KeyEncryptionKeys}.
 */
final class KeyEncryptionKey {

    static final int BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;

    private KeyEncryptionKey(byte[] raw) {
        if (raw.length != BYTES) {
            throw new IllegalArgumentException("A key-encryption key has 256 bits (32 bytes), this one has "
                    + raw.length + " bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.id = fingerprint(raw);
        Arrays.fill(raw, (byte) 0);
    }

    /** A KEK from its base64 (standard or URL-safe) text. */
    static KeyEncryptionKey parse(String base64) {
        String text = base64 == null ? "" : base64.strip();
        byte[] raw;
        try {
            raw = text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The key-encryption key is not base64");
        }
        return new KeyEncryptionKey(raw);
    }

    /** A new random KEK, as base64 text. */
    static String generate() {
        byte[] raw = new byte[BYTES];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /**
     * A short public name of this KEK (a truncated HMAC of a constant under it), stored next to what it sealed so that
     * a wrong KEK is reported as such. It reveals nothing usable about the key.
     */
    String id() {
        return id;
    }

    byte[] seal(byte[] plain, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, associatedData);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal with AES-GCM", e);
        }
    }

    /** The plain bytes; {@link IllegalStateException} when not sealed by this KEK for this associated data. */
    byte[] open(byte[] sealed, String associatedData) {
        if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("Not a sealed value");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), associatedData);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The sealed value was altered, belongs to another key id, or was sealed"
                    + " with another key-encryption key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open with AES-GCM", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }

    private Cipher cipher(int mode, byte[] iv, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String fingerprint(byte[] raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            byte[] tag = mac.doFinal("xiaoben identity key-encryption-key id".getBytes(StandardCharsets.UTF_8));
            return "kek-" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, 9));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
