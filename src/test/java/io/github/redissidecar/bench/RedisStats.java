package io.github.redissidecar.bench;

import io.github.redissidecar.testing.RespClient;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What Redis itself says a client cost it, from INFO commandstats and INFO stats after a CONFIG RESETSTAT: CPU in
 * µs (commandstats {@code usec}), commands, new connections and bytes on the wire.
 */
record RedisStats(double usec, long calls, long connections, long bytes, Map<String, Long> callsByCommand,
        Map<String, Double> usecPerCall) {

    static void reset(RespClient client) throws IOException {
        client.call("CONFIG", "RESETSTAT");
    }

    /**
     * The stats since the last reset, without the benchmark's own CONFIG RESETSTAT. {@code client} is a connection
     * opened before the reset, so that reading adds no connection to the count.
     */
    static RedisStats read(RespClient client) throws IOException {
        String info = client.text("INFO", "commandstats") + "\n" + client.text("INFO", "stats");
        double usec = 0;
        long calls = 0;
        long connections = 0;
        long bytes = 0;
        Map<String, Long> byCommand = new HashMap<>();
        Map<String, Double> perCall = new HashMap<>();
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_config|resetstat:")) {
                String name = line.substring(8, line.indexOf(':'));
                long c = field(line, "calls=");
                double u = field(line, "usec=");
                calls += c;
                usec += u;
                byCommand.put(name, c);
                perCall.put(name, c == 0 ? 0 : u / c);
            } else if (line.startsWith("total_connections_received:")) {
                connections = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("total_net_input_bytes:") || line.startsWith("total_net_output_bytes:")) {
                bytes += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return new RedisStats(usec, calls, connections, bytes, byCommand, perCall);
    }

    private static long field(String line, String key) {
        int start = line.indexOf(key) + key.length();
        int end = line.indexOf(',', start);
        return Long.parseLong(line.substring(start, end < 0 ? line.length() : end));
    }
}
