package io.github.redissidecar.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.connection.StandaloneRedis;
import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.keys.ExactScan;
import io.github.redissidecar.keys.KeySampler;
import io.github.redissidecar.keys.KeyspaceCounts;
import io.github.redissidecar.keys.ScanPacer;
import io.github.redissidecar.keys.ScanReport;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code redis-memory-sidecar scan [--redis URL] [--format text|json] [--percent N]}: the exact scan of every key,
 * grouped, against a Redis address, without a running sidecar. Connection settings are the sidecar's own
 * (REDIS_ADDR, REDIS_PASSWORD or REDIS_PASSWORD_FILE, REDIS_USER, TLS), read the same way; the pages are paced to
 * N % of Redis's time ({@link ScanPacer}; default SIDECAR_KEYS_WARM_UP_PERCENT); Ctrl-C stops it and prints what it
 * found so far.
 * Exit 0 when done, 1 when Redis failed it or it was stopped, 2 for arguments it cannot use.
 */
final class ScanCommand {

    private static final String USAGE = "usage: redis-memory-sidecar scan [--redis redis://host:port] [--format "
            + "text|json] [--percent 0.1-25]";

    private ScanCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> overrides = new HashMap<>();
        String format = "text";
        Double percent = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                String value = i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                switch (option) {
                    case "--redis" -> overrides.put("sidecar.redis.address", value);
                    case "--format" -> format = oneOf(value, "text", "json");
                    case "--percent" -> percent = percent(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("scan: " + e.getMessage() + "; " + USAGE);
            return 2;
        }
        try {
            SidecarConfig config = config(overrides);
            double share = percent != null ? percent : Math.max(0.1, config.keys().warmUpPercent());
            try (StandaloneRedis redis = StandaloneRedis.open(config, config.redis().connectTimeout()
                    .multipliedBy(2))) {
                ExactScan scan = new ExactScan(KeySampler.groups(config.keys().groups()), KeyspaceCounts.of(
                        InfoParser.parse(redis.commands().info(List.of("keyspace")))));
                // Ctrl-C cancels the scan, wakes this thread from its pause, and waits until the report is out.
                CountDownLatch printed = new CountDownLatch(1);
                Thread main = Thread.currentThread();
                Thread stop = new Thread(() -> {
                    scan.cancel();
                    main.interrupt();
                    awaitQuietly(printed);
                });
                Runtime.getRuntime().addShutdownHook(stop);
                try {
                    ScanReport report = scan(redis.commands(), scan, new ScanPacer(redis.commands(), share), err);
                    out.print("json".equals(format) ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(report) + "\n" : report.text());
                    out.flush();
                } finally {
                    printed.countDown();
                    try {
                        Runtime.getRuntime().removeShutdownHook(stop);
                    } catch (IllegalStateException shuttingDown) {
                        // Ctrl-C: the hook runs, and has waited for the report.
                    }
                }
                return scan.state() == ExactScan.State.DONE ? 0 : 1;
            }
        } catch (InvalidConfiguration e) {
            err.println("scan: " + e.getMessage());
            return 2;
        } catch (RedisFailure f) {
            err.println("scan: Redis " + f.reason().label() + ": " + f.getMessage() + ". Fix: " + f.reason().fix()
                    + ".");
            return 1;
        } catch (Exception e) {
            err.println("scan: " + e.getMessage());
            return 1;
        }
    }

    // Page after page, each followed by the pacer's pause; a cancel (Ctrl-C) ends it between two, with what it has.
    private static ScanReport scan(RedisCommands redis, ExactScan scan, ScanPacer pacer, PrintStream err)
            throws RedisFailure {
        long lastProgress = System.nanoTime();
        try {
            while (true) {
                long start = System.nanoTime();
                if (!scan.step(redis)) {
                    break;
                }
                long took = System.nanoTime() - start;
                if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(2)) {
                    ScanReport now = scan.report();
                    err.printf(Locale.ROOT, "scan: %.0f %% (%,d of %,d keys)%n", 100 * now.progress(),
                            now.keysScanned(), now.keysAtStart());
                    lastProgress = System.nanoTime();
                }
                TimeUnit.NANOSECONDS.sleep(pacer.after(took).toNanos());
            }
        } catch (InterruptedException stopped) {
            scan.cancel();
        } catch (RedisFailure failure) {
            if (scan.state() != ExactScan.State.CANCELLED) {
                throw failure; // an interrupt in the middle of a page ends that page, nothing else
            }
        }
        return scan.report();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // The sidecar's configuration sources (environment, REDIS_* names, defaults), with the command's options first.
    private static SidecarConfig config(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDiscoveredSources()
                .addDiscoveredConverters().withMapping(SidecarConfig.class)
                .withSources(new PropertiesConfigSource(overrides, "scan options", 1000)).build();
        return config.getConfigMapping(SidecarConfig.class);
    }

    private static String oneOf(String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw new IllegalArgumentException("--format is " + value + ", not one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static double percent(String value) {
        try {
            double p = Double.parseDouble(value);
            if (p >= 0.1 && p <= 25) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new IllegalArgumentException("--percent is " + value + ", not a share of Redis's time from 0.1 to 25");
    }
}
