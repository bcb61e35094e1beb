package io.github.redissidecar.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReplicationMemoryTest {

    private static final long MIB = 1L << 20;

    @Test
    void theTotalWhereTheServerReportsOneElseBacklogPlusReplicaBuffers() {
        // Redis 7.0's master fixture: the shared replication buffer is larger than backlog + replica clients.
        assertEquals(1_086_712, ReplicationMemory.of(OptionalLong.of(1_086_712), 1_048_592, 38_136, 0)
                .replicationBytes());
        // Redis 6.2 reports no total.
        assertEquals(1_086_728, ReplicationMemory.of(OptionalLong.empty(), 1_048_592, 38_136, 0).replicationBytes());
    }

    @Test
    void buffersOnTopOfMaxmemoryThatOutgrowTheContainerAreTold() {
        ReplicationMemory syncing = new ReplicationMemory(300 * MIB, 256 * MIB);
        assertEquals(OptionalLong.of(64 * MIB), syncing.overContainer(832 * MIB, OptionalLong.of(1024 * MIB)));
        assertEquals(OptionalLong.empty(), syncing.overContainer(512 * MIB, OptionalLong.of(1024 * MIB)));
        assertEquals(OptionalLong.empty(), syncing.overContainer(0, OptionalLong.of(1024 * MIB)), "no maxmemory: "
                + "RedisMemoryUnbounded's business");
        assertEquals(OptionalLong.empty(), syncing.overContainer(832 * MIB, OptionalLong.empty()));
    }
}
