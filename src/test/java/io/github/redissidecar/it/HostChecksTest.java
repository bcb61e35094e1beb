package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Host checks read fixture files in place of /proc and /sys, export them and log the fix once. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.host.overcommit-memory-file", value = "src/test/resources/host/overcommit_memory"),
    @ResourceArg(name = "sidecar.host.transparent-hugepage-file", value = "src/test/resources/host/thp_always"),
    @ResourceArg(name = "sidecar.host.name", value = "node-7")})
class HostChecksTest {

    @Test
    void exportsTheHostSettingsAndLogsTheFix() throws Exception {
        Scrape s = Scrape.now();
        assertEquals(0, s.get("redis_sidecar_host_overcommit_memory{host=\"node-7\"}"));
        assertEquals(1, s.get("redis_sidecar_host_transparent_hugepage{host=\"node-7\",mode=\"always\"}"));
        assertEquals(0, s.get("redis_sidecar_host_transparent_hugepage{host=\"node-7\",mode=\"never\"}"));
        String log = Files.readString(Path.of("target/sidecar-test.log"));
        assertTrue(log.contains("sysctl -w vm.overcommit_memory=1"), log);
        assertTrue(log.contains("echo madvise > /sys/kernel/mm/transparent_hugepage/enabled"), log);
    }
}
