package io.github.redissidecar.poll;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * When to poll, so that Redis pays for no more polls than Prometheus takes scrapes and every scrape finds a fresh
 * poll. Learns each scraper's interval from its /metrics requests (the median of its last gaps) and asks for a poll
 * in the lead time before each one's next expected scrape; one poll serves every scraper whose window it falls in.
 * Without scrapes, or before an interval is learnt, polls come at the floor interval. Pure: times are passed in,
 * in milliseconds of any monotonic clock.
 */
public final class ScrapeCadence {

    private static final int GAPS = 3;

    private final long floorMillis;
    private final long leadMillis;
    private final Map<String, Scraper> scrapers = new HashMap<>();
    private long lastPoll = Long.MIN_VALUE / 2;

    /**
     * @param floorMillis the longest time between polls (SIDECAR_POLL_INTERVAL)
     * @param leadMillis how long before an expected scrape a poll is due: more than the tick that checks, so that
     *     every window holds one
     */
    public ScrapeCadence(long floorMillis, long leadMillis) {
        this.floorMillis = floorMillis;
        this.leadMillis = leadMillis;
    }

    /** A scrape arrived from {@code scraper} (its address and user agent). */
    public synchronized void scraped(String scraper, long now) {
        scrapers.computeIfAbsent(scraper, s -> new Scraper()).scraped(now);
    }

    /** A poll started, whatever asked for it. */
    public synchronized void polled(long now) {
        lastPoll = now;
    }

    /** Whether a poll is due now: the floor interval has passed, or a scraper's next scrape is near. */
    public synchronized boolean due(long now) {
        scrapers.values().removeIf(s -> s.gone(now));
        if (now - lastPoll >= floorMillis) {
            return true;
        }
        return scrapers.values().stream().anyMatch(s -> s.interval() > 0 && s.needsPoll(now, lastPoll, leadMillis));
    }

    /** The scrape interval learnt from the scrapers, the shortest; 0 before any is known. */
    public synchronized long shortestInterval() {
        return scrapers.values().stream().mapToLong(Scraper::interval).filter(i -> i > 0).min().orElse(0);
    }

    private static final class Scraper {
        private final Deque<Long> gaps = new ArrayDeque<>();
        private long last = -1;

        void scraped(long now) {
            if (last >= 0) {
                gaps.addLast(now - last);
                if (gaps.size() > GAPS) {
                    gaps.removeFirst();
                }
            }
            last = now;
        }

        long interval() {
            return gaps.isEmpty() ? 0 : gaps.stream().sorted().toList().get(gaps.size() / 2);
        }

        // Due in the lead time before the next expected scrape (or after it, when the scrape is late) unless a
        // poll since this scraper's last scrape falls within two lead times of the next one: that poll, made for
        // another scraper a moment earlier, is fresh enough, and one poll serves both.
        boolean needsPoll(long now, long lastPoll, long lead) {
            long next = last + interval();
            return now >= next - lead && lastPoll < Math.max(last, next - 2 * lead);
        }

        // A scraper that missed three of its scrapes (or ten minutes) is gone: stop polling for it.
        boolean gone(long now) {
            return now - last > Math.max(3 * interval(), 600_000);
        }
    }
}
