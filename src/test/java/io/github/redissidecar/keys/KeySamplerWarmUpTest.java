package io.github.redissidecar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.poll.Polled;
import io.github.redissidecar.poll.RedisWorker;
import io.github.redissidecar.settings.ServerLives;
import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.FakeRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warm-up fills every window after a start and after a restart, paced, and waits while Redis loads. */
class KeySamplerWarmUpTest {

    private static final int WINDOW = 200;

    private final FakeRedis redis = new FakeRedis(3600);
    private final RedisWorker worker = new RedisWorker();

    @AfterEach
    void stopWorker() {
        worker.stop();
    }

    private KeySampler sampler(double percent) {
        return new KeySampler(redis, worker, new SamplerSettings(16, 4, WINDOW, 20, 5, percent),
                KeyGroups.byPrefix(), true, Duration.ofMillis(50));
    }

    // As the poller does: the listener runs on the Redis thread.
    private void poll(KeySampler sampler, ServerLives.Event event) throws Exception {
        Polled polled = new Polled(InfoParser.parse(redis.info(List.of())), event, 1, 0, 1_000_000);
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.execute(() -> {
            sampler.polled(polled);
            done.complete(null);
        });
        done.get();
    }

    private void fill() {
        for (int i = 0; i < 500; i++) {
            redis.key(0, "celery-task-meta-" + i, 3_000, false);
            redis.key(3, "session:" + i, 300, true);
        }
    }

    @Test
    void oneFastPollAfterTheStartFillsEveryWindowThenTheSteadyBudgetTakesOver() throws Exception {
        fill();
        KeySampler sampler = sampler(25);
        assertTrue(sampler.state().warmingUp());
        poll(sampler, ServerLives.Event.SAME_LIFE);
        Eventually.within(Duration.ofSeconds(10), "both windows full", () ->
                sampler.state().held().equals(Map.of(0, WINDOW, 3, WINDOW)) && !sampler.state().warmingUp());
        long afterWarmUp = redis.count("RANDOMKEY");
        poll(sampler, ServerLives.Event.SAME_LIFE);
        assertTrue(redis.count("RANDOMKEY") - afterWarmUp <= 16, "back to the steady budget");
    }

    @Test
    void aRestartEmptiesTheWindowsAndWarmsUpAgainOnceRedisHasLoaded() throws Exception {
        fill();
        KeySampler sampler = sampler(25);
        poll(sampler, ServerLives.Event.SAME_LIFE);
        Eventually.within(Duration.ofSeconds(10), "warmed up", () -> !sampler.state().warmingUp());

        redis.loading(true);
        poll(sampler, ServerLives.Event.RESTART);
        assertTrue(sampler.state().warmingUp());
        assertEquals(Map.of(), sampler.state().held(), "the old windows described the dataset before the restart");
        long whileLoading = redis.count("RANDOMKEY");
        poll(sampler, ServerLives.Event.SAME_LIFE);
        assertEquals(whileLoading, redis.count("RANDOMKEY"), "nothing drawn while Redis loads");

        redis.loading(false);
        poll(sampler, ServerLives.Event.SAME_LIFE);
        Eventually.within(Duration.ofSeconds(10), "warmed up again", () ->
                sampler.state().held().equals(Map.of(0, WINDOW, 3, WINDOW)) && !sampler.state().warmingUp());
    }

    @Test
    void offMeansTheFirstPollDrawsOneBatch() throws Exception {
        fill();
        KeySampler sampler = sampler(0);
        assertFalse(sampler.state().warmingUp());
        poll(sampler, ServerLives.Event.SAME_LIFE);
        assertEquals(16, sampler.state().taken());
    }

    @Test
    void theNextBatchWaitsSoThatBatchesTakeTheGivenShareOfTheTime() {
        WarmUp warmUp = new WarmUp(1);
        warmUp.start();
        assertFalse(warmUp.finished(Map.of(), Set.of(0), WINDOW, 0), "its clock starts with the first batch");
        assertEquals(Duration.ofMillis(198), warmUp.after(16, 2_000_000), "2 ms busy in every 200 ms is 1 %");
        assertTrue(warmUp.summary(1_000_000_000L).startsWith("16 samples in 1.0 s, 2 ms of it waiting on Redis"));
        assertTrue(warmUp.finished(Map.of(), Set.of(0), WINDOW, WarmUp.LONGEST.toNanos() + 1), "gives way at last");
        warmUp.start();
        assertEquals(3, WarmUp.neediest(Map.of(0, 50, 3, 10), Set.of(0, 3)));
        assertFalse(warmUp.finished(Map.of(0, WINDOW), Set.of(0, 3), WINDOW, 1), "db3 is not full yet");
        assertTrue(warmUp.finished(Map.of(0, WINDOW, 3, WINDOW), Set.of(0, 3), WINDOW, 1));
        assertFalse(warmUp.active());
    }

}
