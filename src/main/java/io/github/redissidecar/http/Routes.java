package io.github.redissidecar.http;

import io.github.redissidecar.health.HealthChecks;
import io.github.redissidecar.metrics.PrometheusText;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP surface: /metrics, /status and the health probes, as plain Vert.x routes on the event loop. Every
 * handler only reads state the poll loop prepared, so none blocks. /metrics and /status ask for credentials when
 * they are configured; the probes never do.
 */
@ApplicationScoped
public class Routes {

    private static final String JSON = "application/json";

    private final MetricsEndpoint metrics;
    private final StatusEndpoint status;
    private final HealthChecks health;
    private final HttpCredentials credentials;

    Routes(MetricsEndpoint metrics, StatusEndpoint status, HealthChecks health, HttpCredentials credentials) {
        this.metrics = metrics;
        this.status = status;
        this.health = health;
        this.credentials = credentials;
    }

    void register(@Observes Router router) {
        router.get("/metrics").handler(ctx -> guarded(ctx, PrometheusText.CONTENT_TYPE, metrics::text));
        router.get("/status").handler(ctx -> guarded(ctx, JSON, status::json));
        router.get("/q/health/live").handler(ctx -> health(ctx, health.liveness()));
        router.get("/q/health/ready").handler(ctx -> health(ctx, health.readiness()));
        router.get("/q/health").handler(ctx -> {
            List<HealthChecks.Check> all = new ArrayList<>(health.liveness());
            all.addAll(health.readiness());
            health(ctx, all);
        });
    }

    private void guarded(RoutingContext ctx, String contentType, Supplier<String> body) {
        if (!credentials.accepts(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            ctx.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", credentials.scheme() + " realm=\"redis-memory-sidecar\"")
                    .end();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body.get());
    }

    private static void health(RoutingContext ctx, List<HealthChecks.Check> checks) {
        boolean up = checks.stream().allMatch(HealthChecks.Check::up);
        List<Object> rendered = new ArrayList<>();
        for (HealthChecks.Check check : checks) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", check.name());
            c.put("status", check.up() ? "UP" : "DOWN");
            c.put("data", check.data());
            rendered.add(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up ? "UP" : "DOWN");
        out.put("checks", rendered);
        ctx.response().setStatusCode(up ? 200 : 503).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(JsonText.write(out));
    }
}
