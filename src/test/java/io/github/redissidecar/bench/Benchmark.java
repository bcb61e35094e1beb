package io.github.redissidecar.bench;

import io.github.redissidecar.testing.BackgroundProcess;
import io.github.redissidecar.testing.DockerfileJvm;
import io.github.redissidecar.testing.KeyGroupDataset;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.PrometheusServer;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RespClient;
import io.github.redissidecar.testing.SidecarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * redis-memory-sidecar against Debian's prometheus-redis-exporter, side by side in one run on one redis-server:
 * Redis's cost per poll or scrape (both at one per second), and per minute at the sidecar's defaults with a real
 * Prometheus scraping each every 15, 30 and 60 s; the age of the data served; irate() of busy counters at 1 s and
 * 15 s scrapes; /metrics under wrk, the sidecar's memory and CPU, start-up, settings restored after restarts, and
 * poll cost against keyspace size; the key-group estimator's accuracy against samples and what an exact
 * {@code redis-cli --memkeys} costs, on issue 15's data. Writes docs/benchmarks.md and a PNG chart.
 *
 * <p>Run: {@code bench/run.sh} (full, about 70 minutes) or {@code bench/run.sh --quick} (about 8 minutes, for CI).
 */
public final class Benchmark {

    private final boolean quick;
    // --per-minute-only: the per-minute and irate rows alone, in target/bench/BENCHMARKS-per-minute.md (about 40
    // minutes; -Dbench.intervals=15 in BENCH_JAVA_OPTS for one interval), to try a change to the polling cadence.
    private final boolean perMinuteOnly;
    // --keys-only: the key-group rows alone (accuracy against samples, redis-cli --memkeys), a few minutes.
    private final boolean keysOnly;
    private final Path out;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Benchmark(boolean quick, boolean perMinuteOnly, boolean keysOnly, Path out) {
        this.quick = quick;
        this.perMinuteOnly = perMinuteOnly;
        this.keysOnly = keysOnly;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of(List.of(args).contains("--out") ? args[List.of(args).indexOf("--out") + 1] : "docs");
        new Benchmark(quick, List.of(args).contains("--per-minute-only"), List.of(args).contains("--keys-only"), out)
                .run();
    }

    private int polls() {
        return quick ? 10 : 200;
    }

    private void run() throws Exception {
        if (keysOnly) {
            results.put("keyGroups", keyGroups());
            new Report(results, quick).writeKeys(Path.of("target/bench"));
            System.out.println(Files.readString(Path.of("target/bench/BENCHMARKS-keys.md")));
            return;
        }
        Path dir = Files.createTempDirectory("bench");
        try (RedisServer redis = new RedisServer("--enable-debug-command", "yes").start()) {
            stats = redis.client();
            populate(redis, 10_000);
            try (BackgroundProcess exporter = startExporter(redis, dir)) {
                if (perMinuteOnly) {
                    sideBySide(redis, exporter);
                    new Report(results, quick).writePerMinute(Path.of("target/bench"));
                    System.out.println(Files.readString(Path.of("target/bench/BENCHMARKS-per-minute.md")));
                    return;
                }
                String exporterUrl = "http://127.0.0.1:" + exporterPort + "/metrics";
                log("exporter: %d scrapes at 1/s", polls());
                results.put("exporter", perScrape(redis, exporterUrl));
                // One poll per second, like the exporter scraped once per second: the per-poll rows.
                SidecarProcess sidecar = startSidecar(redis, Map.of("SIDECAR_POLL_INTERVAL", "1s"));
                try (sidecar) {
                    log("sidecar: %d polls at 1/s", polls());
                    results.put("sidecar", perPoll(redis, sidecar));
                    results.put("keyspace", keyspace(redis, sidecar));
                    populate(redis, 10_000);
                    results.put("wrk", wrk(sidecar, exporterUrl));
                    results.put("steady", steady(sidecar, exporter));
                    results.put("restore", restarts(redis));
                }
                stats.close();
                stats = redis.client(); // the restarts closed the one opened before them
                populate(redis, 10_000);
                sideBySide(redis, exporter);
            } finally {
                stats.close();
            }
        }
        results.put("keyGroups", keyGroups());
        new Report(results, quick).write(out);
        System.out.println(Files.readString(out.resolve(quick ? "BENCHMARKS-quick.md" : "benchmarks.md")));
    }

