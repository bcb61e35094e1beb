package io.github.redissidecar.poll;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a blocking task on a worker thread at a fixed period, skipping a tick while the previous run is still
 * going: never two at once, never a queue of late runs. Vert.x timers, rather than a scheduler extension, keep
 * the classes loaded (and the memory they cost) to what the sidecar needs, and allow sub-second periods.
 */
public final class PeriodicTask {

    private PeriodicTask() {
    }

    public static void start(Vertx vertx, Duration initialDelay, Duration every, Runnable task) {
        AtomicBoolean running = new AtomicBoolean();
        vertx.setPeriodic(Math.max(1, initialDelay.toMillis()), every.toMillis(), id -> {
            if (running.compareAndSet(false, true)) {
                vertx.executeBlocking(() -> {
                    try {
                        task.run();
                    } finally {
                        running.set(false);
                    }
                    return null;
                }, false);
            }
        });
    }
}
