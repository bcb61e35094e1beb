package io.github.redissidecar.bench;

import io.github.redissidecar.testing.BackgroundProcess;
import io.github.redissidecar.testing.RedisServer;
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

/** A real Prometheus (Debian's) scraping targets at a given interval, for the benchmark, queried over HTTP. */
final class PrometheusServer implements AutoCloseable {

    // The benchmark runs on test-classes alone (no library on its classpath): the API's JSON is read with a pattern.
    // A sample is [<unix time>,"<value>"], in "value" (instant) and "values" (range) alike.
    private static final Pattern SAMPLE = Pattern.compile("\\[[0-9.]+,\"([^\"]+)\"\\]");

    private final BackgroundProcess process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PrometheusServer(BackgroundProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static PrometheusServer scraping(String target, Duration interval) throws Exception {
        return scraping(List.of(target), interval);
    }

    static PrometheusServer scraping(List<String> targets, Duration interval) throws Exception {
        Path dir = Files.createTempDirectory("bench-prometheus");
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: %ds
                  evaluation_interval: %ds
                scrape_configs:
                  - job_name: bench
                    static_configs:
                      - targets: ['%s']
                """.formatted(interval.toSeconds(), interval.toSeconds(), String.join("', '", targets)));
        int port = RedisServer.freePort();
        BackgroundProcess p = BackgroundProcess.start(dir, "prometheus", "--config.file=prometheus.yml",
                "--storage.tsdb.path=data", "--web.listen-address=127.0.0.1:" + port)
                .awaitReady("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(30));
        return new PrometheusServer(p, port);
    }

    /** The values of an instant query (one per series). */
    List<Double> query(String promql) throws Exception {
        return values(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
    }

    /** The values of a range query of one series over the last {@code range}, one per {@code step}. */
    List<Double> range(String promql, Duration range, Duration step) throws Exception {
        long end = System.currentTimeMillis() / 1000;
        return values(get("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + (end - range.toSeconds()) + "&end=" + end + "&step=" + step.toSeconds()));
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

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
