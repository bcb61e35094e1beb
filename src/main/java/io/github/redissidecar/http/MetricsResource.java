package io.github.redissidecar.http;

import io.github.redissidecar.metrics.PrometheusText;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Prometheus scrape endpoint on redis_exporter's path: the last poll and the sidecar's meters. */
@Path("/metrics")
public class MetricsResource {

    private final Exposition exposition;

    MetricsResource(Exposition exposition) {
        this.exposition = exposition;
    }

    // The content type spelled as the 0.0.4 format defines it; @Produces would reorder its parameters.
    @GET
    public Response metrics() {
        return Response.ok(exposition.text()).header(HttpHeaders.CONTENT_TYPE, PrometheusText.CONTENT_TYPE).build();
    }
}
