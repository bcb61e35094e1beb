package io.github.redissidecar.bench;

import io.github.redissidecar.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What Redis's other clients feel while something runs: redis-benchmark (GET, 2 clients, no pipelining) in a loop
 * beside it (at least {@code minRuns} runs), the median and the worst of the runs' p99, and the max latency.
 */
final class Latency {

    private Latency() {
    }

    static Map<String, Object> beside(RedisServer redis, int minRuns, Runnable work) throws Exception {
        Thread worker = new Thread(work, "beside-redis-benchmark");
        worker.start();
        List<Double> p99s = new java.util.ArrayList<>();
        double max = 0;
        int runs = 0;
        do {
            Path csv = Files.createTempFile("redis-benchmark", ".csv");
            Process bench = new ProcessBuilder("redis-benchmark", "-p", Integer.toString(redis.port()), "-t", "get",
                    "-n", "20000", "-c", "2", "--csv").redirectOutput(csv.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!bench.waitFor(2, TimeUnit.MINUTES)) {
                bench.destroyForcibly();
                throw new IllegalStateException("redis-benchmark did not finish");
            }
            // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
            List<String> lines = Files.readAllLines(csv);
            Files.delete(csv);
            String[] f = lines.get(lines.size() - 1).replace("\"", "").split(",");
            p99s.add(Double.parseDouble(f[6]));
            max = Math.max(max, Double.parseDouble(f[7]));
            runs++;
        } while (worker.isAlive() || runs < minRuns);
        worker.join();
        java.util.Collections.sort(p99s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("medianP99Ms", p99s.get(p99s.size() / 2));
        m.put("p99Ms", p99s.get(p99s.size() - 1));
        m.put("maxMs", max);
        m.put("runs", runs);
        return m;
    }
}
