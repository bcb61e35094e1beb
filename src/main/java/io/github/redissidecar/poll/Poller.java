package io.github.redissidecar.poll;

import io.github.redissidecar.InvalidConfiguration;
import io.github.redissidecar.StartupReport;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.metrics.SidecarMeters;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisPort;
import io.github.redissidecar.settings.ServerLives;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Polls when {@link ScrapeCadence} says so (shortly before each expected scrape, at least every
 * SIDECAR_POLL_INTERVAL) and right after every (re)connection, tells which server life each poll shows (counting
 * restarts, with or without desired settings), and hands each snapshot to the holder (for /metrics) and to
 * listeners (settings enforcement). Polls never overlap and never queue: a tick that finds a poll running is
 * skipped. Restart detection does not wait for the tick: a lost connection is rebuilt at once and polled on
 * connect. What a poll reads is {@link InfoReader}'s business.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    // The tick checks every second (the scheduler's minimum); a poll is due this long before an expected scrape,
    // so that every window holds a tick and the poll is done before the scrape.
    private static final long LEAD_MILLIS = 1_200;

    private final RedisPort redis;
    private final SnapshotHolder holder;
    private final SidecarMeters meters;
    private final InfoReader reader;
    private final ServerLives lives;
    private final ScrapeCadence cadence;
    private final ReentrantLock running = new ReentrantLock();
    private final List<Consumer<Polled>> listeners = new CopyOnWriteArrayList<>();
    private final long connectWaitMillis;
    private final long startedNanos = System.nanoTime();
    private volatile boolean repoll;

    Poller(RedisPort redis, SnapshotHolder holder, SidecarMeters meters, SidecarConfig config) {
        this.redis = redis;
        this.holder = holder;
        this.meters = meters;
        this.reader = new InfoReader(redis, config.poll());
        this.lives = new ServerLives(config.adoptAfter().toSeconds());
        this.connectWaitMillis = config.redis().commandTimeout().multipliedBy(2).toMillis();
        Duration interval = config.poll().interval();
        this.cadence = new ScrapeCadence(interval.toMillis(), LEAD_MILLIS);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new InvalidConfiguration("SIDECAR_POLL_INTERVAL (sidecar.poll.interval) is " + interval.toMillis()
                    + "ms; use 1s or more (a restarted Redis is polled on reconnection, within 250 ms, whatever "
                    + "the interval)");
        }
    }

    void start(@Observes @Priority(StartupReport.CHECKS) StartupEvent event) {
        redis.onConnect(this::pollAfterConnect);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (cadence.due(millis())) {
            pollNow();
        }
    }

    /** A scrape of /metrics arrived from {@code scraper} (address and user agent): polls follow scrapes. */
    public void scraped(String scraper) {
        cadence.scraped(scraper, millis());
    }

    /** The shortest scrape interval learnt, 0 before any; for /status. */
    public long scrapeIntervalMillis() {
        return cadence.shortestInterval();
    }

    private static long millis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
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
    private void pollAfterConnect() {
        try {
            if (running.tryLock(connectWaitMillis, TimeUnit.MILLISECONDS)) {
                pollLocked();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        if (!redis.connected() && !redis.attempted()) {
            return null; // Startup: the first connection attempt has not finished, so there is nothing to report.
        }
        long connection = redis.connection();
        long connectedAt = redis.connectedAtNanos();
        long start = System.nanoTime();
        cadence.polled(millis());
        try {
            long now = System.currentTimeMillis();
            InfoSnapshot snapshot = reader.read(now);
            long took = System.nanoTime() - start;
            meters.polled(took);
            ServerLives.Event event = observe(snapshot);
            holder.success(snapshot, redis.databases(), now, reader.commandsReadAtMillis());
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
