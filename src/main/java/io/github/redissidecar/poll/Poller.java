package io.github.redissidecar.poll;

import io.github.redissidecar.InvalidConfiguration;
import io.github.redissidecar.StartupReport;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.metrics.SidecarMeters;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisPort;
import io.github.redissidecar.redis.RedisWorker;
import io.github.redissidecar.settings.ServerLives;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Polls Redis when its state is asked for: by a scrape or /status ({@link #fresh}), by a new connection (a restarted
 * Redis shows at once), by a duty of the sidecar's own ({@link #pollSoon}), and at the floor interval when nobody
 * asks. A poll is one INFO on the Redis thread; requests that come while one is queued or running share it, and one
 * that finished within SIDECAR_POLL_MAX_AGE is reused, so Redis answers one INFO per scrape however many scrapers
 * come. Each poll tells which server life it shows (counting restarts, with or without desired settings); its
 * result goes to the holder and to whoever waited for it first, then to listeners (settings enforcement, key
 * sampling), on the Redis thread, before the next poll starts.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);
    private static final List<String> SECTIONS = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "keyspace", "cluster");

    private final RedisPort redis;
    private final RedisWorker worker;
    private final SnapshotHolder holder;
    private final SidecarMeters meters;
    private final List<String> sections;
    private final ServerLives lives;
    private final Duration floor;
    private final long maxAgeNanos;
    private final RedisWorker.Deadline floorPoll;
    private final List<Consumer<Polled>> listeners = new CopyOnWriteArrayList<>();
    private final long startedNanos = System.nanoTime();
    private CompletableFuture<PollResult> pending;

    Poller(RedisPort redis, RedisWorker worker, SnapshotHolder holder, SidecarMeters meters, SidecarConfig config) {
        this.redis = redis;
        this.worker = worker;
        this.holder = holder;
        this.meters = meters;
        this.sections = sections(config.poll());
        this.lives = new ServerLives(config.adoptAfter().toSeconds());
        this.floor = config.poll().interval();
        Duration maxAge = config.poll().maxAge();
        if (floor.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidConfiguration("SIDECAR_POLL_INTERVAL (sidecar.poll.interval) is " + floor.toMillis()
                    + "ms; use 1s or more (scrapes and a restarted Redis are polled when they come, whatever the "
                    + "interval)");
        }
        if (maxAge.isNegative() || maxAge.compareTo(floor) > 0) {
            throw new InvalidConfiguration("SIDECAR_POLL_MAX_AGE (sidecar.poll.max-age) is " + maxAge.toMillis()
                    + "ms; use 0 to SIDECAR_POLL_INTERVAL (" + floor.toSeconds() + "s), e.g. the default 250ms");
        }
        Duration wait = config.poll().scrapeWait();
        if (wait.compareTo(Duration.ofMillis(1)) < 0 || wait.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new InvalidConfiguration("SIDECAR_POLL_SCRAPE_WAIT (sidecar.poll.scrape-wait) is " + wait.toMillis()
                    + "ms; use 1ms to 10s, e.g. the default 150ms (past it a scrape gets the previous poll)");
        }
        this.maxAgeNanos = maxAge.toNanos();
        this.floorPoll = worker.deadline(this::pollSoon);
    }

    private static List<String> sections(SidecarConfig.Poll config) {
        List<String> out = new ArrayList<>(SECTIONS);
        if (config.errorstats()) {
            out.add("errorstats");
        }
        if (config.commandstats()) {
            out.add("commandstats");
        }
        return List.copyOf(out);
    }

    void start(@Observes @Priority(StartupReport.CHECKS) StartupEvent event) {
        redis.onConnect(this::pollSoon);
        floorPoll.in(floor);
    }

    /**
     * The poll in flight or queued if there is one (a settings check that changed Redis asks for one before it
     * does); else the last poll if it finished within SIDECAR_POLL_MAX_AGE; else a new one. The future is the
     * caller's own: cancelling it, e.g. past a deadline, leaves the poll to the others.
     */
    public CompletableFuture<PollResult> fresh() {
        synchronized (this) {
            PollResult last = holder.current();
            if (pending == null && last.finishedNanos() != 0
                    && System.nanoTime() - last.finishedNanos() <= maxAgeNanos) {
                return CompletableFuture.completedFuture(last);
            }
        }
        return pollSoon().copy();
    }

    /** Asks for a poll: the one queued or running if there is one (it has not read INFO yet, or is reading it). */
    public synchronized CompletableFuture<PollResult> pollSoon() {
        if (pending == null) {
            pending = new CompletableFuture<>();
            worker.execute(this::poll);
        }
        return pending;
    }

    /** Runs {@code listener} on the Redis thread after every successful poll, before the next one starts. */
    public void onPoll(Consumer<Polled> listener) {
        listeners.add(listener);
    }

    private void poll() {
        Polled polled = pollOnce();
        CompletableFuture<PollResult> waiting;
        synchronized (this) {
            waiting = pending;
            pending = null;
        }
        // Scrapes first: what the listeners do next (a settings check, sampling) is not theirs to wait for.
        if (waiting != null) {
            waiting.complete(holder.current());
        }
        floorPoll.in(floor);
        if (polled != null) {
            listeners.forEach(l -> l.accept(polled));
        }
    }

    /** The poll, or null when it failed or the first connection attempt has not finished. */
    private Polled pollOnce() {
        if (!redis.connected() && !redis.attempted()) {
            return null; // Startup: nothing to report yet, and no failure to count.
        }
        long connection = redis.connection();
        long connectedAt = redis.connectedAtNanos();
        long start = System.nanoTime();
        long now = System.currentTimeMillis();
        try {
            InfoSnapshot snapshot = InfoParser.parse(redis.info(sections));
            long took = System.nanoTime() - start;
            meters.polled(took);
            ServerLives.Event event = observe(snapshot);
            holder.success(snapshot, redis.databases(), now);
            return new Polled(snapshot, event, connection, connectedAt, took);
        } catch (RedisFailure failure) {
            meters.polled(System.nanoTime() - start);
            meters.pollFailed(failure.reason());
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
            meters.restarted();
            LOG.infof("Redis at %s restarted (new run_id %s, up %d s)", redis.address(), runId, uptime);
        }
        return event;
    }
}
