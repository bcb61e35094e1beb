package io.github.redissidecar.poll;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which INFO sections a poll reads. commandstats and errorstats cost Redis as much as all other sections together
 * and Prometheus reads them at scrape cadence, not poll cadence: they are re-read every {@code commandstats-every}
 * polls and on every new connection, and the last reading is carried into the polls in between. Called only under
 * the poller's lock.
 */
final class InfoReader {

    static final List<String> BASE_SECTIONS = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "keyspace", "cluster");

    private final RedisPort redis;
    private final List<String> slowSections;
    private final int slowEvery;
    private volatile boolean fresh = true;
    private InfoSnapshot lastSlow;
    private int pollsSinceSlow;

    InfoReader(RedisPort redis, SidecarConfig.Poll config) {
        this.redis = redis;
        this.slowSections = slowSections(config);
        this.slowEvery = Math.max(1, config.commandstatsEvery());
    }

    static List<String> slowSections(SidecarConfig.Poll poll) {
        List<String> out = new ArrayList<>();
        if (poll.commandstats()) {
            out.add("commandstats");
        }
        if (poll.errorstats()) {
            out.add("errorstats");
        }
        return List.copyOf(out);
    }

    /** A new connection, perhaps to a new server: read everything next time. */
    void connected() {
        fresh = true;
    }

    InfoSnapshot read() throws RedisFailure {
        if (fresh) {
            fresh = false;
            lastSlow = null;
        }
        boolean full = slowSections.isEmpty() || lastSlow == null || ++pollsSinceSlow >= slowEvery;
        List<String> sections = new ArrayList<>(BASE_SECTIONS);
        if (full) {
            sections.addAll(slowSections);
        }
        InfoSnapshot snapshot = InfoParser.parse(redis.info(sections));
        if (!full) {
            return snapshot.with(lastSlow);
        }
        if (!slowSections.isEmpty()) {
            lastSlow = snapshot.only(Set.copyOf(slowSections));
            pollsSinceSlow = 0;
        }
        return snapshot;
    }
}
