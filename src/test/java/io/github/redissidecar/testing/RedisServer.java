package io.github.redissidecar.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real redis-server process on a free 127.0.0.1 port, in its own temp directory. Can be killed, restarted on the
 * same port, frozen with SIGSTOP and thawed. Tests must {@link #close()} what they start.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private List<String> args;
    private String password;
    private Process process;

    public RedisServer(String... args) throws IOException {
        this.port = freePort();
        this.dir = Files.createTempDirectory("redis-test-");
        this.args = List.of(args);
        this.password = passwordIn(this.args);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public RedisServer start() throws IOException {
        boolean tls = args.contains("--tls-port");
        List<String> cmd = new ArrayList<>(List.of(ServerUnderTest.binary(), "--port", tls ? "0" : Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "", "--appendonly", "no",
                "--logfile", dir.resolve("redis.log").toString()));
        List<String> expanded = args.stream().map(a -> a.replace("{port}", Integer.toString(port))
                .replace("{dir}", dir.toString())).toList();
        if (!expanded.isEmpty() && expanded.get(0).endsWith(".conf")) {
            // redis-server takes its config file as the first argument only.
            Path conf = Path.of(expanded.get(0));
            if (!Files.exists(conf)) {
                Files.writeString(conf, "# written by the test\n");
            }
            cmd.add(1, conf.toString());
            expanded = expanded.subList(1, expanded.size());
        }
        cmd.addAll(expanded);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        awaitReady(Duration.ofSeconds(10));
        return this;
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Sets the password the test's own client uses (after CONFIG SET requirepass, for instance). */
    public void password(String password) {
        this.password = password;
    }

    /** A client of the test's own, authenticated when the server has a password. */
    public RespClient client() throws IOException {
        RespClient c = new RespClient(port);
        if (password != null) {
            c.call("AUTH", password);
        }
        return c;
    }

    public String call(String... command) throws IOException {
        try (RespClient c = client()) {
            return c.text(command);
        }
    }

    /** kill -9, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public RedisServer restart() throws IOException, InterruptedException {
        kill();
        return start();
    }

    /** kill -9, then start on the same port and directory with other arguments. */
    public RedisServer restartWith(String... newArgs) throws IOException, InterruptedException {
        kill();
        args = List.of(newArgs);
        return start();
    }

    /** SHUTDOWN NOSAVE (a clean stop that writes no RDB), and wait until the process is gone. */
    public void shutdownNoSave() throws IOException, InterruptedException {
        try (RespClient c = client()) {
            c.call("SHUTDOWN", "NOSAVE");
        } catch (IOException expected) {
            // The server closes the connection instead of answering.
        }
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("redis-server did not stop after SHUTDOWN NOSAVE");
        }
    }

    /** The value of one parameter, read with the test's own client. */
    public String config(String parameter) throws IOException {
        try (RespClient c = client()) {
            List<?> pair = (List<?>) c.call("CONFIG", "GET", parameter);
            return pair.size() == 2 ? String.valueOf(pair.get(1)) : null;
        }
    }

    /**
     * How many times Redis ran {@code command} (as INFO commandstats names it, e.g. {@code config|get}) since it
     * started or since CONFIG RESETSTAT; not for {@code info}, which this reading itself adds to.
     */
    public long calls(String command) throws IOException {
        String stats = call("INFO", "commandstats");
        String key = "cmdstat_" + command + ":calls=";
        int at = stats.indexOf(key);
        return at < 0 ? 0 : Long.parseLong(stats.substring(at + key.length()).split(",")[0]);
    }

    /** A field of INFO, e.g. {@code total_error_replies} of {@code stats}. */
    public long infoField(String section, String field) throws IOException {
        return call("INFO", section).lines().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.substring(field.length() + 1).strip())).findFirst().orElse(0L);
    }

    /** The {@code errorstat_*} lines of INFO errorstats: the error replies Redis counted since it started. */
    public List<String> errorReplies() throws IOException {
        return call("INFO", "errorstats").lines().filter(l -> l.startsWith("errorstat_")).toList();
    }

    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    }

    private void awaitReady(Duration timeout) throws IOException {
        if (args.contains("--tls-port")) {
            Path log = dir.resolve("redis.log");
            await("redis-server logs that it is ready; see " + log, timeout, () -> Files.exists(log)
                    && Files.readString(log).contains("Ready to accept connections"));
            return;
        }
        await("redis-server on port " + port + " answers; see " + dir.resolve("redis.log"), timeout, this::answers);
    }

    // INFO, not PING: Redis answers INFO while it loads, where PING would be refused with LOADING and counted in
    // errorstats, which the server-matrix tests require to stay empty of anything but the sidecar's own errors.
    private boolean answers() {
        try (RespClient c = client()) {
            List<String> persistence = c.text("INFO", "persistence").lines().toList();
            // A Sentinel has no persistence section; "loading:0", not "async_loading:0".
            return persistence.contains("loading:0") || persistence.stream().noneMatch(l -> l.startsWith("loading:"));
        } catch (IOException e) {
            // An error reply is an answer: ready, just not for our (default) user. LOADING is not ready.
            return e.getMessage() != null && e.getMessage().startsWith("Redis error")
                    && !e.getMessage().contains("LOADING");
        }
    }

    private static void await(String what, Duration timeout, Callable<Boolean> condition) throws IOException {
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .pollInSameThread().until(condition);
        } catch (ConditionTimeoutException e) {
            throw new IOException("not within " + timeout + ": " + what);
        }
    }

    private static String passwordIn(List<String> args) {
        int i = args.indexOf("--requirepass");
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            thawQuietly();
            kill();
        }
    }

    private void thawQuietly() {
        try {
            thaw();
        } catch (IOException | InterruptedException e) {
            // Already gone.
        }
    }
}
