package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.Pipeline;
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

/**
 * The README's minimal ACL plus what sampling additionally needs (+randomkey +memory|usage +pttl +select and
 * read access to keys) is enough for the sampler, in a database other than 0; and the sidecar's connection stays in
 * database 0 between sampling batches, where everything else it sends expects to run.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--user\nsidecar\non\n>sidecar-pw\n-@all\n+ping\n+info\n+client|setname"
            + "\n+config|get\n+config|set\n+randomkey\n+memory|usage\n+pttl\n+select\n%R~*"),
    @ResourceArg(name = "sidecar.redis.user", value = "sidecar"),
    @ResourceArg(name = "sidecar.redis.password", value = "sidecar-pw"),
    @ResourceArg(name = "sidecar.keys.samples-per-minute", value = "60000"),
    @ResourceArg(name = "sidecar.keys.batch", value = "1000"),
    @ResourceArg(name = "sidecar.poll.interval", value = "1s")})
@Tag(ServerUnderTest.MATRIX)
class KeySamplerAclTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void samplesDatabaseThreeWithTheDocumentedAclAndLeavesTheConnectionInDatabaseZero() throws Exception {
        try (Pipeline p = new Pipeline(redis.port())) {
            p.send("SELECT", "3");
            for (int i = 0; i < 2000; i++) {
                p.send("SET", "job:" + (100_000 + i), "x".repeat(100));
            }
            p.sync();
        }
        Scrape s = Scrape.await(x -> x.get("redis_sidecar_keygroup_window_samples{db=\"db3\"}") == 1000,
                Duration.ofSeconds(20));
        assertEquals(1, s.get("redis_sidecar_keygroup_sampler_enabled"));
        assertTrue(s.get("redis_sidecar_keygroup_keys{db=\"db3\",group=\"job:*\"}") == 2000, s.text());
        assertTrue(!s.text().contains("redis_sidecar_keygroup_sampler_errors_total{"), "no sampling error");
        // 1,000 keys a second are sampled in db3: CLIENT LIST must never catch the connection outside db 0, for as
        // long as two more batches take.
        double before = s.get("redis_sidecar_keygroup_samples_total");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Scrape.now().get("redis_sidecar_keygroup_samples_total") < before + 2000) {
            assertTrue(System.nanoTime() < deadline, "two more batches within 15 s");
            for (int look = 0; look < 50; look++) {
                String sidecar = redis.call("CLIENT", "LIST").lines()
                        .filter(l -> l.contains("name=redis-memory-sidecar")).findFirst().orElseThrow();
                assertTrue(sidecar.contains(" db=0 "), sidecar);
            }
        }
    }
}
