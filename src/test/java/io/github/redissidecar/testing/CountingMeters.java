package io.github.redissidecar.testing;

import io.github.redissidecar.enforce.EnforcementMeters;
import io.github.redissidecar.poll.PollMeters;
import io.github.redissidecar.redis.FailureReason;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The core's meters, counted in memory for unit tests. */
public final class CountingMeters implements PollMeters, EnforcementMeters {

    public final AtomicInteger polls = new AtomicInteger();
    public final AtomicInteger restarts = new AtomicInteger();
    public final List<FailureReason> failures = new CopyOnWriteArrayList<>();
    public final List<String> reasserts = new CopyOnWriteArrayList<>();
    public final List<String> reassertFailures = new CopyOnWriteArrayList<>();

    @Override
    public void polled(long nanos) {
        polls.incrementAndGet();
    }

    @Override
    public void pollFailed(FailureReason reason) {
        failures.add(reason);
    }

    @Override
    public void restarted() {
        restarts.incrementAndGet();
    }

    @Override
    public void reasserted(String parameter, String trigger) {
        reasserts.add(parameter + " " + trigger);
    }

    @Override
    public void reassertFailed(String parameter, String reason) {
        reassertFailures.add(parameter + " " + reason);
    }
}
