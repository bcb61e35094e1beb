package io.github.redissidecar.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static List<Long> delays(Backoff backoff, FailureReason reason, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(backoff.nextDelayMillis(reason));
        }
        return out;
    }

    @Test
    void aRestartingRedisIsRetriedWithinTheFastCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofMillis(250));
        assertEquals(List.of(50L, 100L, 200L, 250L, 250L), delays(backoff, FailureReason.CONNECT, 5));
    }

    @Test
    void aFailureOnlyAFixEndsBacksOffToSecondsAndCostsRedisAHandfulOfConnections() {
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofMillis(250));
        List<Long> auth = delays(backoff, FailureReason.AUTH, 6);
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 8000L), auth);
        long elapsed = 0;
        int attempts = 1;
        for (long d : auth) {
            elapsed += d;
            if (elapsed <= 10_000) {
                attempts++;
            }
        }
        assertEquals(5, attempts, "connections in the first 10 s");
    }

    @Test
    void switchingKindStartsTheOtherTrackAfresh() {
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofMillis(250));
        delays(backoff, FailureReason.AUTH, 3);
        assertEquals(50L, backoff.nextDelayMillis(FailureReason.CONNECT), "Redis restarting: fast again");
        assertEquals(500L, backoff.nextDelayMillis(FailureReason.AUTH));
    }
}
