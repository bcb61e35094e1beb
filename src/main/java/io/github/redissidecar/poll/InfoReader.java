package io.github.redissidecar.poll;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisLink;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which INFO sections a poll reads, and how. One multi-section INFO on Redis ≥ 7; older servers answer "syntax
 * error", which is learnt once per connection and answered with INFO plus INFO commandstats. commandstats and
 * errorstats cost Redis as much as all other sections together and Prometheus reads them at scrape cadence, not
 * poll cadence: they are re-read every {@code commandstats-every} polls and on every new connection, and the last
 * reading is carried into the polls in between. Called only under the poller's lock.
 */
final class InfoReader {

    static final List<String> BASE_SECTIONS = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "keyspace", "cluster");

    private final RedisLink link;
    private final List<String> slowSections;
    private final int slowEvery;
    private volatile boolean fresh = true;
    private boolean multiSection = true;
    private InfoSnapshot lastSlow;
    private int pollsSinceSlow;

    InfoReader(RedisLink link, SidecarConfig.Poll config) {
        this.link = link;
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

    /** A new connection, perhaps to a new server: learn its INFO syntax again and read everything next time. */
    void connected() {
        fresh = true;
    }

    InfoSnapshot read() throws RedisFailure {
        if (fresh) {
            fresh = false;
            multiSection = true;
            lastSlow = null;
        }
        boolean full = slowSections.isEmpty() || lastSlow == null || ++pollsSinceSlow >= slowEvery;
        InfoSnapshot snapshot = full ? readSections(true) : readSections(false).with(lastSlow);
        if (full && !slowSections.isEmpty()) {
            lastSlow = snapshot.only(Set.copyOf(slowSections));
            pollsSinceSlow = 0;
        }
        return snapshot;
    }

    private InfoSnapshot readSections(boolean withSlow) throws RedisFailure {
        List<String> wanted = new ArrayList<>(BASE_SECTIONS);
        if (withSlow) {
            wanted.addAll(slowSections);
        }
        if (multiSection) {
            try {
                return info(wanted.toArray());
            } catch (RedisFailure failure) {
                if (!isSyntaxError(failure)) {
                    throw failure;
                }
                multiSection = false;
            }
        }
        InfoSnapshot all = info();
        return withSlow && slowSections.contains("commandstats") ? all.with(info("commandstats")) : all;
    }

    private InfoSnapshot info(Object... args) throws RedisFailure {
        return InfoParser.parse(link.send(Request.cmd(Command.INFO, args)).toString());
    }

    private static boolean isSyntaxError(RedisFailure failure) {
        return failure.reason() == FailureReason.PROTOCOL && failure.getMessage().contains("syntax error");
    }
}
