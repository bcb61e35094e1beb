package io.github.redissidecar.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real Prometheus (Debian's) on a free loopback port, for one test or benchmark, queried over its HTTP API. */
public final class PrometheusServer implements AutoCloseable {

    // The API's JSON is read with a pattern, enough for numbers: a sample is [<unix time>,"<value>"], in "value"
    // (instant) and "values" (range) alike.
    private static final Pattern SAMPLE = Pattern.compile("\\[[0-9.]+,\"([^\"]+)\"\\]");
    private static final Pattern TIMED = Pattern.compile("\\[([0-9.]+),\"([^\"]+)\"\\]");

    private final BackgroundProcess process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PrometheusServer(BackgroundProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Scrapes {@code targets} every {@code interval} under the job {@code bench}. */
    public static PrometheusServer scraping(List<String> targets, Duration interval) throws Exception {
        return scraping(targets, interval, "bench");
    }

    /**
     * The same under {@code job}. Prometheus spreads its targets' scrapes over the interval by a hash of their
     * labels: two servers scraping one target under different job names scrape it in different phases.
     */
    public static PrometheusServer scraping(List<String> targets, Duration interval, String job) throws Exception {
        return start(Files.createTempDirectory("prometheus"), """
                global:
                  scrape_interval: %ds
                  evaluation_interval: %ds
                scrape_configs:
                  - job_name: %s
                    static_configs:
                      - targets: ['%s']
                """.formatted(interval.toSeconds(), interval.toSeconds(), job, String.join("', '", targets)));
    }

    /** Starts with {@code config} as prometheus.yml in {@code dir}, where relative paths in it (rules) resolve. */
    public static PrometheusServer start(Path dir, String config) throws Exception {
        Files.writeString(dir.resolve("prometheus.yml"), config);
        int port = RedisServer.freePort();
        BackgroundProcess p = BackgroundProcess.start(dir, "prometheus", "--config.file=prometheus.yml",
                "--storage.tsdb.path=data-" + port, "--web.listen-address=127.0.0.1:" + port)
                .awaitReady("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(30));
        return new PrometheusServer(p, port);
    }

    /** The values of an instant query (one per series). */
    public List<Double> query(String promql) throws Exception {
        return values(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
    }

    /** The values of a range query of one series over the last {@code range}, one per {@code step}. */
    public List<Double> range(String promql, Duration range, Duration step) throws Exception {
        long end = System.currentTimeMillis() / 1000;
        return values(get("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + (end - range.toSeconds()) + "&end=" + end + "&step=" + step.toSeconds()));
    }

    /** The raw samples of {@code series} over the last {@code range}: [scrape time in seconds, value] each. */
    public List<double[]> samples(String series, Duration range) throws Exception {
        String json = get("/api/v1/query?query=" + URLEncoder.encode(series + "[" + range.toSeconds() + "s]",
                StandardCharsets.UTF_8));
        if (!json.contains("\"status\":\"success\"")) {
            throw new IllegalStateException("Prometheus query failed: " + json);
        }
        List<double[]> out = new ArrayList<>();
        Matcher m = TIMED.matcher(json);
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return out;
    }

    private static List<Double> values(String json) {
        if (!json.contains("\"status\":\"success\"")) {
            throw new IllegalStateException("Prometheus query failed: " + json);
        }
        List<Double> out = new ArrayList<>();
        Matcher m = SAMPLE.matcher(json);
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    /** GET on the HTTP API, e.g. {@code /api/v1/alerts}; the body. */
    public String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    public String output() throws Exception {
        return process.output();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