    // The per-minute rows and irate(): the exporter on its Redis, the sidecar at its defaults on a twin with the same
    // data, both scraped by one Prometheus in the same minutes, so that the machine's moods fall on both sides; then
    // the sidecar alone under an HA pair of Prometheus servers, and with nobody scraping.
    private void sideBySide(RedisServer redis, BackgroundProcess exporter) throws Exception {
        log("Redis CPU per new connection");
        results.put("connection", Map.of("usecPerConnection", ConnectionCost.usecPerConnection(stats, redis.port(),
                quick ? 300 : 2_000, quick ? 3 : 5)));
        try (RedisServer twin = new RedisServer("--enable-debug-command", "yes").start();
                RespClient twinStats = twin.client()) {
            populate(twin, 10_000);
            try (SidecarProcess defaults = startSidecar(twin, Map.of())) {
                results.put("warmUp", warmUp(defaults));
                results.put("perMinute", perMinute("127.0.0.1:" + exporterPort, exporter, defaults, twinStats));
                results.put("haPair", haPair(defaults, twinStats));
                results.put("idle", idle(defaults, twinStats));
                results.put("irate", irate(twin, defaults));
            }
        }
    }

    // --- set-up ---

    private int exporterPort;
    private RespClient stats;

    private BackgroundProcess startExporter(RedisServer redis, Path dir) throws Exception {
        exporterPort = RedisServer.freePort();
        return BackgroundProcess.start(dir, "prometheus-redis-exporter", "-redis.addr", redis.address(),
                "-web.listen-address", "127.0.0.1:" + exporterPort)
                .awaitReady("http://127.0.0.1:" + exporterPort + "/", Duration.ofSeconds(20));
    }

