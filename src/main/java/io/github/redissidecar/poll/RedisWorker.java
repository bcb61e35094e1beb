package io.github.redissidecar.poll;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that talks to Redis: polls, settings checks, CONFIG SET and key sampling run here, one at a time,
 * in the order they were asked for. There is one connection, so one thread is all the concurrency Redis work can
 * have: nothing around it needs a lock, and a slow command delays the next one instead of overlapping it. The
 * timers of Redis work (the floor poll, the drift check, a retry while Redis loads) fire here too.
 */
public final class RedisWorker {

    private static final System.Logger LOG = System.getLogger(RedisWorker.class.getName());

    private final ScheduledThreadPoolExecutor executor;

    public RedisWorker() {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "redis-io");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs {@code task} on the Redis thread after what is already queued; nothing once the sidecar stops. */
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException stopped) {
            // Shutting down: no more Redis work.
        }
    }

    /** Runs {@code task} once on the Redis thread after {@code delay}. */
    public void schedule(Runnable task, Duration delay) {
        later(task, delay);
    }

    /** A task for the Redis thread whose time can be moved. */
    public Deadline deadline(Runnable task) {
        return new Deadline(task);
    }

    private ScheduledFuture<?> later(Runnable task, Duration delay) {
        try {
            return executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            return null;
        }
    }

    /**
     * One task at a time that moves: the floor poll moves with every poll, the drift check with every look at the
     * settings. quarkus-scheduler's triggers fire at fixed times, so these are timers of the Redis thread.
     */
    public final class Deadline {

        private final Runnable task;
        private ScheduledFuture<?> next;

        private Deadline(Runnable task) {
            this.task = task;
        }

        /** Runs the task {@code delay} from now, instead of when it was due before. */
        public synchronized void in(Duration delay) {
            cancel();
            next = later(task, delay);
        }

        /** Takes the task back, if it is due. */
        public synchronized void cancel() {
            if (next != null) {
                next.cancel(false);
                next = null;
            }
        }
    }

    /** Stops the thread: what is queued or scheduled is dropped. */
    public void stop() {
        executor.shutdownNow();
    }

    // A task that throws must not end the thread's work for the others, nor vanish without a word.
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Redis work failed", e);
            }
        };
    }
}
