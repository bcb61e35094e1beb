package io.github.redissidecar.http;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.config.SidecarConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The Authorization header value /metrics and /status demand, if any: a bearer token or basic credentials,
 * from configuration or a file. Compared in constant time; never logged.
 */
@ApplicationScoped
public class HttpCredentials {

    private final Optional<byte[]> expected;
    private final String scheme;

    HttpCredentials(SidecarConfig config) {
        SidecarConfig.Http http = config.http();
        Optional<String> token = secret(http.bearerTokenFile(), http.bearerToken(), "SIDECAR_HTTP_BEARER_TOKEN_FILE");
        Optional<String> password = secret(http.basicAuthPasswordFile(), http.basicAuthPassword(),
                "SIDECAR_HTTP_BASIC_AUTH_PASSWORD_FILE");
        if (token.isPresent() && http.basicAuthUser().isPresent()) {
            throw new InvalidConfiguration("Set either a bearer token (SIDECAR_HTTP_BEARER_TOKEN) or basic auth "
                    + "(SIDECAR_HTTP_BASIC_AUTH_USER), not both");
        }
        if (http.basicAuthUser().isPresent() != password.isPresent()) {
            throw new InvalidConfiguration("Basic auth needs both SIDECAR_HTTP_BASIC_AUTH_USER and "
                    + "SIDECAR_HTTP_BASIC_AUTH_PASSWORD (or _FILE)");
        }
        if (token.isPresent()) {
            scheme = "Bearer";
            expected = Optional.of(("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8));
        } else if (password.isPresent()) {
            scheme = "Basic";
            String pair = http.basicAuthUser().get() + ":" + password.get();
            expected = Optional.of(("Basic " + Base64.getEncoder().encodeToString(
                    pair.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8));
        } else {
            scheme = "";
            expected = Optional.empty();
        }
    }

    /** For the startup log. */
    public String describe() {
        return "/metrics and /status " + (expected.isPresent() ? "require " + scheme + " authentication"
                : "are open (set SIDECAR_HTTP_BEARER_TOKEN or SIDECAR_HTTP_BASIC_AUTH_USER to protect them)");
    }

    public boolean required() {
        return expected.isPresent();
    }

    public String scheme() {
        return scheme;
    }

    /** Whether the request's Authorization header matches; true when no protection is configured. */
    public boolean accepts(String authorization) {
        if (expected.isEmpty()) {
            return true;
        }
        byte[] given = authorization == null ? new byte[0] : authorization.strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected.get(), given);
    }

    private static Optional<String> secret(Optional<Path> file, Optional<String> value, String fileKey) {
        if (file.isEmpty()) {
            return value.filter(v -> !v.isEmpty());
        }
        try {
            return Optional.of(Files.readString(file.get()).strip()).filter(v -> !v.isEmpty());
        } catch (IOException e) {
            throw new InvalidConfiguration(fileKey + " " + file.get() + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
