package io.github.redissidecar.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A server binary (prometheus, alertmanager) run for one test, its output in a file, stopped on close. */
public final class BackgroundProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String name;

    private BackgroundProcess(Process process, Path log, String name) {
        this.process = process;
        this.log = log;
        this.name = name;
    }

    public static BackgroundProcess start(Path dir, String... command) throws IOException {
        Path log = dir.resolve(Path.of(command[0]).getFileName() + ".log");
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new BackgroundProcess(p, log, command[0]);
    }

    /** Waits until {@code url} answers 200; fails with the process's output otherwise. */
    public BackgroundProcess awaitReady(String url, Duration timeout) throws Exception {
        try {
            Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(100)).pollInSameThread()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited:\n" + output());
                        }
                        return answers(url);
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + output());
        }
        return this;
    }

    private static boolean answers(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            return c.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
