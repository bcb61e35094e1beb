package io.github.redissidecar.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RespClient;
import io.github.redissidecar.testing.SidecarProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A large INFO: 1,000 connected clients, 16 databases with keys, and 200+ distinct commands in commandstats. Every
 * database and every command appears on /metrics with the value INFO reports.
 */
class LargeInfoChaosIT {

    @Test
    void largeInfoIsParsedCompletely() throws Exception {
        List<RespClient> clients = new ArrayList<>();
        try (RedisServer redis = new RedisServer().start()) {
            for (int i = 0; i < 1000; i++) {
                clients.add(redis.client());
            }
            try (RespClient c = redis.client()) {
                for (int db = 0; db < 16; db++) {
                    c.call("SELECT", Integer.toString(db));
                    for (int k = 0; k <= db; k++) {
                        c.call("SET", "k" + k, "v");
                    }
                }
                rejectEveryCommandOnce(c);
            }
            Set<String> commands = new TreeSet<>();
            for (String line : redis.call("INFO", "commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_")) {
                    commands.add(line.substring("cmdstat_".length(), line.indexOf(':')));
                }
            }
            assertTrue(commands.size() >= 200, "only " + commands.size() + " commands in commandstats");
            try (SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address()))) {
                String metrics = sidecar.awaitMetrics("redis_up 1");
                assertTrue(sidecar.metric("redis_connected_clients") >= 1000);
                for (int db = 0; db < 16; db++) {
                    assertTrue(metrics.contains("redis_db_keys{db=\"db" + db + "\"} " + (db + 1) + "\n"), "db" + db);
                }
                Set<String> exported = new TreeSet<>();
                for (String line : metrics.split("\n")) {
                    if (line.startsWith("redis_commands_total{cmd=\"")) {
                        exported.add(line.substring(26, line.indexOf('"', 26)));
                    }
                }
                // The sidecar's own handshake may add entries (client|setname); none may be missing.
                assertEquals(Set.of(), missing(commands, exported));
                System.out.printf("large INFO: %.0f clients, 16 databases, %d commands in commandstats, %d on "
                        + "/metrics%n", sidecar.metric("redis_connected_clients"), commands.size(), exported.size());
            }
        } finally {
            for (RespClient c : clients) {
                c.close();
            }
        }
    }

    // Every command that needs arguments, called without them: Redis rejects it (counted in commandstats as a
    // rejected call) and executes nothing. Commands that take no arguments are never sent.
    private static void rejectEveryCommandOnce(RespClient c) throws Exception {
        for (Object entry : (List<?>) c.call("COMMAND", "INFO")) {
            List<?> info = (List<?>) entry;
            String name = String.valueOf(info.get(0));
            long arity = (Long) info.get(1);
            if (arity >= 2 || arity <= -2) {
                reject(c, name);
            }
            if (info.size() > 9 && info.get(9) instanceof List<?> subcommands) {
                for (Object sub : subcommands) {
                    List<?> subInfo = (List<?>) sub;
                    long subArity = (Long) subInfo.get(1);
                    if (subArity >= 3 || subArity <= -3) {
                        String[] parts = String.valueOf(subInfo.get(0)).split("\\|");
                        reject(c, parts);
                    }
                }
            }
        }
    }

    private static void reject(RespClient c, String... command) {
        try {
            c.call(command);
        } catch (Exception expected) {
            // "wrong number of arguments": the point.
        }
    }

    private static Set<String> missing(Set<String> all, Set<String> exported) {
        Set<String> out = new TreeSet<>(all);
        out.removeAll(exported);
        return out;
    }
}
