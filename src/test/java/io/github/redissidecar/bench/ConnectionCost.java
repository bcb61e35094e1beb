package io.github.redissidecar.bench;

import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RespClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one new client connection costs Redis's CPU: accepting it, creating and freeing the client. commandstats
 * does not see it, yet redis_exporter opens one per scrape. Measured from Redis's own process CPU ({@code INFO
 * cpu}) as the difference between two loops paced alike, one that connects, names itself (as the exporter does)
 * and closes each time, and one that names itself on a single connection; the idle cost of the paced loop cancels.
 */
final class ConnectionCost {

    private ConnectionCost() {
    }

    /** The median, over {@code rounds} alternating pairs of {@code n} iterations, of the µs per connection. */
    static double usecPerConnection(RespClient stats, int port, int n, int rounds) throws Exception {
        List<Double> diffs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            diffs.add(loop(stats, port, n, true) - loop(stats, port, n, false));
        }
        diffs.sort(Double::compare);
        return Math.max(0, diffs.get(diffs.size() / 2));
    }

    private static double loop(RespClient stats, int port, int n, boolean connectEachTime) throws Exception {
        double before = cpuSeconds(stats);
        RespClient client = null;
        for (int i = 0; i < n; i++) {
            if (client == null) {
                client = new RespClient(port);
            }
            client.call("CLIENT", "SETNAME", "bench");
            if (connectEachTime) {
                client.close();
                client = null;
            }
            Pace.hold(Duration.ofMillis(2));
        }
        if (client != null) {
            client.close();
        }
        return (cpuSeconds(stats) - before) * 1e6 / n;
    }

    /** Redis's process CPU so far, user + sys, in seconds. */
    static double cpuSeconds(RespClient stats) throws IOException {
        double total = 0;
        for (String line : stats.text("INFO", "cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return total;
    }
}
