package io.github.redissidecar.container;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.memory.EcsTaskMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ECS task the sidecar runs in, when it does: its {@code /task} document (cluster and family, for the EMF
 * dimensions) and the memory the kernel counts for Redis's container ({@code /task/stats}), read when asked and
 * reused for a few seconds. A slow metadata endpoint costs a scrape at most {@link #WAIT_MILLIS}: past it the
 * previous reading is served, and the request goes on for the next scrape.
 */
@Singleton
public class EcsTask {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long WAIT_MILLIS = 300;

    private final String uri;
    private final String redisContainer;
    private volatile OptionalLong used = OptionalLong.empty();
    private volatile long readAtNanos = System.nanoTime() - 2 * FRESH_NANOS;
    private volatile CompletableFuture<OptionalLong> reading;

    @Inject
    EcsTask(SidecarConfig config) {
        this(System.getenv(EcsTaskMetadataEndpoint.ENV), config.cloudwatch().ecsRedisContainer());
    }

    EcsTask(String uri, String redisContainer) {
        this.uri = uri == null || uri.isBlank() ? null : uri;
        this.redisContainer = redisContainer;
    }

    /** The task document, empty off ECS or when the endpoint does not answer. */
    public Optional<String> task() {
        return uri == null ? Optional.empty() : EcsTaskMetadataEndpoint.document(uri, "/task");
    }

    /** Redis's container's memory as the kernel counts it; empty off ECS or when the endpoint does not say. */
    public OptionalLong redisMemoryUsed() {
        if (uri == null) {
            return OptionalLong.empty();
        }
        CompletableFuture<OptionalLong> pending = reading;
        if (pending == null && System.nanoTime() - readAtNanos > FRESH_NANOS) {
            pending = read();
        }
        if (pending != null) {
            try {
                pending.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                return used;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return used;
    }

    // Both documents each time: a restarted Redis container has a new Docker id.
    private synchronized CompletableFuture<OptionalLong> read() {
        if (reading != null) {
            return reading;
        }
        CompletableFuture<Optional<String>> task = EcsTaskMetadataEndpoint.fetch(uri, "/task");
        CompletableFuture<Optional<String>> stats = EcsTaskMetadataEndpoint.fetch(uri, "/task/stats");
        CompletableFuture<OptionalLong> next = task.thenCombine(stats, (t, s) -> t.isPresent() && s.isPresent()
                ? EcsTaskMetadata.containerMemoryUsed(t.get(), s.get(), redisContainer) : OptionalLong.empty());
        CompletableFuture<OptionalLong> done = next.whenComplete((value, error) -> finished(value));
        // It may have completed already, in this thread, before there was anything to clear.
        reading = done.isDone() ? null : done;
        return done;
    }

    private synchronized void finished(OptionalLong value) {
        used = value == null ? OptionalLong.empty() : value;
        readAtNanos = System.nanoTime();
        reading = null;
    }
}
