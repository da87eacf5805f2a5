package cn.xiaoben.activity.session;

import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * Six-digit check-in / check-out codes. Only a salted hash and the expiry are stored; issuing a new code replaces
 * (rotates) the previous one of the same purpose.
 */
final class AttendanceCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AttendanceCodes() {
    }

    record Issued(String code, Document stored) {
    }

    enum Check { VALID, EXPIRED, INVALID }

    static Issued issue(Instant now, java.time.Duration validity) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new Issued(code, new Document("hash", hash(saltHex, code)).append("salt", saltHex)
                .append("issuedAt", Date.from(now)).append("expiresAt", Date.from(now.plus(validity))));
    }

    static Check check(Document stored, String code, Instant now) {
        if (stored == null || code == null) {
            return Check.INVALID;
        }
        boolean same = MessageDigest.isEqual(hash(stored.getString("salt"), code).getBytes(StandardCharsets.US_ASCII),
                stored.getString("hash").getBytes(StandardCharsets.US_ASCII));
        if (!same) {
            return Check.INVALID;
        }
        return now.isAfter(stored.getDate("expiresAt").toInstant()) ? Check.EXPIRED : Check.VALID;
    }

    private static String hash(String salt, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