    private SidecarProcess startSidecar(RedisServer redis, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(DockerfileJvm.environment());
        env.putAll(extra);
        env.put("REDIS_ADDR", redis.address());
        env.put("SIDECAR_SETTINGS", "maxmemory 1gb\nmaxmemory-policy allkeys-lru");
        long start = System.nanoTime();
        SidecarProcess sidecar = SidecarProcess.start(env, DockerfileJvm.javaOpts());
        while (true) {
            try {
                if (sidecar.get("/metrics").contains("\nredis_up 1\n")) {
                    break;
                }
            } catch (Exception notYet) {
                // Not listening yet.
            }
            Pace.hold(Duration.ofMillis(5));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results.putIfAbsent("startup", Map.of("firstPollSeconds", seconds));
        log("sidecar: first successful poll %.2f s after the process started", seconds);
        return sidecar;
    }

    private static void populate(RedisServer redis, int keys) throws Exception {
        redis.call("FLUSHALL");
        redis.call("DEBUG", "POPULATE", Integer.toString(keys), "key", "64");
    }

    // --- 1. Redis cost ---

    private Map<String, Object> perScrape(RedisServer redis, String url) throws Exception {
        get(url); // connect and warm up outside the measurement
        RedisStats.reset(stats);
        for (int i = 0; i < polls(); i++) {
            long next = System.nanoTime() + 1_000_000_000L;
            get(url);
            sleepUntil(next);
        }
        return cost(RedisStats.read(stats), polls());
    }

    private Map<String, Object> perPoll(RedisServer redis, SidecarProcess sidecar) throws Exception {
        Pace.hold(Duration.ofMillis(2_000));
        RedisStats.reset(stats);
        double before = sidecar.metric("redis_sidecar_poll_duration_seconds_count");
        awaitPolls(sidecar, before + polls());
        RedisStats measured = RedisStats.read(stats);
        double polls = sidecar.metric("redis_sidecar_poll_duration_seconds_count") - before;
        return cost(measured, polls);
    }

    private static Map<String, Object> cost(RedisStats stats, double polls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("polls", polls);
        m.put("redisUsecPerPoll", stats.usec() / polls);
        m.put("commandsPerPoll", stats.calls() / polls);
        m.put("newConnectionsPerPoll", stats.connections() / polls);
        m.put("bytesPerPoll", stats.bytes() / polls);
        m.put("commands", stats.callsByCommand());
        return m;
    }

    // --- 6. flat with keyspace size ---

    private Map<String, Object> keyspace(RedisServer redis, SidecarProcess sidecar) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int keys : new int[] {1_000, 100_000, 1_000_000}) {
            populate(redis, keys);
            m.put(keys + " keys", infoUsec(redis, sidecar));
        }
        List<RespClient> clients = new ArrayList<>();
        try {
            for (int db = 1; db < 16; db++) {
                try (RespClient c = redis.client()) {
                    c.call("SELECT", Integer.toString(db));
                    c.call("SET", "k", "v");
                }
            }
            for (int i = 0; i < 1000; i++) {
                clients.add(redis.client());
            }
            m.put("1000000 keys, 16 dbs, 1000 clients", infoUsec(redis, sidecar));
        } finally {
            for (RespClient c : clients) {
                c.close();
            }
        }
        return m;
    }

    private double infoUsec(RedisServer redis, SidecarProcess sidecar) throws Exception {
        int polls = quick ? 15 : 45;
        Pace.hold(Duration.ofMillis(1_500));
        RedisStats.reset(stats);
        awaitPolls(sidecar, sidecar.metric("redis_sidecar_poll_duration_seconds_count") + polls);
        double usec = RedisStats.read(stats).usecPerCall().getOrDefault("info", 0.0);
        log("INFO cost %.1f µs per poll", usec);
        return usec;
    }

    // --- 2. /metrics ---

    private Map<String, Object> wrk(SidecarProcess sidecar, String exporterUrl) throws Exception {
        int seconds = quick ? 2 : 15;
        String sidecarUrl = "http://127.0.0.1:" + sidecar.port() + "/metrics";
        Map<String, Object> m = new LinkedHashMap<>();
        for (int connections : new int[] {1, 4}) {
            m.put("sidecar c" + connections, Wrk.run(sidecarUrl, connections, seconds));
            m.put("exporter c" + connections, Wrk.run(exporterUrl, connections, seconds));
            log("wrk c%d: sidecar %s, exporter %s", connections, m.get("sidecar c" + connections),
                    m.get("exporter c" + connections));
        }
        return m;
    }

    // --- 3. steady state ---

    private Map<String, Object> steady(SidecarProcess sidecar, BackgroundProcess exporter) throws Exception {
        double target = quick ? 0 : 1_000;
        log("sidecar: waiting for %.0f polls", target);
        awaitPolls(sidecar, target);
        long cpuBefore = cpuMillis(sidecar.process().pid());
        double pollsBefore = sidecar.metric("redis_sidecar_poll_duration_seconds_count");
        awaitPolls(sidecar, pollsBefore + (quick ? 10 : 60));
        double polls = sidecar.metric("redis_sidecar_poll_duration_seconds_count") - pollsBefore;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("polls", sidecar.metric("redis_sidecar_poll_duration_seconds_count"));
        m.put("rssMb", rssKb(sidecar.process().pid()) / 1024.0);
        m.put("cpuMsPerPoll", (cpuMillis(sidecar.process().pid()) - cpuBefore) / polls);
        m.put("exporterRssMb", rssKb(exporter.pid()) / 1024.0);
        log("steady: %s", m);
        return m;
    }

    // --- 5. restore after restart ---

    private Map<String, Object> restarts(RedisServer redis) throws Exception {
        int count = quick ? 4 : 24;
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                redis.restart();
            } else {
                redis.shutdownNoSave();
                redis.start();
            }
            long accepted = System.nanoTime();
            while (!"1073741824".equals(redis.config("maxmemory"))
                    || !"allkeys-lru".equals(redis.config("maxmemory-policy"))) {
                Pace.hold(Duration.ofMillis(1));
            }
            millis.add((System.nanoTime() - accepted) / 1e6);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("restarts", count);
        m.put("p50Ms", sorted.get(count / 2));
        m.put("maxMs", sorted.get(count - 1));
        m.put("allMs", millis);
        log("restore after restart: %s", m);
        return m;
    }

    // --- 7. per minute, at the defaults, scraped by a real Prometheus ---

    private static final Duration SAMPLER_PERIOD = Duration.ofMinutes(4);

    private int[] scrapeIntervals() {
        String only = System.getProperty("bench.intervals"); // e.g. -Dbench.intervals=60 with --per-minute-only
        if (only != null) {
            return java.util.Arrays.stream(only.split(",")).mapToInt(Integer::parseInt).toArray();
        }
        return quick ? new int[] {15} : new int[] {15, 30, 60};
    }

    // Ten scrapes at least: a cold INFO's cost moves by 2x from one minute to the next, and three scrapes a side
    // (a 3-minute window at 60 s) let one slow INFO decide the ratio. Whole multiples of the key sampler's period
    // at the defaults (a batch of 16 every 4 minutes), so that each window holds its fair share of batches.
    private Duration window(Duration interval) {
        if (quick) {
            return Duration.ofSeconds(45);
        }
        long period = SAMPLER_PERIOD.toSeconds();
        long tenScrapes = interval.multipliedBy(10).toSeconds();
        return Duration.ofSeconds((tenScrapes + period - 1) / period * period);
    }

    private Map<String, Object> perMinute(String exporter, BackgroundProcess exporterProcess, SidecarProcess sidecar,
            RespClient sidecarStats) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        String target = "127.0.0.1:" + sidecar.port();
        for (int seconds : scrapeIntervals()) {
            Duration interval = Duration.ofSeconds(seconds);
            try (PrometheusServer prometheus = PrometheusServer.scraping(List.of(exporter, target), interval)) {
                Pace.hold(interval.multipliedBy(2).plusSeconds(5)); // both scraped, caches warm
                RedisStats.reset(stats);
                RedisStats.reset(sidecarStats);
                double from = System.currentTimeMillis() / 1000.0;
                Duration window = window(interval);
                ProcessCpu ours = ProcessCpu.watch(sidecar.process().pid());
                ProcessCpu theirs = ProcessCpu.watch(exporterProcess.pid());
                Pace.hold(window);
                ours.close();
                theirs.close();
                Map<String, Object> row = new LinkedHashMap<>();
                put(row, "exporter", RedisStats.read(stats), window);
                RedisStats sidecarRedis = RedisStats.read(sidecarStats);
                put(row, "sidecar", sidecarRedis, window);
                row.put("windowSeconds", window.toSeconds());
                int scrapes = scrapes(prometheus, target, from);
                row.put("scrapes", scrapes);
                row.put("sidecarInfoPerScrape", sidecarRedis.callsByCommand().getOrDefault("info", 0L)
                        / (double) scrapes);
                List<Double> ages = ages(prometheus, target, Duration.ofSeconds(window.toSeconds()));
                row.put("dataAgeMeanSeconds", ages.stream().mapToDouble(x -> x).average().orElse(Double.NaN));
                row.put("dataAgeMaxSeconds", ages.stream().mapToDouble(x -> x).max().orElse(Double.NaN));
                ownCost(row, ours, theirs, sidecar, exporterProcess, window);
                m.put(seconds + "s", row);
                log("per minute, scraped every %d s: %s", seconds, row);
            }
        }
        return m;
    }

    // The per-minute rows describe a sidecar that has run a while: the JIT compiles a method after 20 calls (the
    // image's CompileThresholdScaling), so 300 quick scrapes of each side first. What that costs the sidecar once
    // is reported; redis_exporter is compiled ahead of time.
    private Map<String, Object> warmUp(SidecarProcess sidecar) throws Exception {
        int scrapes = quick ? 100 : 300;
        ProcessCpu cpu = ProcessCpu.watch(sidecar.process().pid());
        for (int i = 0; i < scrapes; i++) {
            sidecar.get("/metrics");
            get("http://127.0.0.1:" + exporterPort + "/metrics");
            Pace.hold(Duration.ofMillis(100));
        }
        cpu.close();
        Pace.hold(Duration.ofMillis(5_000));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scrapes", scrapes);
        m.put("sidecarCpuMs", cpu.totalMillis());
        log("warm-up: %s", m);
        return m;
    }

    // The sidecar's own process (CPU per minute, RSS, and the threads its CPU goes to) next to redis_exporter's.
    private static void ownCost(Map<String, Object> row, ProcessCpu ours, ProcessCpu theirs, SidecarProcess sidecar,
            BackgroundProcess exporter, Duration window) throws Exception {
        row.put("sidecarCpuMsPerMinute", ours.totalMillis() * 60 / window.toSeconds());
        row.put("exporterCpuMsPerMinute", theirs.totalMillis() * 60 / window.toSeconds());
        row.put("sidecarRssMb", rssKb(sidecar.process().pid()) / 1024.0);
        row.put("exporterRssMb", rssKb(exporter.pid()) / 1024.0);
        row.put("sidecarCpuByThread", ours.topPerMinute(6, window.toSeconds()));
    }

    // Two Prometheus servers scraping the sidecar every 15 s, in phases of their own (an HA pair): each gets a poll
    // made for its scrape, and Redis one INFO per scrape.
    private Map<String, Object> haPair(SidecarProcess sidecar, RespClient sidecarStats) throws Exception {
        String target = "127.0.0.1:" + sidecar.port();
        Duration interval = Duration.ofSeconds(15);
        Duration window = quick ? Duration.ofSeconds(45) : Duration.ofMinutes(2);
        try (PrometheusServer a = PrometheusServer.scraping(List.of(target), interval, "replica-a");
                PrometheusServer b = PrometheusServer.scraping(List.of(target), interval, "replica-b")) {
            Pace.hold(interval.multipliedBy(2).plusSeconds(5));
            RedisStats.reset(sidecarStats);
            double from = System.currentTimeMillis() / 1000.0;
            Pace.hold(window);
            long infos = RedisStats.read(sidecarStats).callsByCommand().getOrDefault("info", 0L);
            int scrapes = scrapes(a, target, from) + scrapes(b, target, from);
            List<Double> agesA = ages(a, target, window);
            List<Double> agesB = ages(b, target, window);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scrapes", scrapes);
            row.put("infoPerScrape", infos / (double) scrapes);
            row.put("phaseSeconds", Math.abs(last(a, target) - last(b, target)) % interval.toSeconds());
            row.put("dataAgeMaxSecondsA", agesA.stream().mapToDouble(x -> x).max().orElse(Double.NaN));
            row.put("dataAgeMaxSecondsB", agesB.stream().mapToDouble(x -> x).max().orElse(Double.NaN));
            log("HA pair at 15 s: %s", row);
            return row;
        }
    }

    // Nobody scraping: what the sidecar's own clocks cost (the floor poll, the drift deadline, the scheduler).
    private Map<String, Object> idle(SidecarProcess sidecar, RespClient sidecarStats) throws Exception {
        Duration window = quick ? Duration.ofSeconds(45) : Duration.ofMinutes(4);
        Pace.hold(Duration.ofMillis(5_000));
        RedisStats.reset(sidecarStats);
        ProcessCpu ours = ProcessCpu.watch(sidecar.process().pid());
        Pace.hold(window);
        ours.close();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("windowSeconds", window.toSeconds());
        row.put("infoPerMinute", RedisStats.read(sidecarStats).callsByCommand().getOrDefault("info", 0L) * 60.0
                / window.toSeconds());
        row.put("sidecarCpuMsPerMinute", ours.totalMillis() * 60 / window.toSeconds());
        row.put("sidecarCpuByThread", ours.topPerMinute(6, window.toSeconds()));
        log("nobody scraping: %s", row);
        return row;
    }

    private static int scrapes(PrometheusServer prometheus, String target, double since) throws Exception {
        return (int) prometheus.samples("up{instance=\"" + target + "\"}", Duration.ofMinutes(15)).stream()
                .filter(s -> s[0] >= since).count();
    }

    private static double last(PrometheusServer prometheus, String target) throws Exception {
        List<double[]> samples = prometheus.samples("up{instance=\"" + target + "\"}", Duration.ofMinutes(1));
        return samples.get(samples.size() - 1)[0];
    }

    // The age of the poll each scrape got: the scrape's time minus the poll's (negative: polled for that scrape).
    private static List<Double> ages(PrometheusServer prometheus, String target, Duration range) throws Exception {
        return prometheus.samples("redis_sidecar_last_successful_poll_timestamp_seconds{instance=\"" + target
                + "\"}", range).stream().map(s -> s[0] - s[1]).toList();
    }

    private void put(Map<String, Object> row, String side, RedisStats measured, Duration window) {
        row.put(side + "UsecPerMinute", measured.usec() * 60 / window.toSeconds());
        row.put(side + "Commands", new TreeMap<>(measured.callsByCommand()));
        row.put(side + "UsecByCommand", usecByCommand(measured));
        row.put(side + "ConnectionsPerMinute", measured.connections() * 60.0 / window.toSeconds());
    }

    private static Map<String, Long> usecByCommand(RedisStats measured) {
        Map<String, Long> m = new TreeMap<>();
        measured.callsByCommand().forEach((command, calls) -> m.put(command,
                Math.round(calls * measured.usecPerCall().get(command))));
        return m;
    }

    // --- 8. irate() of busy counters never a false zero ---

    private Map<String, Object> irate(RedisServer redis, SidecarProcess sidecar) throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        Thread load = new Thread(() -> keepBusy(redis, busy));
        load.start();
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            for (int seconds : new int[] {1, 15}) {
                Duration interval = Duration.ofSeconds(seconds);
                try (PrometheusServer prometheus = PrometheusServer.scraping(List.of("127.0.0.1:" + sidecar.port()),
                        interval)) {
                    // irate's minute holds at least three scrapes.
                    Pace.hold(Duration.ofSeconds(5).plus(interval.multipliedBy(4)));
                    int samples = quick ? 10 : 30;
                    int processed = 0;
                    int duration = 0;
                    for (int i = 0; i < samples; i++) {
                        processed += nonZero(prometheus.query("irate(redis_commands_processed_total[1m])"));
                        duration += nonZero(prometheus.query(
                                "sum(irate(redis_commands_duration_seconds_total[1m]))"));
                        Pace.hold(Duration.ofMillis(seconds == 1 ? 1_000 : 5_000));
                    }
                    Map<String, Object> row = Map.of("samples", samples, "processedNonZero", processed,
                            "durationNonZero", duration);
                    log("irate at a %d s scrape: %s", seconds, row);
                    m.put(seconds + "s", row);
                }
            }
        } finally {
            busy.set(false);
            load.join();
        }
        return m;
    }

    private static int nonZero(List<Double> values) {
        return values.size() == 1 && values.get(0) > 0 ? 1 : 0;
    }

    private static void keepBusy(RedisServer redis, AtomicBoolean busy) {
        try (RespClient client = redis.client()) {
            for (long i = 0; busy.get(); i++) {
                client.call("SET", "busy:" + (i % 1000), "v");
                client.call("GET", "busy:" + (i % 1000));
            }
        } catch (Exception e) {
            // The benchmark ended.
        }
    }

    // --- 9. key groups: accuracy against samples, and redis-cli --memkeys, on issue 15's data ---

    private Map<String, Object> keyGroups() throws Exception {
        log("key groups: 130,000 keys in two databases");
        try (RedisServer redis = new RedisServer().start()) {
            KeyGroupDataset data = new KeyGroupDataset(redis);
            data.fill();
            Map<String, Double> truth = data.trueShares();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trueShares", truth);
            int[] sizes = quick ? new int[] {30, 100} : new int[] {30, 100, 300, 1000};
            Map<String, Double> worst = new LinkedHashMap<>();
            data.worstShareError(truth, sizes, quick ? 2 : 5).forEach((n, e) -> worst.put(n.toString(), e));
            m.put("worstShareError", worst);
            Map<String, Object> memkeys = new LinkedHashMap<>();
            for (int db : new TreeMap<>(KeyGroupDataset.KEYS).keySet()) {
                memkeys.put("db" + db, memkeys(redis, db));
            }
            m.put("memkeys", memkeys);
            m.put("exactScan", exactScan(redis));
            log("key groups: %s", m);
            return m;
        }
    }

    // What one `redis-cli --memkeys` of a database costs Redis: wall time, Redis's process CPU, commands sent.
    private static Map<String, Object> memkeys(RedisServer redis, int db) throws Exception {
        try (RespClient client = redis.client()) {
            RedisStats.reset(client);
            double cpuBefore = ConnectionCost.cpuSeconds(client);
            long start = System.nanoTime();
            Process cli = new ProcessBuilder("redis-cli", "-p", Integer.toString(redis.port()), "-n",
                    Integer.toString(db), "--memkeys").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!cli.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || cli.exitValue() != 0) {
                cli.destroyForcibly();
                throw new IllegalStateException("redis-cli --memkeys failed on db" + db);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = ConnectionCost.cpuSeconds(client) - cpuBefore;
            Map<String, Long> commands = new TreeMap<>(RedisStats.read(client).callsByCommand());
            commands.remove("info"); // the benchmark's own
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("keys", KeyGroupDataset.KEYS.get(db));
            m.put("wallSeconds", wall);
            m.put("redisCpuSeconds", cpu);
            m.put("commands", commands);
            return m;
        }
    }

    // The sidecar's exact scan of every database at its default pace (--quick: at 25 %, to keep CI short), alone
    // for its time and Redis CPU; then, in the full run, redis-benchmark beside the scan and beside
    // `redis-cli --memkeys` (no pace) for what Redis's other clients feel. Apart, because the benchmark's own load
    // is Redis CPU too, and the scan's pacer counts it (it slows down for a busy Redis).
    private Map<String, Object> exactScan(RedisServer redis) throws Exception {
        List<String> scan = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "target/quarkus-app/quarkus-run.jar", "scan", "--redis", "redis://127.0.0.1:" + redis.port(),
                "--format", "json", "--percent", quick ? "25" : "2");
        Map<String, Object> m = new LinkedHashMap<>();
        try (RespClient client = redis.client()) {
            double cpuBefore = ConnectionCost.cpuSeconds(client);
            long start = System.nanoTime();
            run(scan);
            m.put("percent", quick ? 25 : 2);
            m.put("wallSeconds", (System.nanoTime() - start) / 1e9);
            m.put("redisCpuSeconds", ConnectionCost.cpuSeconds(client) - cpuBefore);
        }
        if (!quick) {
            m.put("idle", Latency.beside(redis, 30, () -> { }));
            m.put("scanLatency", Latency.beside(redis, 1, () -> run(scan)));
            m.put("memkeysLatency", Latency.beside(redis, 1, () -> {
                for (int db : new TreeMap<>(KeyGroupDataset.KEYS).keySet()) {
                    run(List.of("redis-cli", "-p", Integer.toString(redis.port()), "-n", Integer.toString(db),
                            "--memkeys"));
                }
            }));
        }
        return m;
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " failed");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- helpers ---

    private void awaitPolls(SidecarProcess sidecar, double count) throws Exception {
        while (sidecar.metric("redis_sidecar_poll_duration_seconds_count") < count) {
            Pace.hold(Duration.ofMillis(1_000)); // rarely: each look is a scrape, and scrapes cost the sidecar CPU too
        }
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Pace.hold(Duration.ofNanos(wait)); // the pacing of the loop
        }
    }

    static long rssKb(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElse(0);
    }

    /** user + system CPU of a process, from /proc/pid/stat, in ms (clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
