package io.github.redissidecar.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Puts Micrometer's own endpoint, /q/metrics, behind the same credentials as /metrics: it is a Vert.x route, which
 * {@link HttpAuthFilter} (a REST filter) never sees, and the extension has no switch that keeps the registry but
 * drops the route. Registered first, so it runs before the endpoint.
 */
@ApplicationScoped
class QuarkusMetricsGuard {

    void guard(@Observes Router router, HttpCredentials credentials) {
        if (!credentials.required()) {
            return;
        }
        router.route("/q/metrics*").order(Integer.MIN_VALUE).handler(context -> {
            if (credentials.accepts(context.request().getHeader(HttpHeaders.AUTHORIZATION))) {
                context.next();
            } else {
                context.response().setStatusCode(401).putHeader("WWW-Authenticate",
                        credentials.scheme() + " realm=\"redis-memory-sidecar\"").end();
            }
        });
    }
}
