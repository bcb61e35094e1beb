package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.settings.ServerLives.Event;
import org.junit.jupiter.api.Test;

class ServerLivesTest {

    private static final long FIVE_MINUTES = 300;

    @Test
    void aNewRunIdIsARestartAndTheSameServerSeenAgainIsNot() {
        ServerLives lives = new ServerLives(FIVE_MINUTES);
        assertEquals(Event.FIRST_CONTACT_FRESH, lives.observe("a", 100, 0));
        assertEquals(Event.SAME_LIFE, lives.observe("a", 101, 1));
        assertEquals(Event.SAME_LIFE, lives.observe("a", 101, 1), "a reconnect to the same server");
        assertEquals(Event.RESTART, lives.observe("b", 0, 2));
        assertEquals(Event.SAME_LIFE, lives.observe("b", 1, 3));
    }

    @Test
    void uptimeGoingBackwardsIsARestartEvenWithTheSameRunId() {
        ServerLives lives = new ServerLives(FIVE_MINUTES);
        lives.observe("a", 500, 0);
        assertEquals(Event.RESTART, lives.observe("a", 3, 10));
    }

    @Test
    void atFirstContactARedisOlderThanTheSidecarPlusTheWindowIsAdopted() {
        assertEquals(Event.FIRST_CONTACT_FRESH, new ServerLives(FIVE_MINUTES).observe("a", 2, 1),
                "a pod or task redeploy: both started within seconds");
        assertEquals(Event.FIRST_CONTACT_FRESH, new ServerLives(FIVE_MINUTES).observe("a", 290, 0),
                "Redis restarted while the sidecar was down, minutes ago");
        assertEquals(Event.FIRST_CONTACT_FRESH, new ServerLives(FIVE_MINUTES).observe("a", 3, 600),
                "Redis started after the sidecar");
        assertEquals(Event.FIRST_CONTACT_ADOPTED, new ServerLives(FIVE_MINUTES).observe("a", 86_400, 1),
                "a long-running Redis, or the sidecar restarted alone");
        assertEquals(Event.FIRST_CONTACT_ADOPTED, new ServerLives(0).observe("a", 3, 1));
    }
}
