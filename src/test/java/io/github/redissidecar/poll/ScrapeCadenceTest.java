package io.github.redissidecar.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeCadenceTest {

    private static final long FLOOR = 60_000;
    private static final long LEAD = 1_200;

    /** Ticks every second for {@code seconds}, scraping at the given interval and phase; the poll times. */
    private static List<Long> run(ScrapeCadence cadence, long interval, long phase, int seconds) {
        List<Long> polls = new ArrayList<>();
        for (long t = 0; t <= seconds * 1000L; t += 100) {
            if (t % 1000 == 0 && cadence.due(t)) {
                cadence.polled(t);
                polls.add(t);
            }
            if (interval > 0 && t >= phase && (t - phase) % interval == 0) {
                cadence.scraped("prometheus", t);
            }
        }
        return polls;
    }

    @Test
    void withoutScrapesPollsAtTheFloor() {
        assertEquals(List.of(0L, 60_000L, 120_000L), run(new ScrapeCadence(FLOOR, LEAD), 0, 0, 130));
    }

    @Test
    void pollsOncePerScrapeJustBeforeIt() {
        ScrapeCadence cadence = new ScrapeCadence(FLOOR, LEAD);
        List<Long> polls = run(cadence, 15_000, 7_300, 600);
        List<Long> late = polls.stream().filter(p -> p > 60_000).toList();
        assertTrue(late.size() >= 35 && late.size() <= 36, "about one poll per 15 s scrape: " + late.size());
        for (long p : late) {
            long untilScrape = (15_000 - (p - 7_300) % 15_000) % 15_000;
            assertTrue(untilScrape > 0 && untilScrape <= LEAD, "poll at " + p + " is " + untilScrape
                    + " ms before the next scrape");
        }
        assertEquals(15_000, cadence.shortestInterval());
    }

    @Test
    void aSixtySecondScrapeCostsOnePollAMinuteWhileTheClocksDrift() {
        // The scheduler's ticks drift against Prometheus's clock (here 0.3 ms a tick): the floor must not add a poll
        // when a poll made for a scrape lands a tick later than the one before.
        ScrapeCadence cadence = new ScrapeCadence(FLOOR, LEAD);
        long polls = 0;
        long nextScrape = 30_500;
        for (long tick = 0; tick < 3_600; tick++) {
            long t = Math.round(tick * 1000.3);
            while (nextScrape <= t) {
                cadence.scraped("prometheus", nextScrape);
                nextScrape += 60_000;
            }
            if (cadence.due(t)) {
                cadence.polled(t);
                polls += t > 180_000 ? 1 : 0;
            }
        }
        assertTrue(polls <= 57, "polls in the last 57 minutes: " + polls);
    }

    @Test
    void aScraperThatChangesItsIntervalIsFollowedFromItsFourthScrape() {
        // One Prometheus (same address and user agent) scraping every 30 s, then reloaded to scrape every 60 s at
        // another phase (47 s after its last): from the fourth scrape at 60 s (three gaps, their median 60 s) every
        // scrape finds a poll made just before it, and Redis pays one poll a scrape.
        ScrapeCadence cadence = new ScrapeCadence(FLOOR, LEAD);
        List<Long> scrapes = new ArrayList<>();
        for (long s = 5_000; s < 300_000; s += 30_000) {
            scrapes.add(s);
        }
        for (long s = 322_000; s < 900_000; s += 60_000) {
            scrapes.add(s);
        }
        List<Long> polls = new ArrayList<>();
        int next = 0;
        for (long t = 0; t <= 900_000; t += 1_000) {
            if (cadence.due(t)) {
                cadence.polled(t);
                polls.add(t);
            }
            while (next < scrapes.size() && scrapes.get(next) <= t + 999) {
                long scrape = scrapes.get(next++);
                long served = polls.isEmpty() ? -1 : polls.get(polls.size() - 1);
                if (scrape >= 322_000 + 3 * 60_000) {
                    assertTrue(scrape - served <= LEAD, "the scrape at " + scrape + " found a poll made at " + served);
                }
                cadence.scraped("prometheus", scrape);
            }
        }
        long late = polls.stream().filter(p -> p > 442_000).count();
        assertTrue(late <= 8, "one poll per 60 s scrape from the fourth: " + late + " polls " + polls);
    }

    @Test
    void whenTheScraperStopsTheFloorResumes() {
        ScrapeCadence cadence = new ScrapeCadence(FLOOR, LEAD);
        run(cadence, 15_000, 0, 300);
        List<Long> after = new ArrayList<>();
        for (long t = 301_000; t <= 600_000; t += 1_000) {
            if (cadence.due(t)) {
                cadence.polled(t);
                after.add(t);
            }
        }
        assertTrue(after.size() >= 4 && after.get(0) <= 301_000 + FLOOR, "floor polls after the scrapes stop: "
                + after);
    }

    @Test
    void scrapesEverySecondGetAPollEverySecond() {
        List<Long> polls = run(new ScrapeCadence(FLOOR, LEAD), 1_000, 400, 60);
        assertTrue(polls.size() >= 58, "polls in a minute: " + polls.size());
    }

    @Test
    void twoScrapersCloseTogetherShareAPollAndAScraperThatLeftIsForgotten() {
        ScrapeCadence cadence = new ScrapeCadence(FLOOR, LEAD);
        long polls = 0;
        for (long t = 0; t <= 300_000; t += 100) {
            if (t % 1000 == 0 && cadence.due(t)) {
                cadence.polled(t);
                polls++;
            }
            if (t % 30_000 == 10_000) {
                cadence.scraped("prometheus-a", t);
            }
            if (t % 30_000 == 10_300) {
                cadence.scraped("prometheus-b", t);
            }
        }
        assertTrue(polls <= 12, "one poll per pair of scrapes: " + polls);
        for (long t = 300_000; t <= 1_000_000; t += 1000) {
            cadence.due(t);
        }
        assertEquals(0, cadence.shortestInterval(), "both stopped scraping");
    }
}
