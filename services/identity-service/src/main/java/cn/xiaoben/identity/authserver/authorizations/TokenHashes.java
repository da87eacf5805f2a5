package cn.xiaoben.identity.authserver.authorizations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Token values are never stored, only their SHA-256 (hex). An authorization read back carries the real value of the
 * one token it was looked up by (the caller presented it) and, for every other token, a stand-in
 * {@code ~sha256:<hash>}: Spring's model needs a value there, and saving the authorization again must keep the
 * stored hash, not hash the stand-in. No issued token contains {@code ~} (JWTs and Spring's opaque values are
 * base64url), and presenting a stand-in finds nothing (its hash is another).
 */
final class TokenHashes {

    private static final String STAND_IN = "~sha256:";

    private TokenHashes() {
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash to store for a value of an authorization (a stand-in keeps the hash it stands for). */
    static String toStore(String value) {
        return value.startsWith(STAND_IN) ? value.substring(STAND_IN.length()) : sha256(value);
    }

    /** The value for an authorization read back: the presented one if it is this token, else a stand-in. */
    static String value(String storedHash, String presented) {
        return presented != null && sha256(presented).equals(storedHash) ? presented : STAND_IN + storedHash;
    }
}
