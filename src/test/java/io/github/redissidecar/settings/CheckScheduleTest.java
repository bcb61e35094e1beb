package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckScheduleTest {

    private static final Map<String, String> WANTED = Map.of("maxmemory", "33554432");
    private static final Map<String, String> UNSET = Map.of("maxmemory", "0");

    @Test
    void checksAtTheFirstPollOnEveryNewConnectionAndEveryRestart() {
        CheckSchedule schedule = new CheckSchedule();
        assertEquals(Optional.of(Trigger.STARTUP), schedule.afterPoll(1, false, WANTED, WANTED, false, false));
        schedule.checking(1);
        assertEquals(Optional.empty(), schedule.afterPoll(1, false, WANTED, WANTED, false, false));
        assertEquals(Optional.of(Trigger.DRIFT), schedule.afterPoll(2, false, WANTED, WANTED, false, false), "reconnected");
        schedule.checking(2);
        assertEquals(Optional.of(Trigger.RESTART), schedule.afterPoll(3, true, UNSET, WANTED, false, false));
        schedule.checking(3);
        assertEquals(Optional.empty(), schedule.afterPoll(3, false, WANTED, WANTED, false, false));
        assertEquals(Optional.of(Trigger.DRIFT), schedule.afterPoll(3, false, WANTED, WANTED, false, true),
                "the drift interval passed without reading what INFO does not show");
    }

    @Test
    void aHandTypedChangeIsCheckedAtTheNextPollButAPersistentDifferenceOnlyOnce() {
        CheckSchedule schedule = new CheckSchedule();
        schedule.afterPoll(1, false, WANTED, WANTED, false, false);
        schedule.checking(1);
        assertEquals(Optional.of(Trigger.DRIFT), schedule.afterPoll(1, false, UNSET, WANTED, false, false), "CONFIG SET by hand");
        schedule.checking(1);
        assertEquals(Optional.empty(), schedule.afterPoll(1, false, UNSET, WANTED, false, false),
                "still different (blocked or report mode): left to the drift interval, not a check per poll");
        assertEquals(Optional.empty(), schedule.afterPoll(1, false, WANTED, WANTED, false, false), "back in sync");
    }

    @Test
    void aHeldBackValueThatBecameSettableIsCheckedAtThisPoll() {
        CheckSchedule schedule = new CheckSchedule();
        schedule.afterPoll(1, false, UNSET, WANTED, false, false);
        schedule.checking(1);
        assertEquals(Optional.empty(), schedule.afterPoll(1, false, UNSET, WANTED, false, false), "still held back");
        assertEquals(Optional.of(Trigger.DRIFT), schedule.afterPoll(1, false, UNSET, WANTED, true, false),
                "memory was freed: set now, not at the next drift interval");
    }

    @Test
    void aLoadingRetryIsScheduledOnceAndKeepsItsTrigger() {
        CheckSchedule schedule = new CheckSchedule();
        schedule.checking(1);
        assertTrue(schedule.retryLater(Trigger.RESTART));
        assertFalse(schedule.retryLater(Trigger.RESTART), "one pending retry at a time");
        assertEquals(Optional.of(Trigger.RESTART), schedule.afterPoll(1, false, WANTED, WANTED, false, false));
        schedule.checking(1);
        assertEquals(Optional.empty(), schedule.afterPoll(1, false, WANTED, WANTED, false, false));
    }

    @Test
    void aRefusedSetIsNotRetriedOnTheSameConnection() {
        CheckSchedule schedule = new CheckSchedule();
        schedule.setDenied(4);
        assertFalse(schedule.setAllowed(4));
        assertTrue(schedule.setAllowed(5), "a new connection may have new permissions");
    }

    @Test
    void aSettingsChangeIsCheckedAtTheNextPollOnItsUsedMemory() {
        CheckSchedule schedule = new CheckSchedule();
        schedule.settingsChanged();
        assertEquals(Optional.of(Trigger.STARTUP), schedule.afterPoll(1, false, WANTED, WANTED, false, false),
                "before the first check, the first check reads the new settings");
        schedule.checking(1);
        schedule.settingsChanged();
        assertEquals(Optional.of(Trigger.SETTINGS), schedule.afterPoll(1, false, WANTED, WANTED, false, false));
        schedule.checking(1);
        assertEquals(Optional.empty(), schedule.afterPoll(1, false, WANTED, WANTED, false, false), "once");
    }
}
