package io.github.redissidecar.bench;

import io.github.redissidecar.testing.Command;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One wrk run against a URL: requests per second and latency percentiles, in ms. */
record Wrk(double requestsPerSecond, double p50, double p99, long errors) {

    static Wrk run(String url, int connections, int seconds) throws Exception {
        Command.Result r = Command.run("wrk", "-t" + Math.min(2, connections), "-c" + connections,
                "-d" + seconds + "s", "--latency", url);
        String out = r.output();
        return new Wrk(number(out, "Requests/sec:\\s+([0-9.]+)"), millis(out, "50%"), millis(out, "99%"),
                errors(out));
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double millis(String out, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + label + " in wrk output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static long errors(String out) {
        long total = 0;
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        if (non2xx.find()) {
            total += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                total += Long.parseLong(socket.group(i));
            }
        }
        return total;
    }
}
