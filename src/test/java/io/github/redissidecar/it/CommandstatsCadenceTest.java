package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * commandstats is re-read every N polls: in between, the per-command series stay (the last reading), Redis sees
 * INFO without commandstats, and a new reading arrives within N polls.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.poll.commandstats-every", value = "3")})
class CommandstatsCadenceTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void perCommandSeriesAreCarriedBetweenReadsAndRefreshedEveryThirdPoll() throws Exception {
        Scrape first = Scrape.await(s -> s.has("redis_commands_total{cmd=\"info\"}"), Duration.ofSeconds(10));
        double polls = first.get("redis_sidecar_poll_duration_seconds_count");
        Scrape later = Scrape.await(s -> s.get("redis_sidecar_poll_duration_seconds_count") >= polls + 1,
                Duration.ofSeconds(5));
        assertTrue(later.has("redis_commands_total{cmd=\"info\"}"), "carried between re-reads");
        String ping = "redis_commands_total{cmd=\"ping\"}";
        double pingsBefore = later.value(ping).orElse(0);
        for (int i = 0; i < 5; i++) {
            redis.call("PING");
        }
        Scrape refreshed = Scrape.await(s -> s.value(ping).orElse(0) >= pingsBefore + 5, Duration.ofSeconds(6));
        String stats = redis.call("INFO", "commandstats");
        long infoCalls = Long.parseLong(stats.replaceAll("(?s).*cmdstat_info:calls=(\\d+),.*", "$1"));
        double polled = refreshed.get("redis_sidecar_poll_duration_seconds_count");
        assertTrue(infoCalls <= polled + 2, "one INFO per poll: " + infoCalls + " vs " + polled);
        assertEquals(0, refreshed.get("redis_up") - 1);
    }
}
