package io.github.redissidecar.testing;

import io.github.redissidecar.redis.ConnectionState;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.KeyFacts;
import io.github.redissidecar.redis.RedisAddress;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.ScanPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory stand-in behind the core's own {@link RedisCommands} port, for fast unit tests of the poller, the
 * settings checks and the key sampler: a server life (run_id, uptime, settings Redis starts with), a keyspace of
 * named keys with sizes and TTLs, failures to inject, and a log of every command sent. Not a Redis: integration
 * tests run real redis-server processes.
 */
public final class FakeRedis implements RedisCommands {

    /** A key: its bytes (MEMORY USAGE) and whether it has a TTL. */
    public record Key(long bytes, boolean expires) {
    }

    private final Map<String, String> config = new LinkedHashMap<>();
    private final Map<Integer, Map<String, Key>> databases = new TreeMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Random random = new Random(42);
    private volatile ConnectionState connection = new ConnectionState(1, true, true, System.nanoTime(), 16);
    private volatile String runId = UUID.randomUUID().toString().replace("-", "");
    private volatile long uptime;
    private volatile long usedMemory = 1_000_000;
    private volatile boolean loading;
    private volatile RedisFailure failure;
    private volatile boolean configSetDenied;
    private volatile boolean configSetIgnored;

    public FakeRedis(long uptimeSeconds) {
        this.uptime = uptimeSeconds;
        defaults();
    }

    private void defaults() {
        config.put("maxmemory", "0");
        config.put("maxmemory-policy", "noeviction");
        config.put("maxmemory-samples", "5");
        config.put("appendonly", "no");
        config.put("save", "3600 1 300 100 60 10000");
    }

    // --- what a test does to the server ---

    /** A new server life on a new connection: a new run_id, uptime 0, the settings Redis starts with. */
    public synchronized void restart() {
        runId = UUID.randomUUID().toString().replace("-", "");
        uptime = 0;
        config.clear();
        defaults();
        connection = new ConnectionState(connection.number() + 1, true, true, System.nanoTime(), 16);
    }

    /** A hand-typed CONFIG SET, as someone on call would type it. */
    public synchronized void set(String parameter, String value) {
        config.put(parameter, value);
    }

    public String config(String parameter) {
        return config.get(parameter);
    }

    public void usedMemory(long bytes) {
        usedMemory = bytes;
    }

    public void loading(boolean loading) {
        this.loading = loading;
    }

    /** Every command fails with {@code failure} until it is cleared with null. */
    public void failWith(RedisFailure failure) {
        this.failure = failure;
    }

    public void denyConfigSet() {
        configSetDenied = true;
    }

    /** CONFIG SET answers OK and changes nothing, as a proxy that drops it would; false makes it work again. */
    public void ignoreConfigSet(boolean ignored) {
        configSetIgnored = ignored;
    }

    public synchronized void key(int db, String name, long bytes, boolean expires) {
        databases.computeIfAbsent(db, d -> new LinkedHashMap<>()).put(name, new Key(bytes, expires));
    }

    /** The commands sent so far, e.g. {@code CONFIG SET maxmemory 67108864}, oldest first. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    public long count(String prefix) {
        return commands.stream().filter(c -> c.startsWith(prefix)).count();
    }

    // --- the port ---

    @Override
    public synchronized String clusterInfo() throws RedisFailure {
        sent("CLUSTER INFO");
        throw new RedisFailure(FailureReason.PROTOCOL, "ERR This instance has cluster support disabled");
    }

    @Override
    public synchronized String info(List<String> sections) throws RedisFailure {
        sent("INFO " + String.join(" ", sections));
        StringBuilder out = new StringBuilder("# Server\r\nredis_version:7.0.15\r\nrun_id:" + runId
                + "\r\nuptime_in_seconds:" + uptime + "\r\nconfig_file:\r\n# Memory\r\nused_memory:" + usedMemory
                + "\r\nmaxmemory:" + config.get("maxmemory") + "\r\nmaxmemory_policy:" + config.get("maxmemory-policy")
                + "\r\n# Persistence\r\nloading:" + (loading ? 1 : 0) + "\r\n# Keyspace\r\n");
        databases.forEach((db, keys) -> {
            if (!keys.isEmpty()) {
                out.append("db").append(db).append(":keys=").append(keys.size()).append(",expires=")
                        .append(keys.values().stream().filter(Key::expires).count()).append(",avg_ttl=0\r\n");
            }
        });
        return out.toString();
    }

    @Override
    public synchronized Map<String, String> configGet(List<String> parameters) throws RedisFailure {
        sent("CONFIG GET " + String.join(" ", parameters));
        Map<String, String> out = new HashMap<>();
        parameters.stream().filter(config::containsKey).forEach(p -> out.put(p, config.get(p)));
        return out;
    }

    @Override
    public synchronized void configSet(String parameter, String value) throws RedisFailure {
        sent("CONFIG SET " + parameter + " " + value);
        if (configSetDenied) {
            throw new RedisFailure(FailureReason.PERMISSION, "NOPERM this user has no permissions to run the "
                    + "'config|set' command");
        }
        if (!config.containsKey(parameter)) {
            throw new RedisFailure(FailureReason.PROTOCOL, "ERR Unknown option or number of arguments for CONFIG "
                    + "SET - '" + parameter + "'");
        }
        if (!configSetIgnored) {
            config.put(parameter, value);
        }
    }

    @Override
    public void configRewrite() throws RedisFailure {
        sent("CONFIG REWRITE");
    }

    @Override
    public synchronized List<byte[]> randomKeys(int db, int count) throws RedisFailure {
        sent("RANDOMKEY x" + count + " db" + db);
        List<String> names = new ArrayList<>(databases.getOrDefault(db, Map.of()).keySet());
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count && !names.isEmpty(); i++) {
            out.add(names.get(random.nextInt(names.size())).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    // The cursor is an index into the names in their (insertion) order.
    @Override
    public synchronized ScanPage scan(int db, String cursor, int count) throws RedisFailure {
        sent("SCAN " + cursor + " db" + db);
        List<String> names = new ArrayList<>(databases.getOrDefault(db, Map.of()).keySet());
        int from = Integer.parseInt(cursor);
        int to = Math.min(names.size(), from + count);
        List<byte[]> out = new ArrayList<>();
        names.subList(from, to).forEach(n -> out.add(n.getBytes(StandardCharsets.UTF_8)));
        return new ScanPage(to >= names.size() ? "0" : Integer.toString(to), out);
    }

    @Override
    public synchronized List<KeyFacts> keyFacts(int db, List<byte[]> keys, int samples) throws RedisFailure {
        sent("MEMORY USAGE+PTTL x" + keys.size() + " db" + db);
        List<KeyFacts> out = new ArrayList<>();
        for (byte[] name : keys) {
            Key key = databases.getOrDefault(db, Map.of()).get(new String(name, StandardCharsets.UTF_8));
            out.add(key == null ? new KeyFacts(-1, -2) : new KeyFacts(key.bytes(), key.expires() ? 60_000 : -1));
        }
        return out;
    }

    @Override
    public ConnectionState connection() {
        return connection;
    }

    @Override
    public RedisAddress address() {
        return RedisAddress.parse("redis://127.0.0.1:6379");
    }

    private void sent(String command) throws RedisFailure {
        commands.add(command);
        RedisFailure f = failure;
        if (f != null) {
            throw new RedisFailure(f.reason(), f.getMessage());
        }
    }
}
