package io.github.redissidecar.container;

import io.github.redissidecar.memory.EcsTaskMetadata;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Fetches {@code ${ECS_CONTAINER_METADATA_URI_V4}/task} once at startup. ECS sets that variable in every container
 * of a task (Fargate platform 1.4+, EC2 agent 1.39+); its absence means "not on ECS".
 */
public final class EcsTaskMetadataEndpoint {

    public static final String ENV = "ECS_CONTAINER_METADATA_URI_V4";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private EcsTaskMetadataEndpoint() {
    }

    /** The task memory limit in bytes; empty when the endpoint is not set, does not answer or has no limit. */
    public static OptionalLong taskMemoryLimit(String metadataUri) {
        if (metadataUri == null || metadataUri.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(metadataUri.strip().replaceFirst("/+$", "")
                    + "/task")).timeout(TIMEOUT).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? EcsTaskMetadata.taskMemoryLimit(response.body()) : OptionalLong.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
