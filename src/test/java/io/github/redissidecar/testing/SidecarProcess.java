package io.github.redissidecar.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The packaged fast-jar run as a separate process, as users run it; its output goes to a file. */
public final class SidecarProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    // One client for every request (a new HttpClient per request costs a thread pool, which timings would show),
    // speaking HTTP/1.1 only: the JDK client's h2c upgrade attempt on plain HTTP can hang a request for good.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path output;
    private final int port;

    private SidecarProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts the jar with {@code env} on a free HTTP port. */
    public static SidecarProcess start(Map<String, String> env) throws IOException {
        return start(env, List.of());
    }

    /** Starts the jar with {@code env} and JVM options on a free HTTP port. */
    public static SidecarProcess start(Map<String, String> env, List<String> jvmOptions) throws IOException {
        int port = RedisServer.freePort();
        Path output = Files.createTempFile("sidecar", ".log");
        List<String> command = new java.util.ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new SidecarProcess(pb.start(), output, port);
    }

    /** Runs {@code java -jar quarkus-run.jar healthcheck} against this sidecar's port; returns the exit code. */
    public int healthcheck() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(java(), "-jar", JAR.toString(), "healthcheck");
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The JVM's live thread count, from /proc. */
    public int threads() throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(l -> l.startsWith("Threads:")).mapToInt(l -> Integer.parseInt(l.substring(8).strip()))
                .findFirst().orElseThrow();
    }

    /** The value of one series on /metrics, e.g. {@code redis_up} or {@code name{reason="auth"}}. */
    public double metric(String series) throws Exception {
        String text = get("/metrics");
        return MetricsText.value(text, series).orElseThrow(() -> new AssertionError("no " + series + " in:\n"
                + text));
    }

    /** GET on the sidecar's HTTP port; the body. */
    public String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Scrapes /metrics until it holds {@code expected} ("series value"); fails after 30 s. */
    public String awaitMetrics(String expected) {
        return awaitMetrics(text -> MetricsText.has(text, expected), expected);
    }

    /** Scrapes /metrics every 10 ms until it holds {@code expected} ("series value"); the milliseconds that took. */
    public long awaitMillis(String expected, Duration timeout) {
        long start = System.nanoTime();
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .pollInSameThread().until(() -> MetricsText.has(get("/metrics"), expected));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no '" + expected + "' on /metrics within " + timeout);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Scrapes until the sidecar has made {@code more} polls since now: evidence that it looked. */
    public String awaitPolls(int more) throws Exception {
        double before = metric("redis_sidecar_poll_duration_seconds_count");
        return awaitMetrics(t -> MetricsText.value(t, "redis_sidecar_poll_duration_seconds_count").orElse(0)
                >= before + more, more + " more polls");
    }

    /** Scrapes /metrics until {@code condition} holds; fails after 30 s. */
    public String awaitMetrics(java.util.function.Predicate<String> condition, String description) {
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).pollInSameThread().until(() -> {
                        try {
                            last.set(get("/metrics"));
                        } catch (IOException notYet) {
                            return false; // not listening yet
                        }
                        return condition.test(last.get());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no '" + description + "' on /metrics within 30 s; last:\n" + last.get());
        }
        return last.get();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
