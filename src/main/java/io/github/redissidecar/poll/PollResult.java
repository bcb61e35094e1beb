package io.github.redissidecar.poll;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.RedisFailure;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of the last poll. Immutable: a poll replaces it whole, so that everything served for one scrape or
 * one /status request comes from the same poll.
 *
 * @param snapshot the INFO read, empty when the poll failed
 * @param failure why the poll failed, empty when it succeeded
 * @param lastSuccessEpochMillis the last time any poll succeeded
 * @param polledAtEpochMillis when {@code snapshot} was asked for (INFO sent); 0 when the poll failed
 * @param databases the server's {@code databases} setting, 0 when unknown
 * @param finishedNanos {@link System#nanoTime()} when the poll ended, 0 before any: how fresh it is
 */
public record PollResult(Optional<InfoSnapshot> snapshot, Optional<RedisFailure> failure,
        OptionalLong lastSuccessEpochMillis, long polledAtEpochMillis, int databases, long finishedNanos) {

    public boolean up() {
        return snapshot.isPresent();
    }
}
