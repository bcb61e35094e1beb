package io.github.redissidecar.http;

import io.github.redissidecar.keys.ExactScan;
import io.github.redissidecar.keys.ExactScanRunner;
import io.github.redissidecar.keys.KeyspaceCounts;
import io.github.redissidecar.keys.ScanReport;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /keys/scan}: an exact scan of the whole keyspace on demand. POST starts one (one at a time), GET shows its
 * progress or result ({@code ?format=text} for a table), DELETE cancels it. It names keys (the biggest of each
 * group), so it answers only when the endpoints are protected (a bearer token or basic auth): otherwise 403.
 */
@Path("/keys/scan")
@RegisterForReflection(targets = {ScanReport.class, ScanReport.Group.class, ScanReport.Biggest.class})
public class KeyScanResource {

    private static final String UNPROTECTED = "The exact scan names keys, so it needs the endpoints protected: set "
            + "SIDECAR_HTTP_BEARER_TOKEN (or _FILE) or basic auth, or run `redis-memory-sidecar scan` against Redis";

    private final ExactScanRunner runner;
    private final FreshPoll fresh;
    private final HttpCredentials credentials;

    KeyScanResource(ExactScanRunner runner, FreshPoll fresh, HttpCredentials credentials) {
        this.runner = runner;
        this.fresh = fresh;
        this.credentials = credentials;
    }

    @POST
    public Uni<Response> start() {
        if (!credentials.required()) {
            return Uni.createFrom().item(refused(Response.Status.FORBIDDEN, UNPROTECTED));
        }
        return fresh.within(null).map(served -> served.poll().snapshot().map(info -> {
            Optional<String> refusal = runner.start(KeyspaceCounts.of(info));
            return refusal.map(r -> refused(Response.Status.CONFLICT, "Not started: " + r))
                    .orElseGet(() -> Response.accepted(runner.current().orElseThrow().report())
                            .type(MediaType.APPLICATION_JSON).build());
        }).orElseGet(() -> refused(Response.Status.SERVICE_UNAVAILABLE, "Redis cannot be polled now: see /status")));
    }

    @GET
    public Response show(@QueryParam("format") String format) {
        if (!credentials.required()) {
            return refused(Response.Status.FORBIDDEN, UNPROTECTED);
        }
        Optional<ExactScan> scan = runner.current();
        if (scan.isEmpty()) {
            return refused(Response.Status.NOT_FOUND, "No scan yet: POST /keys/scan starts one");
        }
        ScanReport report = scan.get().report();
        return "text".equals(format) ? Response.ok(report.text(), MediaType.TEXT_PLAIN).build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    public Response cancel() {
        if (!credentials.required()) {
            return refused(Response.Status.FORBIDDEN, UNPROTECTED);
        }
        return runner.cancel() ? Response.ok(runner.current().orElseThrow().report(), MediaType.APPLICATION_JSON)
                .build() : refused(Response.Status.CONFLICT, "No scan is running");
    }

    private static Response refused(Response.Status status, String why) {
        return Response.status(status).entity(Map.of("error", why)).type(MediaType.APPLICATION_JSON).build();
    }
}
