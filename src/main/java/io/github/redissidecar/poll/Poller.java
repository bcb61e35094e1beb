package io.github.redissidecar.poll;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.ConnectionState;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.settings.ServerLives;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls Redis when its state is asked for: by a scrape or /status ({@link #fresh}), by a new connection (a restarted
 * Redis shows at once), by a duty of the sidecar's own ({@link #pollSoon}), and at the floor interval when nobody
 * asks. A poll is one INFO on the Redis thread; requests that come while one is queued or running share it, and one
 * that finished within SIDECAR_POLL_MAX_AGE is reused, so Redis answers one INFO per scrape however many scrapers
 * come. Each poll tells which server life it shows (counting restarts, with or without desired settings); its
 * result goes to the holder and to whoever waited for it first, then to listeners (settings enforcement, key
 * sampling), on the Redis thread, before the next poll starts.
 */
public final class Poller {

    private static final System.Logger LOG = System.getLogger(Poller.class.getName());
    private static final List<String> SECTIONS = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "keyspace", "cluster");

    /**
     * @param sections the INFO sections a poll reads ({@link #sections})
     * @param floor the longest time between polls when nobody asks (SIDECAR_POLL_INTERVAL)
     * @param maxAge how recent a poll may be to serve a request without a new one (SIDECAR_POLL_MAX_AGE)
     * @param adoptAfter how much older than the sidecar a Redis may be and count as started with it
     */
    public record Settings(List<String> sections, Duration floor, Duration maxAge, Duration adoptAfter) {
    }

    private final RedisCommands redis;
    private final RedisWorker worker;
    private final SnapshotHolder holder;
    private final PollMeters meters;
    private final Settings settings;
    private final ServerLives lives;
    private final RedisWorker.Deadline floorPoll;
    private final List<Consumer<Polled>> listeners = new CopyOnWriteArrayList<>();
    private final long startedNanos = System.nanoTime();
    private CompletableFuture<PollResult> pending;
    private long clusterInfoRefused = -1;

    public Poller(RedisCommands redis, RedisWorker worker, SnapshotHolder holder, PollMeters meters,
            Settings settings) {
        this.redis = redis;
        this.worker = worker;
        this.holder = holder;
        this.meters = meters;
        this.settings = settings;
        this.lives = new ServerLives(settings.adoptAfter().toSeconds());
        this.floorPoll = worker.deadline(this::pollSoon);
    }

    /** Every section the redis_exporter-compatible families come from, and the two optional ones. */
    public static List<String> sections(boolean errorstats, boolean commandstats) {
        List<String> out = new ArrayList<>(SECTIONS);
        if (errorstats) {
            out.add("errorstats");
        }
        if (commandstats) {
            out.add("commandstats");
        }
        return List.copyOf(out);
    }

    /** Starts the floor timer. */
    public void start() {
        floorPoll.in(settings.floor());
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
                    && System.nanoTime() - last.finishedNanos() <= settings.maxAge().toNanos()) {
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
        floorPoll.in(settings.floor());
        if (polled != null) {
            listeners.forEach(l -> l.accept(polled));
        }
    }

    /** The poll, or null when it failed or the first connection attempt has not finished. */
    private Polled pollOnce() {
        ConnectionState connection = redis.connection();
        if (!connection.up() && !connection.attempted()) {
            return null; // Startup: nothing to report yet, and no failure to count.
        }
        long start = System.nanoTime();
        long now = System.currentTimeMillis();
        try {
            InfoSnapshot snapshot = InfoParser.parse(withClusterInfo(redis.info(settings.sections()),
                    connection.number()));
            long took = System.nanoTime() - start;
            meters.polled(took);
            ServerLives.Event event = observe(snapshot);
            holder.success(snapshot, connection.databases(), now);
            return new Polled(snapshot, event, connection.number(), connection.acceptedAtNanos(), took);
        } catch (RedisFailure failure) {
            meters.polled(System.nanoTime() - start);
            meters.pollFailed(failure.reason());
            holder.failure(failure);
            return null;
        }
    }

    /**
     * A Cluster node's state is not in INFO: CLUSTER INFO follows, on nodes with cluster_enabled:1 only, under a
     * section header of its own. Refused by an ACL, it is not asked again on that connection.
     */
    private String withClusterInfo(String info, long connection) throws RedisFailure {
        if (!info.contains("cluster_enabled:1") || clusterInfoRefused == connection) {
            return info;
        }
        try {
            return info + "\r\n# " + InfoParser.CLUSTER_INFO_SECTION + "\r\n" + redis.clusterInfo();
        } catch (RedisFailure failure) {
            if (failure.reason() != FailureReason.PERMISSION) {
                throw failure;
            }
            clusterInfoRefused = connection;
            LOG.log(System.Logger.Level.WARNING, () -> "CLUSTER INFO is refused (" + failure.getMessage()
                    + "): no redis_cluster_* series. Fix: grant +cluster|info to the sidecar's ACL user");
            return info;
        }
    }

    private ServerLives.Event observe(InfoSnapshot snapshot) {
        long uptime = (long) snapshot.number("uptime_in_seconds").orElse(0);
        String runId = snapshot.text("run_id").orElse("");
        ServerLives.Event event = lives.observe(runId, uptime,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos));
        if (event == ServerLives.Event.RESTART) {
            meters.restarted();
            LOG.log(System.Logger.Level.INFO, () -> String.format("Redis at %s restarted (new run_id %s, up %d s)",
                    redis.address(), runId, uptime));
        }
        return event;
    }
}
