package io.github.redissidecar.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.settings.ServerLives;
import io.github.redissidecar.testing.CountingMeters;
import io.github.redissidecar.testing.FakeRedis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The poller against an in-memory Redis: when it sends INFO, and what a poll tells its listeners. */
@Timeout(10)
class PollerTest {

    private final FakeRedis redis = new FakeRedis(3600);
    private final RedisWorker worker = new RedisWorker();
    private final SnapshotHolder holder = new SnapshotHolder();
    private final CountingMeters meters = new CountingMeters();

    @AfterEach
    void stop() {
        worker.stop();
    }

    private Poller poller(Duration maxAge) {
        return new Poller(redis, worker, holder, meters, new Poller.Settings(Poller.sections(true, true),
                Duration.ofSeconds(60), maxAge, Duration.ofMinutes(5)));
    }

    @Test
    void requestsThatComeTogetherShareOnePoll() throws Exception {
        Poller poller = poller(Duration.ofMillis(250));
        CountDownLatch busy = new CountDownLatch(1);
        worker.execute(() -> await(busy)); // the Redis thread is busy: the requests queue up behind one poll
        List<CompletableFuture<PollResult>> requests = List.of(poller.fresh(), poller.fresh(), poller.fresh());
        busy.countDown();
        PollResult first = requests.get(0).get(5, TimeUnit.SECONDS);
        for (CompletableFuture<PollResult> request : requests) {
            assertSame(first, request.get(5, TimeUnit.SECONDS));
        }
        assertEquals(1, redis.count("INFO"));
        assertTrue(first.up());
    }

    @Test
    void aPollWithinTheMaxAgeIsReusedAndAnOlderOneIsNot() throws Exception {
        PollResult first = poller(Duration.ofMinutes(1)).fresh().get(5, TimeUnit.SECONDS);
        Poller reusing = poller(Duration.ofMinutes(1));
        assertSame(first, reusing.fresh().get(5, TimeUnit.SECONDS), "finished within the max age");
        assertEquals(1, redis.count("INFO"));
        Poller strict = poller(Duration.ZERO);
        assertFalse(first == strict.fresh().get(5, TimeUnit.SECONDS), "older than a max age of 0");
        assertEquals(2, redis.count("INFO"));
    }

    @Test
    void aRequestJoinsAPollThatADutyAskedForEvenWithinTheMaxAge() throws Exception {
        Poller poller = poller(Duration.ofMinutes(1));
        PollResult old = poller.fresh().get(5, TimeUnit.SECONDS);
        CountDownLatch busy = new CountDownLatch(1);
        worker.execute(() -> await(busy));
        redis.set("maxmemory", "67108864"); // what a settings check just changed
        CompletableFuture<PollResult> duty = poller.pollSoon();
        CompletableFuture<PollResult> scrape = poller.fresh();
        busy.countDown();
        PollResult served = scrape.get(5, TimeUnit.SECONDS);
        assertSame(duty.get(5, TimeUnit.SECONDS), served);
        assertFalse(old == served);
        assertEquals(67108864, served.snapshot().orElseThrow().number("maxmemory").orElseThrow());
    }

    @Test
    void listenersHearEachGoodPollWithTheServerLifeItShows() throws Exception {
        Poller poller = poller(Duration.ZERO);
        List<ServerLives.Event> events = new CopyOnWriteArrayList<>();
        poller.onPoll(polled -> events.add(polled.event()));
        poller.fresh().get(5, TimeUnit.SECONDS);
        poller.fresh().get(5, TimeUnit.SECONDS);
        redis.restart();
        poller.fresh().get(5, TimeUnit.SECONDS);
        awaitListeners();
        assertEquals(List.of(ServerLives.Event.FIRST_CONTACT_ADOPTED, ServerLives.Event.SAME_LIFE,
                ServerLives.Event.RESTART), events);
        assertEquals(1, meters.restarts.get());
    }

    @Test
    void aFailedPollIsHeldAndCountedAndHeardByNoListener() throws Exception {
        Poller poller = poller(Duration.ZERO);
        List<Polled> heard = new CopyOnWriteArrayList<>();
        poller.onPoll(heard::add);
        redis.failWith(new RedisFailure(FailureReason.TIMEOUT, "no reply within 1000 ms"));
        PollResult failed = poller.fresh().get(5, TimeUnit.SECONDS);
        awaitListeners();
        assertFalse(failed.up());
        assertEquals(FailureReason.TIMEOUT, failed.failure().orElseThrow().reason());
        assertEquals(List.of(FailureReason.TIMEOUT), meters.failures);
        assertEquals(List.of(), heard);
    }

    // Listeners run on the Redis thread after the poll's future completes: a task queued behind them marks the end.
    private void awaitListeners() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.execute(() -> done.complete(null));
        done.get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
