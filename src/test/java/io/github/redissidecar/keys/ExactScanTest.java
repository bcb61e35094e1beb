package io.github.redissidecar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.poll.RedisWorker;
import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.FakeRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact scan over an in-memory Redis: every key counted once, grouped, bounded, paced, cancellable. */
class ExactScanTest {

    private final FakeRedis redis = new FakeRedis(3600);
    private final RedisWorker worker = new RedisWorker();

    @AfterEach
    void stopWorker() {
        worker.stop();
    }

    @Test
    void everyKeyOfEveryDatabaseIsCountedInItsGroupWithTheBiggestNamesAndNoValue() throws Exception {
        for (int i = 0; i < 250; i++) {
            redis.key(0, "celery-task-meta-" + java.util.UUID.randomUUID(), 1_000 + i, false);
            redis.key(3, "vimbiso:1:" + String.format("%016x", i * 7919L), 100, true);
        }
        redis.key(3, "vimbiso:1:\u0007bell", 5_000, true);
        ExactScan scan = new ExactScan(KeyGroups.byPrefix(), Map.of(0, 250L, 3, 251L));
        int steps = 0;
        while (scan.step(redis)) {
            steps++;
        }
        assertEquals(ExactScan.State.DONE, scan.state());
        assertEquals(6, steps + 1, "100 keys a page: 3 pages in db0, 3 in db3, the last one ends it");
        ScanReport report = scan.report();
        assertEquals(501, report.keysScanned());
        assertEquals(1.0, report.progress());
        ScanReport.Group celery = report.groups().get(0);
        assertEquals("celery-task-meta-*", celery.group());
        assertEquals(250 * 1_000 + 249 * 250 / 2, celery.bytes(), "exact");
        assertEquals(250, celery.keys());
        assertEquals(0.0, celery.ttlShare());
        assertEquals(1_249, celery.biggest().get(0).bytes());
        ScanReport.Group cache = report.groups().get(1);
        assertEquals(List.of("vimbiso:1:\\x07bell"), cache.biggest().stream().limit(1).map(ScanReport.Biggest::key)
                .toList(), "control characters escaped");
        assertEquals(1.0, cache.ttlShare());
        assertTrue(report.text().contains("celery-task-meta-*"), report.text());
    }

    @Test
    void beyondAThousandGroupsTheSmallestAreSummedIntoOtherAndNoByteIsLost() throws Exception {
        long total = 0;
        for (int i = 0; i < 2_500; i++) {
            StringBuilder prefix = new StringBuilder();
            for (int n = i + 26 * 26 * 26; n > 0; n /= 26) {
                prefix.append((char) ('a' + n % 26));
            }
            redis.key(0, prefix + "q:" + i, 10 + i, false);
            total += 10 + i;
        }
        ExactScan scan = new ExactScan(KeyGroups.byPrefix(), Map.of(0, 2_500L));
        while (scan.step(redis)) {
            // page after page
        }
        ScanReport report = scan.report();
        assertEquals(total, report.totalBytes());
        assertTrue(report.groups().size() <= 2 * ExactScan.MAX_GROUPS + 1, "bounded: " + report.groups().size());
        assertTrue(report.groups().stream().anyMatch(g -> g.group().equals("other") && g.folded()));
    }

    @Test
    void aGroupFoldedIntoOtherStaysThereAndIsNeverShownWithPartOfItsKeys() throws Exception {
        // Every group has two keys, the second of each scanned after the folds: a group shown has both.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < 2_500; i++) {
                StringBuilder prefix = new StringBuilder();
                for (int n = i + 26 * 26 * 26; n > 0; n /= 26) {
                    prefix.append((char) ('a' + n % 26));
                }
                redis.key(0, prefix + "q:" + pass, 10 + i, false);
            }
        }
        ExactScan scan = new ExactScan(KeyGroups.byPrefix(), Map.of(0, 5_000L));
        while (scan.step(redis)) {
            // page after page
        }
        ScanReport report = scan.report();
        assertEquals(5_000, report.groups().stream().mapToLong(ScanReport.Group::keys).sum());
        List<ScanReport.Group> partial = report.groups().stream().filter(g -> !g.group().equals("other")
                && g.keys() != 2).toList();
        assertEquals(List.of(), partial, "a group counted again from zero after a fold");
    }

    @Test
    void oneAtATimeOnTheRedisThreadAndACancelStopsItBetweenPages() throws Exception {
        for (int i = 0; i < 3_000; i++) {
            redis.key(0, "k:" + i, 100, false);
        }
        ExactScanRunner runner = new ExactScanRunner(redis, worker, KeyGroups.byPrefix(), 0.5);
        assertEquals(java.util.Optional.empty(), runner.start(Map.of(0, 3_000L)));
        assertTrue(runner.start(Map.of(0, 3_000L)).orElseThrow().startsWith("a scan is running"));
        Eventually.within(Duration.ofSeconds(5), "a few pages", () -> redis.count("SCAN") >= 2);
        assertTrue(runner.cancel());
        long scans = redis.count("SCAN");
        assertEquals(ExactScan.State.CANCELLED, runner.current().orElseThrow().state());
        assertFalse(runner.cancel(), "nothing left to cancel");
        assertTrue(runner.current().orElseThrow().report().keysScanned() < 3_000);
        // No page after the cancel: a poll-like task queued behind any pending page finds the count unchanged.
        java.util.concurrent.CompletableFuture<Long> after = new java.util.concurrent.CompletableFuture<>();
        worker.execute(() -> after.complete(redis.count("SCAN")));
        assertTrue(after.get() - scans <= 1, "at most the page that was running");

        assertEquals(java.util.Optional.empty(), runner.start(Map.of(0, 3_000L)), "a new one may start");
        Eventually.within(Duration.ofSeconds(30), "done", () -> runner.current().orElseThrow().state()
                == ExactScan.State.DONE);
        assertEquals(3_000, runner.current().orElseThrow().report().keysScanned());
    }

    @Test
    void aKeyNameIsShownWithoutControlOrInvisibleCharactersAndCutWhenLong() {
        assertEquals("a\\x1b[31mred", ScanReport.shown("a\u001b[31mred"));
        assertEquals("user:\\u202eevil", ScanReport.shown("user:\u202eevil"), "a right-to-left override");
        assertEquals("é:ünïcode", ScanReport.shown("é:ünïcode"));
        assertEquals("k".repeat(ScanReport.NAME_CHARS) + "…", ScanReport.shown("k".repeat(500)));
        assertTrue(ScanReport.shown("\u0001".repeat(31)).endsWith("…"), "nothing dropped silently");
        assertEquals("k".repeat(ScanReport.NAME_CHARS), ScanReport.shown("k".repeat(ScanReport.NAME_CHARS)));
    }
}
