package cn.xiaoben.identity.common;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Opaque, unguessable ids with a readable prefix ({@code sch-3f9a…}). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
