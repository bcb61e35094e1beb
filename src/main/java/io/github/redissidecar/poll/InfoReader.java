package io.github.redissidecar.poll;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisPort;
import java.util.ArrayList;
import java.util.List;

/**
 * Which INFO sections a poll reads: everything the redis_exporter-compatible families come from, in one round
 * trip, on every poll (polls follow scrapes, so every scrape's counters are fresh). Called only under the poller's
 * lock.
 */
final class InfoReader {

    static final List<String> BASE_SECTIONS = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "keyspace", "cluster");

    private final RedisPort redis;
    private final List<String> sections;

    InfoReader(RedisPort redis, SidecarConfig.Poll config) {
        this.redis = redis;
        List<String> all = new ArrayList<>(BASE_SECTIONS);
        if (config.commandstats()) {
            all.add("commandstats");
        }
        if (config.errorstats()) {
            all.add("errorstats");
        }
        this.sections = List.copyOf(all);
    }

    InfoSnapshot read() throws RedisFailure {
        return InfoParser.parse(redis.info(sections));
    }
}
