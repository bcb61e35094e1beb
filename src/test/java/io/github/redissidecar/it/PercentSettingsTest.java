package io.github.redissidecar.it;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** maxmemory as a percentage of the container limit, from a settings file. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.container-memory-limit", value = "200mb"),
    @ResourceArg(name = "sidecar.settings-file", value = "{dir}/settings.conf"),
    @ResourceArg(name = "settings-file-content", value = "# seed style\nmaxmemory 32%\nmaxmemory-policy volatile-lru")})
class PercentSettingsTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void thirtyTwoPercentOf200MbIs64Mb() throws Exception {
        Eventually.within(Duration.ofSeconds(10), "maxmemory 32% of 200mb",
                () -> "67108864".equals(redis.config("maxmemory"))
                        && "volatile-lru".equals(redis.config("maxmemory-policy")));
    }
}
