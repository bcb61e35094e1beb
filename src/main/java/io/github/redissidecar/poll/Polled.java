package io.github.redissidecar.poll;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.settings.ServerLives;

/**
 * One successful poll, as listeners receive it.
 *
 * @param event which server life it showed: the first seen, the same, or a new one (a restart)
 * @param connection the number of the connection it came over
 * @param connectedAtNanos {@link System#nanoTime()} when Redis accepted that connection
 * @param tookNanos how long the INFO took to come back: what Redis's latency is right now, as the sidecar sees it
 */
public record Polled(InfoSnapshot snapshot, ServerLives.Event event, long connection, long connectedAtNanos,
        long tookNanos) {
}
