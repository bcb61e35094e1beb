package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.github.redissidecar.testing.ServerUnderTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A user that may read but not set the configuration: the sidecar falls back to reporting drift. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--user\nreader\non\n>reader-pw\n+ping\n+info\n+client|setname\n+config|get"),
    @ResourceArg(name = "sidecar.redis.user", value = "reader"),
    @ResourceArg(name = "sidecar.redis.password", value = "reader-pw"),
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "1s")})
@Tag(ServerUnderTest.MATRIX)
class AclWithoutConfigSetTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void driftIsReportedAndEnforcementIsUnavailable() throws Exception {
        Scrape s = Scrape.await(x -> x.has("redis_sidecar_config_reassert_failures_total{parameter=\"maxmemory\","
                + "reason=\"permission\"}"), Duration.ofSeconds(10));
        assertEquals(0, s.get("redis_sidecar_enforcement_available"));
        assertEquals(1, s.get("redis_sidecar_config_drift{parameter=\"maxmemory\"}"));
        Scrape later = Scrape.awaitPolls(3); // polls that would set it again if the sidecar retried on this connection
        assertEquals(1, later.get("redis_up"));
        assertEquals(1, later.get("redis_sidecar_config_reassert_failures_total{parameter=\"maxmemory\","
                + "reason=\"permission\"}"), "no second attempt on the same connection");
        assertEquals("0", redis.config("maxmemory"));
    }
}
