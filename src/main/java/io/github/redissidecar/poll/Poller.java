package io.github.redissidecar.poll;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisLink;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import io.github.redissidecar.metrics.PollStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads INFO on the configured interval and right after every (re)connection. Polls never overlap and never
 * queue: a tick that finds a poll running is skipped.
 */
@ApplicationScoped
public class Poller {

    private static final List<String> BASE_SECTIONS = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "keyspace", "cluster");

    private final RedisLink link;
    private final SnapshotHolder holder;
    private final Vertx vertx;
    private final List<String> slowSections;
    private final int slowEvery;
    private volatile InfoSnapshot lastSlow;
    private int pollsSinceSlow;
    private final ReentrantLock running = new ReentrantLock();
    private final PollStats stats = new PollStats(Arrays.stream(FailureReason.values()).map(FailureReason::label)
            .toList());
    private final List<Consumer<InfoSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final long connectWaitMillis;
    private final Duration interval;
    // Redis < 7 rejects INFO with several sections; we learn that once per connection and fall back.
    private volatile boolean multiSection = true;

    Poller(RedisLink link, SnapshotHolder holder, Vertx vertx, SidecarConfig config) {
        this.link = link;
        this.holder = holder;
        this.vertx = vertx;
        this.slowSections = slowSections(config.poll());
        this.slowEvery = Math.max(1, config.poll().commandstatsEvery());
        this.connectWaitMillis = config.redis().commandTimeout().multipliedBy(2).toMillis();
        this.interval = config.poll().interval();
        if (interval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("SIDECAR_POLL_INTERVAL (sidecar.poll.interval) is " + interval
                    + "; use 100ms or more (INFO every 100 ms already costs Redis ten times the default).");
        }
    }

    static List<String> slowSections(SidecarConfig.Poll poll) {
        List<String> out = new ArrayList<>();
        if (poll.commandstats()) {
            out.add("commandstats");
        }
        if (poll.errorstats()) {
            out.add("errorstats");
        }
        return List.copyOf(out);
    }

    void start(@Observes StartupEvent event) {
        PeriodicTask.start(vertx, interval, interval, this::pollNow);
        link.onConnect(() -> {
            multiSection = true;
            lastSlow = null; // a new connection may be a new server: read everything at once
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
            InfoSnapshot snapshot = read();
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

    // commandstats and errorstats cost Redis as much as all other sections together and are read by Prometheus
    // at scrape cadence, not poll cadence: they are re-read every `commandstats-every` polls (and on every new
    // connection), and the last reading is carried into the polls in between.
    private InfoSnapshot read() throws RedisFailure {
        boolean full = slowSections.isEmpty() || lastSlow == null || ++pollsSinceSlow >= slowEvery;
        InfoSnapshot snapshot = full ? readSections(true) : readSections(false).with(lastSlow);
        if (full && !slowSections.isEmpty()) {
            lastSlow = snapshot.only(Set.copyOf(slowSections));
            pollsSinceSlow = 0;
        }
        return snapshot;
    }

    private InfoSnapshot readSections(boolean withSlow) throws RedisFailure {
        List<String> wanted = new ArrayList<>(BASE_SECTIONS);
        if (withSlow) {
            wanted.addAll(slowSections);
        }
        if (multiSection) {
            try {
                return info(wanted.toArray());
            } catch (RedisFailure failure) {
                if (!isSyntaxError(failure)) {
                    throw failure;
                }
                multiSection = false;
            }
        }
        InfoSnapshot all = info();
        return withSlow && slowSections.contains("commandstats") ? all.with(info("commandstats")) : all;
    }

    private InfoSnapshot info(Object... args) throws RedisFailure {
        return InfoParser.parse(link.send(Request.cmd(Command.INFO, args)).toString());
    }

    private static boolean isSyntaxError(RedisFailure failure) {
        return failure.reason() == FailureReason.PROTOCOL && failure.getMessage().contains("syntax error");
    }
}
