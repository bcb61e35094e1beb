package io.github.redissidecar.redis;

import io.github.redissidecar.checks.InvalidConfiguration;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A Redis address: {@code redis://host:port}, {@code rediss://host:port}, {@code unix:///path} or a bare
 * {@code host:port} (as redis_exporter accepts). Credentials written in the URL are split off, so that
 * {@link #toString()} and {@link #clientUrl()} never carry them.
 */
public record RedisAddress(String scheme, String host, int port, String path, Optional<String> user,
        Optional<String> password) {

    public static final String KEY = "SIDECAR_REDIS_ADDRESS / REDIS_ADDR (sidecar.redis.address)";

    public static RedisAddress parse(String text) {
        String raw = text == null ? "" : text.strip();
        String withScheme = raw.contains("://") ? raw : "redis://" + raw;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (Exception e) {
            throw invalid(raw);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "redis", "rediss" -> network(uri, scheme, raw);
            case "unix" -> socket(uri, raw);
            default -> throw invalid(raw);
        };
    }

    private static RedisAddress network(URI uri, String scheme, String raw) {
        if (uri.getHost() == null) {
            throw invalid(raw);
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        if (port < 1 || port > 65535) {
            // Caught here: the client would throw on every connection attempt, from a thread that cannot report it.
            throw new InvalidConfiguration(KEY + " has port " + port + ", outside 1..65535. Use the port Redis "
                    + "listens on, e.g. redis://" + hostForUrl(uri.getHost()) + ":6379.");
        }
        String[] userInfo = splitUserInfo(uri.getRawUserInfo());
        return new RedisAddress(scheme, uri.getHost(), port, "",
                Optional.ofNullable(userInfo[0]), Optional.ofNullable(userInfo[1]));
    }

    private static RedisAddress socket(URI uri, String raw) {
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
            throw invalid(raw);
        }
        return new RedisAddress("unix", "", 0, uri.getPath(), Optional.empty(), Optional.empty());
    }

    /** "user:password" → [user or null, password or null]; an empty user means the default user. */
    private static String[] splitUserInfo(String userInfo) {
        if (userInfo == null) {
            return new String[2];
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        return new String[] {user.isEmpty() ? null : user, password == null || password.isEmpty() ? null : password};
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    // The message never repeats the value: a URL may hold a password.
    private static InvalidConfiguration invalid(String raw) {
        String scheme = raw.contains("://") ? raw.substring(0, raw.indexOf("://")) : "?";
        return new InvalidConfiguration(KEY + " is not a Redis address (scheme '" + scheme + "'). Use "
                + "redis://host:port, rediss://host:port for TLS, or unix:///path/to/redis.sock.");
    }

    public boolean tls() {
        return scheme.equals("rediss");
    }

    /** The URL handed to the client: no credentials. */
    public String clientUrl() {
        return scheme.equals("unix") ? "unix://" + path : scheme + "://" + hostForUrl() + ":" + port;
    }

    private String hostForUrl() {
        return hostForUrl(host);
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return clientUrl();
    }
}
