package io.github.redissidecar.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards /metrics and /status when credentials are configured; a wrong or missing header gets 401 with a
 * WWW-Authenticate challenge. The health endpoints are not REST resources and stay open for probes.
 */
public class HttpAuthFilter {

    private final HttpCredentials credentials;

    HttpAuthFilter(HttpCredentials credentials) {
        this.credentials = credentials;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        if (credentials.accepts(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, credentials.scheme() + " realm=\"redis-memory-sidecar\"")
                .build());
    }
}
