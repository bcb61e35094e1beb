package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Redis with AOF and data is restarted without --appendonly yes, so it boots empty. Turning AOF on now would
 * rewrite the empty dataset over the files on disk; the sidecar must not, and the data must come back when Redis
 * is started correctly again.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--appendonly|yes|--appendfsync|always"),
    @ResourceArg(name = "sidecar.settings", value = "appendonly yes\nmaxmemory-policy allkeys-lru"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "1s")})
class AppendonlyBootOnlyTest {

    private static final String BLOCKED =
            "redis_sidecar_enforcement_blocked{parameter=\"appendonly\",reason=\"boot_only\"}";

    @InjectRedis
    RedisServer redis;

    @Test
    void appendonlyIsNotTurnedOnOverAnEmptyDatasetAndTheAofSurvives() throws Exception {
        Scrape.await(s -> s.has("redis_sidecar_config_drift{parameter=\"appendonly\"}"), Duration.ofSeconds(10));
        for (int i = 0; i < 100; i++) {
            redis.call("SET", "key:" + i, "value-" + i);
        }
        Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(20), "no AOF rewrite running",
                () -> redis.infoField("persistence", "aof_rewrite_in_progress") == 0
                        && redis.infoField("persistence", "aof_rewrite_scheduled") == 0);
        Map<String, String> aofBefore = fingerprint(redis.dir().resolve("appendonlydir"));

        redis.restartWith("--appendonly", "no");
        Scrape blocked = Scrape.await(s -> s.has(BLOCKED) && s.get("redis_sidecar_restarts_detected_total") >= 1,
                Duration.ofSeconds(5));
        assertEquals(1, blocked.get("redis_sidecar_config_drift{parameter=\"appendonly\"}"));
        long checks = redis.calls("config|get");
        Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(100), "two more drift checks",
                () -> redis.calls("config|get") >= checks + 2);
        assertEquals("no", redis.config("appendonly"));
        assertEquals("allkeys-lru", redis.config("maxmemory-policy"), "the other settings are restored");
        assertEquals(aofBefore, fingerprint(redis.dir().resolve("appendonlydir")), "AOF files on disk untouched");

        redis.restartWith("--appendonly", "yes");
        assertEquals("100", redis.call("DBSIZE"), "every key back from the AOF");
        Scrape.await(s -> !s.has(BLOCKED), Duration.ofSeconds(5));
    }

    private static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> out.put(f.getFileName().toString(), sha256(f)));
        }
        return out;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
