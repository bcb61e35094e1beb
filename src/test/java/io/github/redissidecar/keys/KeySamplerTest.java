package io.github.redissidecar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.poll.Polled;
import io.github.redissidecar.poll.RedisWorker;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.settings.ServerLives;
import io.github.redissidecar.testing.FakeRedis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The key sampler after polls of an in-memory Redis: what it draws, when it steps back, when it stops. */
class KeySamplerTest {

    private final FakeRedis redis = new FakeRedis(3600);
    private final RedisWorker worker = new RedisWorker();

    @AfterEach
    void stopWorker() {
        worker.stop();
    }

    private KeySampler sampler() {
        // No warm-up here: these tests count the keys each poll draws (KeySamplerWarmUpTest has the warm-up).
        return new KeySampler(redis, worker, new SamplerSettings(16, 4, 1000, 20, 5, 0), KeyGroups.byPrefix(), true,
                Duration.ofMillis(50));
    }

    private Polled polled(long tookMillis, ServerLives.Event event) throws RedisFailure {
        return new Polled(InfoParser.parse(redis.info(List.of())), event, 1, 0, tookMillis * 1_000_000);
    }

    @Test
    void aFastPollDrawsABatchFromEveryDatabaseAndTheGroupsShowWhereTheBytesAre() throws Exception {
        for (int i = 0; i < 100; i++) {
            redis.key(0, "celery-task-meta-" + java.util.UUID.randomUUID(), 3_000, false);
            redis.key(1, "session:" + java.util.UUID.randomUUID(), 300, true);
        }
        KeySampler sampler = sampler();
        Polled polled = polled(1, ServerLives.Event.SAME_LIFE);
        sampler.polled(polled);
        assertEquals(16, sampler.state().taken(), "the first poll draws a batch");
        assertEquals(2, sampler.state().held().size(), "from both databases");
        List<KeyGroupEstimate> estimates = sampler.estimates(Optional.of(polled.snapshot()));
        assertEquals("celery-task-meta-*", estimates.get(0).group(), "most bytes: " + estimates);
    }

    @Test
    void aSlowPollOrALoadingRedisDrawsNothingAndSaysWhy() throws Exception {
        redis.key(0, "k:1", 100, false);
        KeySampler sampler = sampler();
        sampler.polled(polled(80, ServerLives.Event.SAME_LIFE));
        assertEquals(0, redis.count("RANDOMKEY"));
        assertTrue(sampler.state().pausedReason().orElseThrow().contains("SIDECAR_KEYS_MAX_LATENCY"));
        redis.loading(true);
        sampler.polled(polled(1, ServerLives.Event.SAME_LIFE));
        assertEquals(0, redis.count("RANDOMKEY"));
        assertEquals(Optional.of("Redis is loading its dataset"), sampler.state().pausedReason());
        redis.loading(false);
        sampler.polled(polled(1, ServerLives.Event.SAME_LIFE));
        assertEquals(1, redis.count("RANDOMKEY"), "resumed at the next fast poll");
        assertEquals(Optional.empty(), sampler.state().pausedReason());
    }

    @Test
    void aRestartsPollIsLeftToTheSettings() throws Exception {
        redis.key(0, "k:1", 100, false);
        sampler().polled(polled(1, ServerLives.Event.RESTART));
        assertEquals(0, redis.count("RANDOMKEY"));
    }

    @Test
    void anAclThatDeniesSamplingSwitchesItOffForGood() throws Exception {
        redis.key(0, "k:1", 100, false);
        KeySampler sampler = sampler();
        Polled polled = polled(1, ServerLives.Event.SAME_LIFE);
        redis.failWith(new RedisFailure(FailureReason.PERMISSION, "NOPERM this user has no permissions to run "
                + "the 'randomkey' command"));
        sampler.polled(polled);
        assertTrue(sampler.state().offReason().orElseThrow().contains("+randomkey"));
        redis.failWith(null);
        long sent = redis.commands().size();
        sampler.polled(polled);
        assertEquals(sent, redis.commands().size(), "off: nothing more is sent");
    }
}
