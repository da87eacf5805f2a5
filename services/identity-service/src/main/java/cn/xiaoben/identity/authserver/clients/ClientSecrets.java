package cn.xiaoben.identity.authserver.clients;

import java.security.SecureRandom;
import java.util.Base64;

/** Random client secrets: 32 bytes, URL-safe, shown once and stored only as a hash. */
public final class ClientSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
