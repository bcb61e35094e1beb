package io.github.redissidecar.memory;

import java.util.OptionalLong;

/**
 * What Redis holds for replication, and what it holds outside maxmemory. A master keeps a backlog once a replica has
 * connected, and an output buffer per replica (up to {@code client-output-buffer-limit replica}, 256 MB by default,
 * during a full sync); Redis does not count replica and AOF buffers against maxmemory when it decides to evict
 * ({@code mem_not_counted_for_evict}), so its memory can exceed maxmemory by that much, and the container must hold it.
 *
 * @param replicationBytes backlog and replica output buffers now ({@code mem_total_replication_buffers}, or
 *     {@code mem_replication_backlog} plus {@code mem_clients_slaves} where the server reports no total)
 * @param notCountedBytes {@code mem_not_counted_for_evict}
 */
public record ReplicationMemory(long replicationBytes, long notCountedBytes) {

    public static ReplicationMemory of(OptionalLong total, long backlog, long replicaBuffers, long notCounted) {
        // Since Redis 7.0 the backlog and the replicas share one buffer: the sum would count it twice.
        return new ReplicationMemory(total.orElse(backlog + replicaBuffers), notCounted);
    }

    /**
     * How far maxmemory plus what is not counted against it goes beyond the container limit, in bytes; empty when it
     * fits, when either limit is unknown, or when there is no maxmemory (that is {@link MemoryLimits#unbounded()}).
     */
    public OptionalLong overContainer(long maxmemory, OptionalLong containerLimit) {
        if (maxmemory <= 0 || containerLimit.isEmpty() || notCountedBytes <= 0) {
            return OptionalLong.empty();
        }
        long over = maxmemory + notCountedBytes - containerLimit.getAsLong();
        return over > 0 ? OptionalLong.of(over) : OptionalLong.empty();
    }
}
