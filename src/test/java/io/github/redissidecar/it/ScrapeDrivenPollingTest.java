package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Polls follow the scrapes: nobody scraping, Redis sees no INFO between the 60 s floor polls; a scraper every
 * second gets a fresh poll every second, and /status says so; and every counter carries the time Redis reported
 * it, so that a scrape that finds the poll the previous one saw adds no sample (no false zero in irate()).
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = @ResourceArg(name = "sidecar.poll.commandstats-every",
        value = "2"))
class ScrapeDrivenPollingTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void noScrapesNoPollsAndAScrapeEverySecondAPollEverySecond() throws Exception {
        Scrape.await(s -> s.get("redis_up") == 1, Duration.ofSeconds(10));
        Thread.sleep(2_000); // the poll the last of those scrapes asked for
        redis.call("CONFIG", "RESETSTAT");
        Thread.sleep(5_000);
        assertEquals(0, infoCalls(), "nobody scraped for 5 s: no INFO");

        redis.call("CONFIG", "RESETSTAT");
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            given().get("/metrics").then().statusCode(200);
            Thread.sleep(1_000);
        }
        long infos = infoCalls();
        System.out.printf("scraped every second for %.1f s: %d INFO%n", (System.nanoTime() - start) / 1e9, infos);
        assertTrue(infos >= 5 && infos <= 10, "about one INFO per scrape: " + infos);
        given().get("/status").then().statusCode(200)
                .body("polling.floor_seconds", equalTo(60))
                .body("polling.scrape_interval_seconds", both(greaterThan(0.9f)).and(lessThan(1.2f)))
                .body("polling.data_age_seconds", lessThan(2.0f));
    }

    @Test
    void countersCarryTheTimeRedisReportedThem() {
        Scrape.await(s -> s.get("redis_up") == 1, Duration.ofSeconds(10));
        String page = Scrape.now().text();
        double polledAt = Scrape.now().get("redis_sidecar_last_successful_poll_timestamp_seconds");
        String line = page.lines().filter(l -> l.startsWith("redis_commands_processed_total ")).findFirst()
                .orElseThrow();
        long timestamp = Long.parseLong(line.split(" ")[2]);
        assertTrue(Math.abs(timestamp - polledAt * 1000) < 5_000, line + " vs " + polledAt);
        assertTrue(page.lines().filter(l -> l.startsWith("redis_memory_used_bytes ")).allMatch(l ->
                l.split(" ").length == 2), "gauges carry no timestamp");
    }

    @Test
    void commandstatsIsReadEveryOtherPollWithItsOwnTimeAndAtOnceOnANewConnection() throws Exception {
        Scrape.await(s -> s.get("redis_up") == 1, Duration.ofSeconds(10));
        java.util.Set<Long> polls = new java.util.TreeSet<>();
        java.util.Map<Long, Double> commands = new java.util.TreeMap<>();
        for (int i = 0; i < 12; i++) {
            String page = given().get("/metrics").then().statusCode(200).extract().asString();
            long polledAt = pollMillis(page);
            String[] info = commandLine(page, "redis_commands_total{cmd=\"info\"}").split(" ");
            long commandsAt = Long.parseLong(info[2]);
            assertTrue(commandsAt <= polledAt, "commandstats read at " + commandsAt + ", the poll at " + polledAt);
            polls.add(polledAt);
            commands.merge(commandsAt, Double.parseDouble(info[1]), (a, b) -> {
                assertEquals(a, b, "one reading, one value");
                return a;
            });
            Thread.sleep(1_000);
        }
        long first = polls.iterator().next(); // the first page may carry commandstats of a poll before it
        assertTrue(polls.containsAll(commands.keySet().stream().filter(t -> t >= first).toList()),
                "each commandstats time is a poll's: " + commands + ", polls " + polls);
        assertTrue(polls.size() >= 6 && commands.size() >= polls.size() / 2 - 1 && commands.size() < polls.size(),
                polls.size() + " polls, commandstats read at " + commands);
        List<Double> calls = List.copyOf(commands.values());
        assertTrue(calls.get(calls.size() - 1) > calls.get(0), "new readings count the polls' INFO: " + commands);

        redis.call("CLIENT", "KILL", "SKIPME", "yes", "TYPE", "normal"); // the sidecar's connection
        long killedAt = System.currentTimeMillis();
        Eventually.within(Duration.ofSeconds(5), "a poll on the new connection", () -> {
            String page = given().get("/metrics").then().statusCode(200).extract().asString();
            long polledAt = pollMillis(page);
            return polledAt > killedAt && Long.parseLong(commandLine(page,
                    "redis_commands_total{cmd=\"info\"}").split(" ")[2]) == polledAt;
        });
    }

    private static long pollMillis(String page) {
        return Math.round(Double.parseDouble(commandLine(page, "redis_sidecar_last_successful_poll_timestamp_seconds")
                .split(" ")[1]) * 1000);
    }

    private static String commandLine(String page, String series) {
        return page.lines().filter(l -> l.startsWith(series + " ")).findFirst().orElseThrow(() ->
                new AssertionError("no " + series));
    }

    private long infoCalls() throws Exception {
        String stats = redis.call("INFO", "commandstats");
        // Redis counts a command after running it: this INFO is not in its own reply.
        return stats.contains("cmdstat_info:")
                ? Long.parseLong(stats.replaceAll("(?s).*cmdstat_info:calls=(\\d+),.*", "$1")) : 0;
    }
}
