package io.github.redissidecar.container;

import io.github.redissidecar.memory.EcsTaskMetadata;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Reads {@code ${ECS_CONTAINER_METADATA_URI_V4}/task} and {@code /task/stats}. ECS sets that variable in every
 * container of a task (Fargate platform 1.4+, EC2 agent 1.39+); its absence means "not on ECS".
 */
public final class EcsTaskMetadataEndpoint {

    public static final String ENV = "ECS_CONTAINER_METADATA_URI_V4";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private EcsTaskMetadataEndpoint() {
    }

    /** The task memory limit in bytes; empty when the endpoint is not set, does not answer or has no limit. */
    public static OptionalLong taskMemoryLimit(String metadataUri) {
        return document(metadataUri, "/task").map(EcsTaskMetadata::taskMemoryLimit).orElse(OptionalLong.empty());
    }

    /** The body of {@code <uri><path>}, empty when the endpoint is not set, does not answer or answers an error. */
    public static Optional<String> document(String metadataUri, String path) {
        try {
            return fetch(metadataUri, path).join();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@link #document}, without waiting for it. */
    public static CompletableFuture<Optional<String>> fetch(String metadataUri, String path) {
        if (metadataUri == null || metadataUri.isBlank()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(metadataUri.strip().replaceFirst("/+$", "")
                    + path)).timeout(TIMEOUT).GET().build();
            return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> r.statusCode() == 200 ? Optional.of(r.body()) : Optional.<String>empty())
                    .exceptionally(e -> Optional.empty());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }
}
