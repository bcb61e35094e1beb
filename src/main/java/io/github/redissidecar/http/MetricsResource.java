package io.github.redissidecar.http;

import io.github.redissidecar.metrics.PrometheusText;
import io.github.redissidecar.poll.Poller;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Prometheus scrape endpoint on redis_exporter's path: the last poll and the sidecar's meters. Each scrape is
 * also how the poller learns when to poll: just before the next one expected from the same scraper.
 */
@Path("/metrics")
public class MetricsResource {

    private final Exposition exposition;
    private final Poller poller;

    MetricsResource(Exposition exposition, Poller poller) {
        this.exposition = exposition;
        this.poller = poller;
    }

    // The content type spelled as the 0.0.4 format defines it; @Produces would reorder its parameters.
    @GET
    public Response metrics(@Context HttpServerRequest request) {
        poller.scraped(request.remoteAddress().hostAddress() + " " + request.getHeader(HttpHeaders.USER_AGENT));
        return Response.ok(exposition.page()).header(HttpHeaders.CONTENT_TYPE, PrometheusText.CONTENT_TYPE).build();
    }
}
