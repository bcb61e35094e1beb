package io.github.redissidecar.keys;

import io.github.redissidecar.poll.RedisWorker;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one {@link ExactScan} at a time in the running sidecar, page after page on a timer of the Redis thread (so
 * polls and settings checks go between pages), paced by a {@link ScanPacer} to the share of Redis's time the
 * warm-up may take (SIDECAR_KEYS_WARM_UP_PERCENT). A Redis that loads makes it
 * wait; a new connection (Redis restarted: the cursor means nothing to the new server) or a refused command ends
 * it, with the reason.
 */
public final class ExactScanRunner {

    private static final System.Logger LOG = System.getLogger(ExactScanRunner.class.getName());

    private final RedisCommands redis;
    private final KeyGroups groups;
    private final double percent;
    private final RedisWorker.Deadline next;
    private volatile ExactScan current;
    private ScanPacer pacer;
    private long connection;

    /** @param percent the share of Redis's time a scan may take, in percent (above 0) */
    public ExactScanRunner(RedisCommands redis, RedisWorker worker, KeyGroups groups, double percent) {
        this.redis = redis;
        this.groups = groups;
        this.percent = Math.max(percent, 0.1);
        this.next = worker.deadline(this::step);
    }

    /** Starts a scan of {@code keysPerDb}'s databases; why not, when one is already running. */
    public synchronized Optional<String> start(Map<Integer, Long> keysPerDb) {
        if (current != null && current.state() == ExactScan.State.RUNNING) {
            return Optional.of("a scan is running (" + String.format(java.util.Locale.ROOT, "%.0f %%",
                    100 * current.report().progress()) + " done): wait for it, or cancel it first");
        }
        current = new ExactScan(groups, keysPerDb);
        pacer = new ScanPacer(redis, percent);
        connection = -1;
        LOG.log(Level.INFO, "Exact key scan started: " + keysPerDb.values().stream().mapToLong(Long::longValue).sum()
                + " keys in " + keysPerDb.size() + " database(s)");
        next.in(Duration.ZERO);
        return Optional.empty();
    }

    /** Stops the running scan between two pages; what it found so far stays readable. */
    public synchronized boolean cancel() {
        if (current == null || current.state() != ExactScan.State.RUNNING) {
            return false;
        }
        current.cancel();
        next.cancel();
        LOG.log(Level.INFO, "Exact key scan cancelled: " + current.report().keysScanned() + " keys scanned");
        return true;
    }

    public Optional<ExactScan> current() {
        return Optional.ofNullable(current);
    }

    private void step() {
        ExactScan scan;
        ScanPacer pace;
        synchronized (this) {
            scan = current;
            pace = pacer;
        }
        if (scan == null || scan.state() != ExactScan.State.RUNNING) {
            return;
        }
        long now = redis.connection().number();
        if (connection >= 0 && now != connection) {
            end(scan, "the connection to Redis was replaced during the scan (a restart?): start it again");
            return;
        }
        connection = now;
        long start = System.nanoTime();
        try {
            if (scan.step(redis)) {
                Duration wait = pace.after(System.nanoTime() - start);
                synchronized (this) {
                    if (current == scan) { // not replaced by a new scan meanwhile
                        next.in(wait);
                    }
                }
            } else if (scan.state() == ExactScan.State.DONE) {
                ScanReport report = scan.report();
                LOG.log(Level.INFO, String.format(java.util.Locale.ROOT, "Exact key scan done: %d keys, %d groups, "
                        + "%.1f s", report.keysScanned(), report.groups().size(), report.seconds()));
            }
        } catch (RedisFailure failure) {
            if (failure.reason() == FailureReason.LOADING) {
                next.in(Duration.ofSeconds(1));
                return;
            }
            end(scan, failure.reason().label() + ": " + failure.getMessage() + (failure.reason()
                    == FailureReason.PERMISSION ? " (the scan needs +scan besides what sampling needs)" : ""));
        } catch (RuntimeException unexpected) {
            // A reply of an unexpected shape: end the scan (a new one may start) rather than leave it running.
            end(scan, "unexpected reply: " + unexpected);
        }
    }

    private void end(ExactScan scan, String why) {
        scan.fail(why);
        LOG.log(Level.WARNING, "Exact key scan failed: " + why);
    }
}
