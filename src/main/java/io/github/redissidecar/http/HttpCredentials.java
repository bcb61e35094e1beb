package io.github.redissidecar.http;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.config.SidecarConfig;
import io.smallrye.config.Expressions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The credentials /metrics, /status and /q/metrics demand, if any: a bearer token or basic credentials, from
 * configuration or a file. Fails closed: protection that is configured but empty, blank or unreadable refuses to
 * start. The scheme is compared ignoring case (RFC 9110), the credentials in constant time; never logged.
 */
@ApplicationScoped
public class HttpCredentials {

    private final Optional<byte[]> expected;
    private final String scheme;

    HttpCredentials(SidecarConfig config) {
        SidecarConfig.Http http = config.http();
        Optional<String> token = secret(http.bearerTokenFile(), "sidecar.http.bearer-token",
                "SIDECAR_HTTP_BEARER_TOKEN");
        Optional<String> password = secret(http.basicAuthPasswordFile(), "sidecar.http.basic-auth-password",
                "SIDECAR_HTTP_BASIC_AUTH_PASSWORD");
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
            expected = Optional.of(token.get().getBytes(StandardCharsets.UTF_8));
        } else if (password.isPresent()) {
            scheme = "Basic";
            String pair = http.basicAuthUser().get() + ":" + password.get();
            expected = Optional.of(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            scheme = "";
            expected = Optional.empty();
        }
    }

    /** For the startup log. */
    public String describe() {
        return "/metrics, /status and /q/metrics " + (expected.isPresent() ? "require " + scheme + " authentication"
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
        String given = authorization == null ? "" : authorization.strip();
        int space = given.indexOf(' ');
        boolean schemeMatches = space > 0 && given.substring(0, space).toLowerCase(Locale.ROOT)
                .equals(scheme.toLowerCase(Locale.ROOT));
        byte[] credentials = (space > 0 ? given.substring(space + 1).strip() : "").getBytes(StandardCharsets.UTF_8);
        // Compared even when the scheme is wrong, so that the time taken does not tell which part was.
        return MessageDigest.isEqual(expected.get(), credentials) & schemeMatches;
    }

    // A value is read literally: "${...}" in a token is part of the token, not an expression to expand.
    private static Optional<String> secret(Optional<Path> file, String key, String envName) {
        // Configuration treats an empty value as unset; set but empty in the environment is a mistake, not "open".
        for (String variable : new String[] {envName, envName + "_FILE"}) {
            String raw = System.getenv(variable);
            if (raw != null && raw.isBlank()) {
                throw new InvalidConfiguration(variable + " is set but empty: set it, or unset " + variable
                        + " to leave the endpoints open");
            }
        }
        if (file.isPresent()) {
            return Optional.of(SecretFile.read(file.get(), envName + "_FILE"));
        }
        Optional<String> value = Expressions.withoutExpansion(
                () -> ConfigProvider.getConfig().getOptionalValue(key, String.class));
        if (value.isPresent() && value.get().isBlank()) {
            throw new InvalidConfiguration(envName + " is set but blank: set the secret, or unset " + envName
                    + " to leave the endpoints open");
        }
        return value;
    }
}
