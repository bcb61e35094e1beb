package io.github.redissidecar.poll;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.metrics.PollStats;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisLink;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Polls on the configured interval and right after every (re)connection, and hands each snapshot to the holder
 * (for /metrics) and to listeners (settings enforcement). Polls never overlap and never queue: a tick that finds
 * a poll running is skipped. What a poll reads is {@link InfoReader}'s business.
 */
@ApplicationScoped
public class Poller {

    private final RedisLink link;
    private final SnapshotHolder holder;
    private final Vertx vertx;
    private final InfoReader reader;
    private final ReentrantLock running = new ReentrantLock();
    private final PollStats stats = new PollStats(Arrays.stream(FailureReason.values()).map(FailureReason::label)
            .toList());
    private final List<Consumer<InfoSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final long connectWaitMillis;
    private final Duration interval;

    Poller(RedisLink link, SnapshotHolder holder, Vertx vertx, SidecarConfig config) {
        this.link = link;
        this.holder = holder;
        this.vertx = vertx;
        this.reader = new InfoReader(link, config.poll());
        this.connectWaitMillis = config.redis().commandTimeout().multipliedBy(2).toMillis();
        this.interval = config.poll().interval();
        if (interval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("SIDECAR_POLL_INTERVAL (sidecar.poll.interval) is " + interval
                    + "; use 100ms or more (INFO every 100 ms already costs Redis ten times the default).");
        }
    }

    void start(@Observes StartupEvent event) {
        PeriodicTask.start(vertx, interval, interval, this::pollNow);
        link.onConnect(() -> {
            reader.connected();
            vertx.executeBlocking(() -> {
                pollAfterConnect();
                return null;
            }, false);
        });
    }

    /** The poll meters, for /metrics. */
    public PollStats stats() {
        return stats;
    }

    /** Runs {@code listener} on the polling thread after every successful poll, before the next one starts. */
    public void onSnapshot(Consumer<InfoSnapshot> listener) {
        listeners.add(listener);
    }

    /** Polls unless a poll is already running. */
    public void pollNow() {
        if (running.tryLock()) {
            pollLocked();
        }
    }

    // A new connection must be polled even if a tick's poll (of the old, dead connection) is still finishing:
    // restart detection and settings re-assertion start from this poll.
    private void pollAfterConnect() throws InterruptedException {
        if (running.tryLock(connectWaitMillis, TimeUnit.MILLISECONDS)) {
            pollLocked();
        }
    }

    private void pollLocked() {
        try {
            InfoSnapshot snapshot = pollOnce();
            if (snapshot != null) {
                listeners.forEach(l -> l.accept(snapshot));
            }
        } finally {
            running.unlock();
        }
    }

    /** The snapshot read, or null when the poll failed or was not due. */
    private InfoSnapshot pollOnce() {
        if (!link.connected() && !link.attempted()) {
            return null; // Startup: the first connection attempt has not finished, so there is nothing to report.
        }
        long start = System.nanoTime();
        try {
            InfoSnapshot snapshot = reader.read();
            stats.polled(System.nanoTime() - start);
            holder.success(snapshot, link.databases(), TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis()));
            return snapshot;
        } catch (RedisFailure failure) {
            stats.polled(System.nanoTime() - start);
            stats.failed(failure.reason().label());
            holder.failure(failure);
            return null;
        }
    }
}
