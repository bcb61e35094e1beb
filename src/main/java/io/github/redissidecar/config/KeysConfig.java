package io.github.redissidecar.config;

import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The key-group sampler: which keys use the memory, estimated from random samples, never from a scan. */
public interface KeysConfig {
    /** Sample keys at all. */
    @WithDefault("true")
    @WithConverter(StrictBoolean.class)
    boolean enabled();

    /**
     * Keys drawn together, right after a poll, once the per-minute budget holds that many, over all databases.
     * A key drawn alone from a Redis idle since the last scrape costs it 70–90 µs (cold caches); 16 in one batch
     * cost 400–590 µs, about what 6 single keys do (docs/benchmarks.md).
     */
    @WithDefault("16")
    int batch();

    /** Keys sampled per minute on average, whatever the scrape or poll interval: 4 is 240 an hour. */
    @WithDefault("4")
    int samplesPerMinute();

    /**
     * After the sidecar starts and after every Redis restart, sample as fast as this share of Redis's time allows
     * (in percent, measured as the time batches take) until every database's window is full; 0 turns it off.
     */
    @WithDefault("2")
    double warmUpPercent();

    /** Samples kept per database; the estimates describe the latest this many. */
    @WithDefault("1000")
    int window();

    /** Groups that keep their label, by estimated bytes over all databases; the rest are {@code other}. */
    @WithDefault("20")
    int top();

    /** Grouping rules, one regular expression per line, tried in order before the default grouping. */
    Optional<String> groups();

    /** Elements MEMORY USAGE samples in a hash, list, set or sorted set (its SAMPLES argument). */
    @WithDefault("5")
    int memorySamples();

    /**
     * A poll whose INFO took longer than this draws no key, and a sampling batch slower than twice this ends the
     * poll's sampling: Redis is busy, the sampler steps back until a poll is fast again.
     */
    @WithDefault("50ms")
    Duration maxLatency();
}
