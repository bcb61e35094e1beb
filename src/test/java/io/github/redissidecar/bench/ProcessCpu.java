package io.github.redissidecar.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time a process spends over a window, in total and by thread, from the kernel's per-thread run time
 * ({@code /proc/<pid>/task/<tid>/schedstat}, nanoseconds; {@code /proc/<pid>/stat} counts 10 ms ticks, too coarse
 * for a sidecar that spends tens of milliseconds a minute). Read every second, so that a thread that ends in the
 * window (an idle worker thread retired) loses at most a second of its time.
 */
final class ProcessCpu implements AutoCloseable {

    private final long pid;
    private final Map<String, Long> first = new HashMap<>();
    private final Map<String, Long> last = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    private ProcessCpu(long pid) throws IOException {
        this.pid = pid;
        read(true);
        sampler.scheduleAtFixedRate(() -> {
            try {
                read(false);
            } catch (IOException gone) {
                // The process ended: the last reading stands.
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    static ProcessCpu watch(long pid) throws IOException {
        return new ProcessCpu(pid);
    }

    private synchronized void read(boolean start) throws IOException {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String tid = task.getFileName().toString();
                try {
                    long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    if (start) {
                        first.put(tid, nanos);
                    }
                    last.put(tid, nanos);
                    names.putIfAbsent(tid, Files.readString(task.resolve("comm")).strip());
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between the listing and the read.
                }
            }
        }
    }

    /** Stops sampling, after a last reading. */
    @Override
    public void close() throws Exception {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        read(false);
    }

    synchronized double totalMillis() {
        return byThread().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Milliseconds by thread, threads of one pool (names that differ by a number) together. */
    synchronized Map<String, Double> byThread() {
        Map<String, Double> out = new TreeMap<>();
        last.forEach((tid, nanos) -> out.merge(names.get(tid).replaceAll("[-_ ]?\\d+$", ""),
                (nanos - first.getOrDefault(tid, 0L)) / 1e6, Double::sum));
        return out;
    }

    /** The largest {@code n} by-thread figures, per minute of {@code windowSeconds}, largest first. */
    synchronized Map<String, Double> topPerMinute(int n, double windowSeconds) {
        Map<String, Double> out = new LinkedHashMap<>();
        byThread().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue() * 60 / windowSeconds));
        return out;
    }
}
