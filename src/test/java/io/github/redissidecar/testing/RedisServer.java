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
    private final List<String> args;
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
        cmd.addAll(args.stream().map(a -> a.replace("{port}", Integer.toString(port))
                .replace("{dir}", dir.toString())).toList());
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
                if (e.getMessage() != null && e.getMessage().startsWith("Redis error")) {
                    return; // It answered: ready, just not for our (default) user.
                }
                sleep(20);
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
