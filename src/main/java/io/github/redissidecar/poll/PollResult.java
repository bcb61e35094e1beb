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
 * @param polledAtEpochMillis when {@code snapshot} was read
 * @param databases the server's {@code databases} setting, 0 when unknown
 * @param commandsReadAtEpochMillis when the commandstats in {@code snapshot} were read: this poll, or an earlier
 *     one on the same connection (see {@code SIDECAR_POLL_COMMANDSTATS_EVERY})
 */
public record PollResult(Optional<InfoSnapshot> snapshot, Optional<RedisFailure> failure,
        OptionalLong lastSuccessEpochMillis, long polledAtEpochMillis, int databases, long commandsReadAtEpochMillis) {

    public boolean up() {
        return snapshot.isPresent();
    }
}
