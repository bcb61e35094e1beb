package io.github.redissidecar.poll;

import io.github.redissidecar.InvalidConfiguration;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.metrics.PollStats;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisLink;
import io.github.redissidecar.settings.ServerLives;
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
import org.jboss.logging.Logger;

/**
 * Polls on the configured interval and right after every (re)connection, tells which server life each poll shows
 * (counting restarts, with or without desired settings), and hands each snapshot to the holder (for /metrics) and
 * to listeners (settings enforcement). Polls never overlap and never queue: a tick that finds a poll running is
 * skipped. What a poll reads is {@link InfoReader}'s business.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    private final RedisLink link;
    private final SnapshotHolder holder;
    private final Vertx vertx;
    private final InfoReader reader;
    private final ServerLives lives;
    private final ReentrantLock running = new ReentrantLock();
    private final PollStats stats = new PollStats(Arrays.stream(FailureReason.values()).map(FailureReason::label)
            .toList());
    private final List<Consumer<Polled>> listeners = new CopyOnWriteArrayList<>();
    private final long connectWaitMillis;
    private final Duration interval;
    private final long startedNanos = System.nanoTime();
    private volatile boolean repoll;

    Poller(RedisLink link, SnapshotHolder holder, Vertx vertx, SidecarConfig config) {
        this.link = link;
        this.holder = holder;
        this.vertx = vertx;
        this.reader = new InfoReader(link, config.poll());
        this.lives = new ServerLives(config.adoptAfter().toSeconds());
        this.connectWaitMillis = config.redis().commandTimeout().multipliedBy(2).toMillis();
        this.interval = config.poll().interval();
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new InvalidConfiguration("SIDECAR_POLL_INTERVAL (sidecar.poll.interval) is " + interval.toMillis()
                    + "ms; use 100ms or more (INFO every 100 ms already costs Redis ten times the default 1s)");
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
    public void onPoll(Consumer<Polled> listener) {
        listeners.add(listener);
    }

    /**
     * Asks for a poll as soon as possible, from something that changed what INFO reports: right after the current
     * poll when called from a listener or while another poll runs, at once otherwise.
     */
    public void requestPoll() {
        repoll = true;
        if (!running.isHeldByCurrentThread()) {
            pollNow();
        }
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
            do {
                repoll = false;
                Polled polled = pollOnce();
                if (polled != null) {
                    listeners.forEach(l -> l.accept(polled));
                }
            } while (repoll);
        } finally {
            running.unlock();
        }
    }

    /** The poll, or null when it failed or was not due. */
    private Polled pollOnce() {
        if (!link.connected() && !link.attempted()) {
            return null; // Startup: the first connection attempt has not finished, so there is nothing to report.
        }
        long connection = link.generation();
        long connectedAt = link.connectedAtNanos();
        long start = System.nanoTime();
        try {
            InfoSnapshot snapshot = reader.read();
            stats.polled(System.nanoTime() - start);
            stats.succeeded();
            ServerLives.Event event = observe(snapshot);
            holder.success(snapshot, link.databases(), TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis()));
            return new Polled(snapshot, event, connection, connectedAt);
        } catch (RedisFailure failure) {
            stats.polled(System.nanoTime() - start);
            stats.failed(failure.reason().label());
            holder.failure(failure);
            return null;
        }
    }

    private ServerLives.Event observe(InfoSnapshot snapshot) {
        long uptime = (long) snapshot.number("uptime_in_seconds").orElse(0);
        String runId = snapshot.text("run_id").orElse("");
        ServerLives.Event event = lives.observe(runId, uptime,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos));
        if (event == ServerLives.Event.RESTART) {
            stats.restarted();
            LOG.infof("Redis at %s restarted (new run_id %s, up %d s)", link.address(), runId, uptime);
        }
        return event;
    }
}
