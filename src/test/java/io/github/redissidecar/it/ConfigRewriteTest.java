package io.github.redissidecar.it;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Opt-in CONFIG REWRITE: a Redis started with a config file gets the settings written into it. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "{dir}/redis.conf"),
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb"),
    @ResourceArg(name = "sidecar.config-rewrite", value = "true")})
class ConfigRewriteTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void theConfigFileHoldsTheSettingAfterASet() throws Exception {
        Eventually.within(Duration.ofSeconds(10), "maxmemory in redis.conf",
                () -> Files.readString(redis.dir().resolve("redis.conf")).contains("maxmemory 64mb"));
    }
}
