package io.github.redissidecar.http;

import io.github.redissidecar.meters.SidecarMeters;
import io.github.redissidecar.metrics.PrometheusText;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Prometheus scrape endpoint on redis_exporter's path. Like redis_exporter, it reads Redis when Prometheus scrapes:
 * one INFO per scrape (shared by scrapes that come together), the page rendered from it, no sample timestamps.
 */
@Path("/metrics")
public class MetricsResource {

    private final Exposition exposition;
    private final FreshPoll fresh;
    private final SidecarMeters meters;

    MetricsResource(Exposition exposition, FreshPoll fresh, SidecarMeters meters) {
        this.exposition = exposition;
        this.fresh = fresh;
        this.meters = meters;
    }

    // The content type spelled as the 0.0.4 format defines it; @Produces would reorder its parameters.
    @GET
    public Uni<Response> metrics(@HeaderParam(FreshPoll.SCRAPE_TIMEOUT) String scrapeTimeout) {
        return fresh.within(scrapeTimeout).map(served -> {
            if (served.late()) {
                meters.scrapeStale();
            }
            return Response.ok(exposition.page(served.poll(), !served.late()))
                    .header(HttpHeaders.CONTENT_TYPE, PrometheusText.CONTENT_TYPE).build();
        });
    }
}
