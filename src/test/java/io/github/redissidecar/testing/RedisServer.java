package io.github.redissidecar.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", tls ? "0" : Integer.toString(port),
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
            awaitLog("Ready to accept connections", timeout);
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (RespClient c = client()) {
                if ("PONG".equals(c.text("PING"))) {
                    return;
                }
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("Redis error")
                        && !e.getMessage().contains("LOADING")) {
                    return; // It answered: ready, just not for our (default) user.
                }
                sleep(5);
            }
        }
        throw new IOException("redis-server on port " + port + " did not start; see " + dir.resolve("redis.log"));
    }

    private void awaitLog(String line, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = dir.resolve("redis.log");
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            sleep(20);
        }
        throw new IOException("redis-server did not log '" + line + "'; see " + log);
    }

    private static String passwordIn(List<String> args) {
        int i = args.indexOf("--requirepass");
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
