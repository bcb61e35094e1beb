package io.github.redissidecar.enforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.poll.Poller;
import io.github.redissidecar.poll.RedisWorker;
import io.github.redissidecar.poll.SnapshotHolder;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.ParameterStatus;
import io.github.redissidecar.settings.SafetyPolicy;
import io.github.redissidecar.settings.SettingsReload;
import io.github.redissidecar.testing.CountingMeters;
import io.github.redissidecar.testing.FakeRedis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The settings checks against an in-memory Redis, poll by poll: what is set, in which order, what is held back and
 * what is only reported. Real redis-server processes test the same in the integration tests.
 */
@Timeout(10)
class EnforcerTest {

    private static final String SETTINGS = "maxmemory 64mb\nmaxmemory-policy allkeys-lru";

    private final RedisWorker worker = new RedisWorker();
    private final CountingMeters meters = new CountingMeters();
    private FakeRedis redis;
    private Poller poller;
    private ConfiguredSettings configured;

    @AfterEach
    void stop() {
        worker.stop();
    }

    private void start(long uptime, Optional<EnforceMode> mode) {
        redis = new FakeRedis(uptime);
        poller = new Poller(redis, worker, new SnapshotHolder(), meters, new Poller.Settings(Poller.sections(true,
                true), Duration.ofSeconds(60), Duration.ZERO, Duration.ofMinutes(5)));
        configured = new ConfiguredSettings(SettingsReload.read(Optional.empty(), Optional.of(SETTINGS),
                () -> OptionalLong.of(256L << 20)), mode, SafetyPolicy.DEFAULT, false, Duration.ofSeconds(5));
        new Enforcer(redis, worker, poller, configured, meters, false, Duration.ofMinutes(5), Duration.ofSeconds(30))
                .start();
    }

    @Test
    void aRedisStartedWithTheSidecarGetsThePolicyFirstThenTheLimit() throws Exception {
        start(2, Optional.empty());
        poll();
        assertEquals(List.of("CONFIG SET maxmemory-policy allkeys-lru", "CONFIG SET maxmemory 67108864"),
                sets(), "the policy before the limit: a limit under noeviction would refuse writes");
        assertEquals(List.of("maxmemory-policy startup", "maxmemory startup"), meters.reasserts);
        assertEquals(Optional.of(true), configured.state().lastRestartRestored());
    }

    @Test
    void aHandTypedChangeSeenByAPollIsSetBackAsDrift() throws Exception {
        start(2, Optional.empty());
        poll();
        redis.set("maxmemory", "0");
        poll();
        assertEquals("67108864", redis.config("maxmemory"));
        assertTrue(meters.reasserts.contains("maxmemory drift"), meters.reasserts.toString());
    }

    @Test
    void aLowerLimitOnAnAdoptedRedisHoldingMoreWaitsAndSaysWhy() throws Exception {
        start(86_400, Optional.empty());
        redis.set("maxmemory", "268435456");
        redis.set("maxmemory-policy", "allkeys-lru");
        redis.usedMemory(100L << 20);
        poll();
        assertEquals("268435456", redis.config("maxmemory"), "not lowered below what it holds");
        ParameterStatus maxmemory = status("maxmemory");
        assertEquals(Optional.of("below_used_memory"), maxmemory.blockedReason());
        redis.usedMemory(10L << 20); // memory freed
        poll();
        assertEquals("67108864", redis.config("maxmemory"), "set at the first poll where it is safe");
    }

    @Test
    void reportModeWritesNothingAndReportsTheDrift() throws Exception {
        start(2, Optional.of(EnforceMode.REPORT));
        poll();
        assertEquals(List.of(), sets());
        assertTrue(status("maxmemory").drift());
    }

    @Test
    void aRefusedSetIsReportedOnceAndNotRetriedOnTheSameConnection() throws Exception {
        start(2, Optional.empty());
        redis.denyConfigSet();
        poll();
        long tried = redis.count("CONFIG SET");
        redis.set("maxmemory-samples", "5"); // anything: another poll on the same connection
        poll();
        assertEquals(tried, redis.count("CONFIG SET"), "no new attempt on this connection");
        assertTrue(meters.reassertFailures.contains("maxmemory-policy permission"), meters.reassertFailures
                .toString());
        assertEquals(false, configured.state().available());
        assertFalse(meters.reassertFailures.toString().contains("not_applied"), "refused, not answered OK");
        redis.restart(); // a new connection may have new permissions
        poll();
        assertTrue(redis.count("CONFIG SET") > tried);
    }

    @Test
    void aSetAnsweredOkThatDoesNotStickIsHeldBackWithABackoffNotSentAtEveryPoll() throws Exception {
        start(2, Optional.empty());
        redis.ignoreConfigSet(true);
        poll();
        long tried = redis.count("CONFIG SET maxmemory ");
        assertEquals(1, tried);
        for (int i = 0; i < 20; i++) {
            poll();
        }
        assertEquals(tried, redis.count("CONFIG SET maxmemory "), "held back, not sent again at every poll");
        assertEquals(Optional.of("not_applied"), status("maxmemory").blockedReason());
        assertTrue(status("maxmemory").drift());
        assertTrue(meters.reassertFailures.contains("maxmemory not_applied"), meters.reassertFailures.toString());
        assertFalse(meters.reasserts.contains("maxmemory startup"), "not counted as set: it did not take");
        redis.ignoreConfigSet(false); // whatever dropped the sets is fixed: the next try after the backoff takes
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            poll();
            return "67108864".equals(redis.config("maxmemory"));
        });
        assertEquals(Optional.empty(), status("maxmemory").blockedReason());
        assertTrue(redis.count("CONFIG SET maxmemory ") <= tried + 2, redis.commands().toString());
    }

    private List<String> sets() {
        return redis.commands().stream().filter(c -> c.startsWith("CONFIG SET")).toList();
    }

    private ParameterStatus status(String parameter) {
        return configured.state().parameters(Optional.empty()).stream()
                .filter(s -> s.desired().parameter().equals(parameter)).findFirst().orElseThrow();
    }

    // One poll, and everything its listeners did (a check, the poll it asked for), done on the Redis thread.
    private void poll() throws Exception {
        poller.pollSoon().get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            worker.execute(() -> done.complete(null));
            done.get(5, TimeUnit.SECONDS);
        }
    }
}
