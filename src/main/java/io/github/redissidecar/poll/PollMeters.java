package io.github.redissidecar.poll;

import io.github.redissidecar.redis.FailureReason;

/** What the poller counts, for the sidecar's own metrics. */
public interface PollMeters {

    /** A poll took {@code nanos}, INFO round trip and parsing, whether it succeeded or not. */
    void polled(long nanos);

    void pollFailed(FailureReason reason);

    /** A poll showed a new server life. */
    void restarted();
}
