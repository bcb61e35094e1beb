package io.github.redissidecar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyGroupEstimatesTest {

    @Test
    void exactWhenTheWindowIsTheWholeKeyspace() {
        List<KeySample> all = List.of(new KeySample("a:*", 100, false), new KeySample("a:*", 300, true),
                new KeySample("b:*", 600, false), new KeySample("c:*", 1000, true));
        List<KeyGroupEstimate> e = KeyGroupEstimates.of(Map.of(3, all), Map.of(3, 4L), 20);
        assertEquals(List.of("c:*", "b:*", "a:*"), e.stream().map(KeyGroupEstimate::group).toList());
        KeyGroupEstimate a = e.get(2);
        assertEquals(3, a.db());
        assertEquals(400, a.bytes(), 1e-9);
        assertEquals(2, a.keys(), 1e-9);
        assertEquals(0.25, a.withoutTtlShare(), 1e-9);
        assertEquals(2, a.samples());
    }

    @Test
    void scalesToTheKeyspaceAndTheErrorCoversTheTruth() {
        Random random = new Random(7);
        List<KeySample> window = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            boolean big = random.nextDouble() < 0.3;
            window.add(new KeySample(big ? "big:*" : "small:*", big ? 1000 + random.nextInt(200) : 100, !big));
        }
        KeyGroupEstimate big = KeyGroupEstimates.of(Map.of(0, window), Map.of(0, 1_000_000L), 20).get(0);
        double truth = 1_000_000 * 0.3 * 1100;
        assertEquals("big:*", big.group());
        assertTrue(Math.abs(big.bytes() - truth) < 3 * big.bytesError(), big + " vs " + truth);
        assertTrue(big.bytesError() > 0 && big.bytesError() < 0.1 * truth, big.toString());
        assertEquals(1.0, big.withoutTtlShare(), 1e-9);
    }

    @Test
    void groupsBeyondTheTopAreSummedIntoOther() {
        List<KeySample> window = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            window.add(new KeySample("g" + i + ":*", 1000 - i, false));
        }
        List<KeyGroupEstimate> e = KeyGroupEstimates.of(Map.of(0, window), Map.of(0, 30L), 5);
        assertEquals(6, e.size());
        KeyGroupEstimate other = e.stream().filter(x -> x.group().equals("other")).findFirst().orElseThrow();
        assertEquals(25, other.keys(), 1e-9);
    }

    @Test
    void theBudgetIsSpentEvenlyAcrossDatabases() {
        SampleBudget budget = new SampleBudget(4, 16);
        Map<Integer, Integer> perDb = new java.util.HashMap<>();
        for (int poll = 0; poll < 8; poll++) {
            budget.forPoll(List.of(0, 1), poll * 15_000L).forEach((db, n) -> perDb.merge(db, n, Integer::sum));
        }
        assertEquals(Map.of(0, 16, 1, 16), perDb, "a batch of 4 a poll, a poll every 15 s, shared evenly");
        SampleBudget fast = new SampleBudget(100, 6000);
        assertEquals(Map.of(0, 34, 1, 33, 2, 33), fast.forPoll(List.of(0, 1, 2), 0));
        assertEquals(Map.of(1, 34, 2, 33, 0, 33), fast.forPoll(List.of(0, 1, 2), 1_000));
    }

    @Test
    void keysComeInWholeBatchesAtTheSameRatePerMinuteWhateverThePolls() {
        for (int pollSeconds : new int[] {1, 15, 60}) {
            SampleBudget budget = new SampleBudget(16, 4);
            List<Integer> batches = new java.util.ArrayList<>();
            for (int second = 0; second < 600; second += pollSeconds) {
                int drawn = budget.forPoll(List.of(0), second * 1_000L).values().stream().mapToInt(i -> i).sum();
                if (drawn > 0) {
                    batches.add(drawn);
                }
            }
            assertEquals(List.of(16, 16, 16), batches, "polls every " + pollSeconds
                    + " s: a batch at once, then one every 4 minutes (4 a minute)");
        }
    }

    @Test
    void aLongIdleSpellBanksTwoBatchesAtMostAndNoKeysNoSample() {
        SampleBudget budget = new SampleBudget(16, 4);
        assertEquals(Map.of(0, 16), budget.forPoll(List.of(0), 0));
        assertEquals(Map.of(0, 32), budget.forPoll(List.of(0), 3_600_000), "an hour without polls");
        assertTrue(budget.forPoll(List.of(0), 3_660_000).isEmpty(), "nothing banked beyond that");
        assertTrue(new SampleBudget(16, 4).forPoll(List.of(), 0).isEmpty(), "no keys, no sample");
    }
}
