package io.github.redissidecar.config;

import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * CloudWatch Embedded Metric Format on stdout, for ECS: the awslogs driver ships the lines and CloudWatch Logs
 * extracts the metrics, so the sidecar needs no AWS credentials, SDK or network access.
 */
public interface CloudWatchConfig {
    /** Write EMF documents to stdout. */
    @WithDefault("false")
    @WithConverter(StrictBoolean.class)
    boolean emf();

    /** How often: each interval polls Redis once and writes its documents (CloudWatch's resolution is 60 s). */
    @WithDefault("60s")
    Duration emfInterval();

    /** The CloudWatch namespace of the metrics. */
    @WithDefault("RedisMemorySidecar")
    String namespace();

    /**
     * The {@code RedisName} dimension: which Redis of the task this is ({@code cache}, {@code state}), so that two
     * Redis in one task family have their own metrics and alarms.
     */
    @WithDefault("redis")
    String redisName();

    /** Key groups written as {@code KeyGroupMemory} (the largest, by estimated bytes); 0 writes none. */
    @WithDefault("5")
    int keyGroups();

    /**
     * The name of Redis's container in the ECS task, whose memory usage the task metadata's {@code /task/stats}
     * reports ({@code redis_sidecar_container_memory_usage_bytes}, {@code ContainerMemoryUsed}).
     */
    @WithDefault("redis")
    String ecsRedisContainer();
}
