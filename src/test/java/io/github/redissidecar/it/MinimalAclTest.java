package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented minimal ACL, and nothing else, is enough for everything: polling, CLIENT SETNAME, settings. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--user\nsidecar\non\n>sidecar-pw\n-@all\n+ping\n+info\n+client|setname"
            + "\n+config|get\n+config|set"),
    @ResourceArg(name = "sidecar.redis.user", value = "sidecar"),
    @ResourceArg(name = "sidecar.redis.password", value = "sidecar-pw"),
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-policy allkeys-lru")})
class MinimalAclTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void keySamplingSwitchesItselfOffInOneLineWhenTheAclDeniesIt() throws Exception {
        Path log = Path.of("target/sidecar-test.log");
        long before = offLines(log);
        redis.call("SET", "session:123456", "v");
        Scrape s = Scrape.await(x -> x.get("redis_sidecar_keygroup_sampler_enabled") == 0, Duration.ofSeconds(10));
        Scrape.awaitPolls(3); // polls after the one that switched sampling off: none may log again
        assertEquals(before + 1, offLines(log), "one log line");
        assertEquals(0, Scrape.now().get("redis_sidecar_keygroup_samples_total"));
        assertEquals(0, s.get("redis_sidecar_poll_errors_total{reason=\"permission\"}"), "polls unaffected");
        String status = given().get("/status").then().statusCode(200).extract().asString();
        assertTrue(status.contains("off: the ACL denies"), status);
    }

    private static long offLines(Path log) throws Exception {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("Key sampling is off"))
                .count() : 0;
    }

    @Test
    void fullFunctionWithTheMinimalAcl() throws Exception {
        Scrape s = Scrape.awaitUpWithoutAuthErrors();
        Eventually.within(Duration.ofSeconds(10), "settings applied",
                () -> "67108864".equals(redis.config("maxmemory")));
        s = Scrape.await(x -> x.has("redis_sidecar_enforcement_available"), Duration.ofSeconds(5));
        assertEquals(1, s.get("redis_sidecar_enforcement_available"));
        assertEquals(0, s.get("redis_sidecar_poll_errors_total{reason=\"permission\"}"));
        assertEquals(1, redis.call("CLIENT", "LIST").lines().filter(l -> l.contains("name=redis-memory-sidecar")
                && l.contains("user=sidecar")).count(), "named, as the ACL user");
    }
}
