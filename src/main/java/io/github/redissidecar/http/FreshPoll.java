package io.github.redissidecar.http;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.poll.Poller;
import io.github.redissidecar.poll.SnapshotHolder;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * What a request is served: the poll it asked for (reused, joined or new, see {@link Poller#fresh}) if it comes
 * back within the wait, else the last poll. The wait is SIDECAR_POLL_SCRAPE_WAIT, and never more than half the
 * scrape timeout Prometheus announces, so that a frozen Redis costs a scrape its wait and never its timeout.
 * Delivered on a worker thread, where the page is rendered: neither the event loop nor the Redis thread does it.
 */
@ApplicationScoped
public class FreshPoll {

    /** The header in which Prometheus sends its scrape timeout, in seconds. */
    public static final String SCRAPE_TIMEOUT = "X-Prometheus-Scrape-Timeout-Seconds";

    private final Poller poller;
    private final SnapshotHolder holder;
    private final Duration wait;

    FreshPoll(Poller poller, SnapshotHolder holder, SidecarConfig config) {
        this.poller = poller;
        this.holder = holder;
        this.wait = config.poll().scrapeWait();
    }

    /** The poll to serve, and whether the wait ran out so that it is the last one instead of the one asked for. */
    public record Served(PollResult poll, boolean late) {
    }

    public Uni<Served> within(String scrapeTimeoutSeconds) {
        return Uni.createFrom().completionStage(poller::fresh).map(poll -> new Served(poll, false))
                .ifNoItem().after(waitFor(scrapeTimeoutSeconds)).recoverWithItem(() -> new Served(holder.current(),
                        true))
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }

    Duration waitFor(String scrapeTimeoutSeconds) {
        if (scrapeTimeoutSeconds == null || scrapeTimeoutSeconds.length() > 20) {
            return wait;
        }
        try {
            double seconds = Double.parseDouble(scrapeTimeoutSeconds.strip());
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                return wait;
            }
            Duration half = Duration.ofNanos((long) (seconds * 5e8));
            return half.compareTo(wait) < 0 ? half : wait;
        } catch (NumberFormatException e) {
            return wait;
        }
    }
}
