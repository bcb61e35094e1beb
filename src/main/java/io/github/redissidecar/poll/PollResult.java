package io.github.redissidecar.poll;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.RedisFailure;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of the last poll with its /metrics text already rendered, so that a scrape is a read of one field.
 *
 * @param snapshot the INFO read, empty when the poll failed
 * @param failure why the poll failed, empty when it succeeded
 * @param lastSuccessEpochSeconds the last time any poll succeeded
 * @param page the {@code redis_*} exposition text for this outcome
 */
public record PollResult(Optional<InfoSnapshot> snapshot, Optional<RedisFailure> failure,
        OptionalLong lastSuccessEpochSeconds, String page) {

    public boolean up() {
        return snapshot.isPresent();
    }
}
