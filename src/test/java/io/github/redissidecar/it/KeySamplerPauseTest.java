package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.RespClient;
import io.github.redissidecar.testing.Scrape;
import io.github.redissidecar.testing.ServerUnderTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sampler steps out of Redis's way: while Redis loads its dataset (DEBUG RELOAD, same server life, slowed to
 * seconds) it sends nothing that would be refused with LOADING, and while Redis answers the poll slower than
 * SIDECAR_KEYS_MAX_LATENCY (CLIENT PAUSE) it draws no key; /status and the paused series say why, and sampling
 * resumes by itself.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--enable-debug-command|yes"),
    @ResourceArg(name = "populate", value = "40000:20"),
    @ResourceArg(name = "sidecar.keys.samples-per-minute", value = "6000"),
    @ResourceArg(name = "sidecar.keys.batch", value = "10"),
    @ResourceArg(name = "sidecar.keys.max-latency", value = "100ms"),
    @ResourceArg(name = "sidecar.poll.interval", value = "1s"),
    // The steady sampler's pauses, poll by poll: the warm-up's timer would sample between the polls this test
    // counts (its own pauses are KeySamplerWarmUpTest's).
    @ResourceArg(name = "sidecar.keys.warm-up-percent", value = "0")})
@Tag(ServerUnderTest.MATRIX)
class KeySamplerPauseTest {

    private static final String PAUSED = "redis_sidecar_keygroup_sampler_paused";
    private static final String TAKEN = "redis_sidecar_keygroup_samples_total";
    private static final String LOADING_ERRORS = "redis_sidecar_keygroup_sampler_errors_total{reason=\"loading\"}";

    @InjectRedis
    RedisServer redis;

    @Test
    void waitsWhileRedisLoadsAndSendsItNothingItWouldRefuse() throws Exception {
        Scrape.await(s -> s.get(TAKEN) > 0 && s.get(PAUSED) == 0, Duration.ofSeconds(20));
        redis.call("CONFIG", "SET", "key-load-delay", "25"); // 25 µs asked, ~80 slept: 40,000 keys load in about 5 s
        redis.call("CONFIG", "SET", "loading-process-events-interval-bytes", "1024"); // INFO answered meanwhile
        long start = System.nanoTime();
        CompletableFuture<String> reload = CompletableFuture.supplyAsync(() -> {
            try (RespClient client = new RespClient(redis.port(), 60_000)) {
                return client.text("DEBUG", "RELOAD");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            Scrape paused = Scrape.await(s -> s.get(PAUSED) == 1, Duration.ofSeconds(5));
            double taken = paused.get(TAKEN);
            assertTrue(status().contains("Redis is loading its dataset"), status());
            Scrape.awaitPolls(3); // polls that would sample, Redis still loading
            assertTrue(!reload.isDone(), "the reload took less time than the test needs; raise key-load-delay");
            assertEquals(taken, Scrape.now().get(TAKEN), "no key sampled while Redis loads");
        } finally {
            assertEquals("OK", reload.get(60, TimeUnit.SECONDS));
            System.out.printf("DEBUG RELOAD took %d ms%n", (System.nanoTime() - start) / 1_000_000);
            redis.call("CONFIG", "SET", "key-load-delay", "0");
        }
        Scrape after = Scrape.await(s -> s.get(PAUSED) == 0, Duration.ofSeconds(10));
        double taken = after.get(TAKEN);
        Scrape.await(s -> s.get(TAKEN) > taken, Duration.ofSeconds(10));
        // At most the batch begun in the instant between an INFO saying "not loading" and the reload's start.
        assertTrue(Scrape.now().value(LOADING_ERRORS).orElse(0) <= 1, Scrape.now().text());
    }

    @Test
    void drawsNoKeyAfterAPollSlowerThanTheBoundAndResumesAfter() throws Exception {
        Scrape.await(s -> s.get(TAKEN) > 0 && s.get(PAUSED) == 0, Duration.ofSeconds(20));
        AtomicBoolean slow = new AtomicBoolean(true);
        // Redis holds every client's command for 700 ms of each 770: most polls wait hundreds of ms. A period
        // other than the polls' second, so that the polls cannot stay in phase with the gaps.
        CompletableFuture<Void> pauses = CompletableFuture.runAsync(() -> {
            while (slow.get()) {
                call("CLIENT", "PAUSE", "700", "ALL");
                Pace.hold(Duration.ofMillis(770)); // the scenario's own rhythm: Redis paused 700 ms of every 770
            }
        });
        try {
            // Either the poll's INFO or, during the warm-up, a batch of its own was the slow one that paused it.
            Scrape.await(s -> s.get(PAUSED) == 1 && (status().contains("the poll's INFO took")
                    || status().contains("a sampling batch took")), Duration.ofSeconds(15));
        } finally {
            slow.set(false);
            pauses.get(10, TimeUnit.SECONDS);
        }
        Scrape after = Scrape.await(s -> s.get(PAUSED) == 0, Duration.ofSeconds(10));
        double taken = after.get(TAKEN);
        Scrape.await(s -> s.get(TAKEN) > taken, Duration.ofSeconds(10));
    }

    private String status() {
        return io.restassured.RestAssured.get("/status").asString();
    }

    private String call(String... command) {
        try {
            return redis.call(command);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
