package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.Pipeline;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The seeds' two Redis in one, at the default sampling settings and the seeds' allkeys-lru: db0 is Celery's (a
 * queue of 2,000 waiting tasks in the list {@code celery}, kombu's binding set, 20,000 results without
 * result_expires), db1 is seed 000's Django (KEY_PREFIX vimbiso: cache keys and cached sessions, with TTLs). Within
 * two minutes /status says, in words, that queued tasks and sessions can be evicted and that results never expire.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.settings", value = "maxmemory-policy allkeys-lru")})
class FrameworkDoctorStatusTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void aCeleryAndADjangoDatasetGetTheirFindingsInStatus() throws Exception {
        Random random = new Random(28);
        try (Pipeline p = new Pipeline(redis.port())) {
            for (int i = 0; i < 2_000; i++) {
                p.send("LPUSH", "celery", "{\"body\": \"" + "t".repeat(400 + random.nextInt(400))
                        + "\", \"headers\": {\"task\": \"app.tasks.send\"}}");
            }
            p.send("SADD", "_kombu.binding.celery", "celery\u0006\u0016\u0006\u0016celery");
            for (int i = 0; i < 20_000; i++) {
                p.send("SET", "celery-task-meta-" + new UUID(random.nextLong(), random.nextLong()),
                        "{\"status\": \"SUCCESS\", \"result\": \"" + "r".repeat(200 + random.nextInt(300)) + "\"}");
            }
            p.sync();
            p.send("SELECT", "1");
            for (int i = 0; i < 15_000; i++) {
                p.send("SET", "vimbiso:1:" + String.format("%016x", random.nextLong()), "c".repeat(100 + random
                        .nextInt(200)), "EX", "3600");
            }
            for (int i = 0; i < 5_000; i++) {
                p.send("SET", "vimbiso:1:django.contrib.sessions.cache" + String.format("%032x", random.nextLong()),
                        "s".repeat(300), "EX", "1209600");
            }
            p.send("SELECT", "0").sync();
        }
        List<String> expected = List.of(
                "Celery's broker (queued tasks) (celery, _kombu.binding.celery, about",
                "maxmemory-policy allkeys-lru can evict them: when memory fills, queued tasks vanish",
                "Celery results (celery-task-meta-*, about",
                "Django sessions (vimbiso:1:django.contrib.sessions.*, about",
                "when memory fills, users are logged out");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Scrape.now();
            String problems = String.valueOf(given().get("/status").then().extract().<List<String>>path("problems"));
            return expected.stream().allMatch(problems::contains);
        });
        String problems = String.valueOf(given().get("/status").then().extract().<List<String>>path("problems"));
        System.out.println("doctor, Celery and Django: " + problems);
        Scrape s = Scrape.now();
        for (String finding : List.of("celery_queue_evictable", "sessions_evictable", "celery_results_never_expire")) {
            org.junit.jupiter.api.Assertions.assertEquals(1, s.get("redis_sidecar_memory_doctor_finding{finding=\""
                    + finding + "\"}"), finding);
        }
        org.junit.jupiter.api.Assertions.assertEquals(0, s.get(
                "redis_sidecar_memory_doctor_finding{finding=\"cache_under_noeviction\"}"));
        // The exact scan names keys: without a token (this sidecar has none) its endpoint refuses, in one line.
        given().post("/keys/scan").then().statusCode(403).body("error", org.hamcrest.Matchers.startsWith(
                "The exact scan names keys, so it needs the endpoints protected"));
    }
}
