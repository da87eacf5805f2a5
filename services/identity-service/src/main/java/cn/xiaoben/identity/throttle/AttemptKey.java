package cn.xiaoben.identity.throttle;

import java.util.Locale;

/**
 * What failed authentications are counted against: a client id ({@code client}) or a username ({@code login}), which
 * can be locked, and the IP on the OAuth2 endpoints ({@code token-ip}) or the username + IP on the sign-in form
 * ({@code login-ip}), which are only slowed down. Stored as {@code _id = "<kind>|<name>"}.
 */
record AttemptKey(String kind, String name) {

    static final String CLIENT = "client";
    static final String TOKEN_IP = "token-ip";
    static final String LOGIN = "login";
    static final String LOGIN_IP = "login-ip";
    /** Longer names (garbage, attacks) are cut: they still count, and a document id stays small. */
    private static final int MAX_NAME = 128;

    static AttemptKey client(String clientId) {
        return new AttemptKey(CLIENT, cut(clientId));
    }

    static AttemptKey tokenIp(String ip) {
        return new AttemptKey(TOKEN_IP, cut(ip));
    }

    static AttemptKey login(String username) {
        return new AttemptKey(LOGIN, username(username));
    }

    static AttemptKey loginIp(String username, String ip) {
        return new AttemptKey(LOGIN_IP, username(username) + "|" + cut(ip));
    }

    /** Usernames are unique regardless of case (as in {@code accounts}). */
    static String username(String username) {
        return cut(username.strip().toLowerCase(Locale.ROOT));
    }

    String id() {
        return kind + "|" + name;
    }

    /** Client ids and usernames can be locked; IP keys only slow down (many people share a school's address). */
    boolean lockable() {
        return CLIENT.equals(kind) || LOGIN.equals(kind);
    }

    private static String cut(String value) {
        String text = value == null ? "" : value;
        return text.length() > MAX_NAME ? text.substring(0, MAX_NAME) : text;
    }
}
