package io.github.redissidecar.http;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The JSON of {@code GET /status} (schema in README.md): what the sidecar sees and does, then what is wrong in
 * words. Unknown values are null. Registered for reflection so that Jackson can write it in the native image.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatusDocument(Redis redis, Memory memory, Polling polling, Settings settings, KeyGroups keyGroups,
        List<String> problems) {

    /**
     * The key sampler: {@code state} is {@code warming up}, {@code sampling}, {@code paused: <why>} or
     * {@code off: <why>}; {@code top} lists the largest groups, one line each with their uncertainty and TTL share in
     * words. {@code exactScan} is the last exact scan (POST /keys/scan) in one line, {@code exactTop} its largest
     * groups (labels only: the key names are on /keys/scan, behind authentication); both null before the first.
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record KeyGroups(String state, long samplesTaken, int windowSize, String lastError, List<String> top,
            String exactScan, List<String> exactTop) {
    }

    /**
     * The Redis watched, as the last poll saw it: {@code server} is {@code redis} or {@code valkey}, {@code version}
     * its own version, {@code mode} standalone, sentinel or cluster, {@code role} master or slave.
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Redis(String address, boolean up, String error, String lastSuccessfulPoll, String server,
            String version, String mode, String role, String runId, Long uptimeSeconds, String configFile,
            long restartsDetected) {
    }

    /**
     * Its memory and limits. {@code replicationBytes}: the backlog and replica output buffers now;
     * {@code notCountedForEvictionBytes}: replica and AOF buffers, which Redis holds on top of maxmemory.
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Memory(Long containerLimitBytes, Long maxmemoryBytes, String maxmemoryPolicy,
            Long effectiveLimitBytes, Long usedMemoryBytes, Double usageRatio, Boolean unbounded,
            Long replicationBytes, Long notCountedForEvictionBytes) {
    }

    /**
     * When the sidecar polls: at each scrape and /status request, at least every {@code floorSeconds};
     * {@code dataAgeSeconds} is the age of the poll this document shows; {@code staleScrapes} counts the scrapes
     * served an older poll because theirs did not come back in time.
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Polling(long floorSeconds, Double dataAgeSeconds, long staleScrapes) {
    }

    /** The declared settings and what became of them. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Settings(String mode, boolean available, String unavailableReason, String lastReassert,
            Boolean lastRestartSettingsRestored, Double lastRestartUnprotectedSeconds, List<Parameter> parameters) {
    }

    /** One declared parameter. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Parameter(String parameter, String desired, String written, String origin, String actual,
            boolean drift, String lastAction, String blockedReason) {
    }
}
