package io.github.redissidecar.poll;

import io.github.redissidecar.InvalidConfiguration;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which INFO sections a poll reads: everything the redis_exporter-compatible families come from, in one round
 * trip. Commandstats, half of what an INFO costs Redis (it walks the whole command table), is read on one poll in
 * {@code SIDECAR_POLL_COMMANDSTATS_EVERY} and carried, with the time it was read, to the polls between; never
 * across connections, so a restarted Redis's reset counters are read at once. Called only under the poller's lock.
 */
final class InfoReader {

    static final List<String> BASE_SECTIONS = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "keyspace", "cluster");
    private static final String COMMANDSTATS = "commandstats";

    private final RedisPort redis;
    private final List<String> withCommands;
    private final List<String> withoutCommands;
    private final boolean readsCommands;
    private final int commandsEvery;
    private long polls;
    private long commandsConnection = -1;
    private InfoSnapshot commands;
    private long commandsReadAtMillis;

    InfoReader(RedisPort redis, SidecarConfig.Poll config) {
        this.redis = redis;
        List<String> all = new ArrayList<>(BASE_SECTIONS);
        if (config.errorstats()) {
            all.add("errorstats");
        }
        this.withoutCommands = List.copyOf(all);
        if (config.commandstats()) {
            all.add(COMMANDSTATS);
        }
        this.withCommands = List.copyOf(all);
        this.readsCommands = config.commandstats();
        this.commandsEvery = config.commandstatsEvery();
        if (commandsEvery < 1) {
            throw new InvalidConfiguration("SIDECAR_POLL_COMMANDSTATS_EVERY (sidecar.poll.commandstats-every) is "
                    + commandsEvery + "; use 1 (every poll) or more");
        }
    }

    /** The INFO of this poll, commandstats included (read now or carried); {@code nowMillis}: epoch millis. */
    InfoSnapshot read(long nowMillis) throws RedisFailure {
        long connection = redis.connection();
        boolean readCommands = commands == null || connection != commandsConnection || polls++ % commandsEvery == 0;
        InfoSnapshot snapshot = InfoParser.parse(redis.info(readCommands ? withCommands : withoutCommands));
        if (!readCommands) {
            return snapshot.with(commands);
        }
        commandsReadAtMillis = nowMillis;
        if (readsCommands) {
            commands = snapshot.only(Set.of(COMMANDSTATS));
            commandsConnection = connection;
            polls = 1;
        }
        return snapshot;
    }

    /** When the commandstats in the last snapshot were read (epoch millis). */
    long commandsReadAtMillis() {
        return commandsReadAtMillis;
    }
}
