package io.github.redissidecar.validate;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.memory.ByteSize;
import io.github.redissidecar.memory.ContainerMemoryLimit;
import io.github.redissidecar.memory.MemoryLimits;
import io.github.redissidecar.memory.PersistedEviction;
import io.github.redissidecar.settings.ConfLine;
import io.github.redissidecar.settings.DesiredSetting;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.SettingsException;
import io.github.redissidecar.settings.SettingsSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The checks of one Redis setup. Values are read by the sidecar's startup code (sizes, policies, percentages,
 * maxmemory against the limit), so an error here is the error startup would stop with; what only a deploy file
 * shows (the container limit, what Redis boots with, persistence) is checked on top.
 */
public final class SetupChecks {

    /** Redis's save schedule when neither its command line nor redis.conf sets one (Redis 6.2 and later). */
    static final String DEFAULT_SAVE = "3600 1 300 100 60 10000";
    /** Redis's own directives that validate reads; the rest of a command line is not memory's business. */
    private static final Set<String> MEMORY_PARAMETERS = Set.of("maxmemory", "maxmemory-policy", "appendfsync");
    private static final Set<String> PERSISTENCE_PARAMETERS = Set.of("save", "appendonly",
            "stop-writes-on-bgsave-error");
    /** Read as written: a replica, or a backlog size, means this Redis keeps a replication backlog. */
    private static final Set<String> REPLICATION_PARAMETERS = Set.of("replicaof", "slaveof", "repl-backlog-size");
    private static final String DEFAULT_BACKLOG = "1mb";
    private static final Path NO_CGROUP = Path.of("/nonexistent");

    private SetupChecks() {
    }

    public static List<Finding> check(RedisSetup setup) {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> boot = setup.boot().map(lines -> bootValues(lines, findings)).orElse(Map.of());
        Optional<DesiredSettings> declared = setup.sidecar().flatMap(s -> declared(setup, s, findings));
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return findings; // the checks below read values that are not valid
        }
        Map<String, String> effective = new HashMap<>(boot);
        declared.ifPresent(d -> d.all().forEach(s -> effective.put(s.parameter(), s.value())));
        limits(setup, effective, findings);
        persistence(setup, boot, declared, effective, findings);
        return findings;
    }

    private static Map<String, String> bootValues(List<ConfLine> lines, List<Finding> findings) {
        Map<String, String> values = new HashMap<>();
        for (ConfLine line : lines) {
            String parameter = line.parameter();
            String written = line.joinedArgs().strip();
            if (REPLICATION_PARAMETERS.contains(parameter)) {
                values.put(parameter, written);
                continue;
            }
            if (!MEMORY_PARAMETERS.contains(parameter) && !PERSISTENCE_PARAMETERS.contains(parameter)) {
                continue;
            }
            if (written.contains("$")) {
                findings.add(Finding.warning(line.origin(), "\"" + line.text().strip() + "\" is filled in at deploy "
                        + "time, so it is not checked", "render the variable before validating, or declare the "
                        + "value in the sidecar's settings"));
            } else if (parameter.equals("maxmemory") && written.endsWith("%")) {
                findings.add(Finding.error(line.origin(), "\"" + line.text().strip() + "\": redis-server does not "
                        + "take a percentage (it refuses to start: argument must be a memory value)", "write bytes "
                        + "or a size (e.g. 512mb), or declare maxmemory N% in the sidecar's SIDECAR_SETTINGS"));
            } else if (MEMORY_PARAMETERS.contains(parameter)) {
                startupValue(line, findings).ifPresent(v -> values.put(parameter, v));
            } else {
                values.merge(parameter, persistenceValue(parameter, written), SetupChecks::mergeSave);
            }
        }
        return values;
    }

    /** The value as the sidecar's startup reads it (sizes, policies), or an error finding with its message. */
    private static Optional<String> startupValue(ConfLine line, List<Finding> findings) {
        try {
            return DesiredSettings.of(List.of(line), OptionalLong.empty()).value(line.parameter());
        } catch (SettingsException e) {
            findings.add(fromStartup(line.origin(), e));
            return Optional.empty();
        }
    }

    private static String persistenceValue(String parameter, String written) {
        return parameter.equals("save") ? written : written.toLowerCase(Locale.ROOT);
    }

    // redis.conf accumulates save lines; save "" clears them.
    private static String mergeSave(String earlier, String next) {
        return earlier.isEmpty() || next.isEmpty() ? next : earlier + " " + next;
    }

    private static Optional<DesiredSettings> declared(RedisSetup setup, SidecarSettings sidecar,
            List<Finding> findings) {
        String source = setup.name() + " sidecar";
        try {
            OptionalLong limit = sidecarLimit(sidecar);
            if (limit.isPresent() && setup.containerLimit().isPresent()
                    && limit.getAsLong() != setup.containerLimit().getAsLong()) {
                findings.add(Finding.warning(source, "SIDECAR_CONTAINER_MEMORY_LIMIT \""
                        + sidecar.limitSetting().orElse("") + "\" is " + limit.getAsLong() + " bytes, but Redis's "
                        + "container is limited to " + setup.containerLimit().getAsLong() + " bytes; the sidecar "
                        + "computes maxmemory N% and the usage ratio from its own value", "give the sidecar "
                        + "Redis's limit in the same units (redis.conf's m is 10^6 bytes, Docker's m is 2^20: "
                        + "write " + setup.containerLimit().getAsLong() / (1L << 20) + "mb)"));
            }
            return Optional.of(DesiredSettings.of(SettingsSources.read(sidecar.file(), sidecar.text()), limit));
        } catch (InvalidConfiguration e) {
            findings.add(fromStartup(source, e));
            return Optional.empty();
        }
    }

    private static OptionalLong sidecarLimit(SidecarSettings sidecar) {
        ContainerMemoryLimit.requireOneSource(sidecar.limitSetting(), sidecar.limitFile());
        if (sidecar.limitFile().isPresent()) {
            return ContainerMemoryLimit.fromFile(sidecar.limitFile().get());
        }
        String setting = sidecar.limitSetting().orElse(null);
        if (setting != null && setting.strip().equalsIgnoreCase("auto")) {
            return sidecar.autoLimit();
        }
        return ContainerMemoryLimit.resolve(setting, NO_CGROUP, NO_CGROUP);
    }

    private static void limits(RedisSetup setup, Map<String, String> effective, List<Finding> findings) {
        long maxmemory = Long.parseLong(effective.getOrDefault("maxmemory", "0"));
        OptionalLong limit = setup.containerLimit();
        if (limit.isEmpty()) {
            findings.add(Finding.warning(setup.name(), "no container memory limit" + (maxmemory > 0
                    ? " (maxmemory " + ByteSize.human(maxmemory) + ")" : "") + ": Redis, and the child it forks to "
                    + "save, share the host's memory with everything else, and nothing checks that maxmemory "
                    + "leaves room for them", setup.limitFix()));
            return;
        }
        MemoryLimits limits = new MemoryLimits(maxmemory, limit);
        if (limits.unbounded().orElse(false) && maxmemory <= 0) {
            findings.add(Finding.warning(setup.name(), "no maxmemory in a container limited to "
                    + ByteSize.human(limit.getAsLong()) + ": Redis grows until the kernel OOM-kills it, losing "
                    + "everything in memory, instead of evicting or refusing writes", "declare maxmemory and a "
                    + "maxmemory-policy (e.g. maxmemory 35% in SIDECAR_SETTINGS, or --maxmemory "
                    + limit.getAsLong() * 35 / 100 / (1L << 20) + "mb)"));
        } else if (limits.unbounded().orElse(false)) {
            findings.add(Finding.error(setup.name(), "maxmemory " + maxmemory + " bytes is above the container "
                    + "memory limit of " + limit.getAsLong() + " bytes, so the kernel would kill Redis before Redis "
                    + "evicts", "lower it, or write it as a percentage such as 35% in SIDECAR_SETTINGS"));
        }
    }

    private static void persistence(RedisSetup setup, Map<String, String> boot, Optional<DesiredSettings> declared,
            Map<String, String> effective, List<Finding> findings) {
        boolean rdb = !effective.getOrDefault("save", DEFAULT_SAVE).isBlank();
        boolean aof = "yes".equals(effective.get("appendonly"));
        long maxmemory = Long.parseLong(effective.getOrDefault("maxmemory", "0"));
        OptionalLong limit = setup.containerLimit();
        if ((rdb || aof) && limit.isPresent() && maxmemory > 0 && maxmemory <= limit.getAsLong()) {
            String kind = rdb && aof ? "RDB and AOF" : rdb ? "RDB" : "AOF";
            ForkHeadroom.check(setup.name(), maxmemory, limit.getAsLong(), kind
                    + (rdb && !effective.containsKey("save") ? " (Redis's default save schedule)" : ""),
                    backlog(effective)).ifPresent(findings::add);
        }
        Optional<DesiredSetting> appendonly = declared.flatMap(d -> d.all().stream()
                .filter(s -> s.parameter().equals("appendonly") && s.value().equals("yes")).findFirst());
        if (appendonly.isPresent() && !"yes".equals(boot.get("appendonly"))) {
            findings.add(Finding.warning(setup.name() + " sidecar, " + appendonly.get().origin(), "appendonly yes is declared only in the "
                    + "sidecar's settings" + (setup.boot().isPresent() ? ", not on Redis's command line" : "")
                    + ": it would be turned on at runtime, and after a restart Redis boots without its AOF, empty; "
                    + "the sidecar refuses to turn it on then (it would rewrite the empty dataset over the AOF)",
                    "put --appendonly yes on Redis's command line or in its redis.conf"));
        }
        String policy = effective.getOrDefault("maxmemory-policy", "noeviction");
        if (policy.startsWith("allkeys-") && !setup.celeryBrokerOf().isEmpty()) {
            findings.add(Finding.warning(setup.name(), String.join(", ", setup.celeryBrokerOf()) + " use this Redis "
                    + "as Celery's broker, under maxmemory-policy " + policy + ": when memory fills, queued tasks "
                    + "are evicted and never run, without an error", "give the broker a Redis of its own with "
                    + "maxmemory-policy noeviction (and the memory alerts); keep " + policy + " for the cache"));
        }
        PersistedEviction.of(policy, rdb || aof ? Optional.of(rdb && aof ? "RDB and AOF" : rdb ? "RDB" : "AOF")
                : Optional.empty(), OptionalDouble.empty()).ifPresent(line -> {
                    int fix = line.indexOf(". Fix: ");
                    findings.add(Finding.warning(setup.name(), line.substring(0, fix), line.substring(fix + 7)));
                });
        if (rdb && !aof && "no".equals(effective.get("stop-writes-on-bgsave-error"))) {
            findings.add(Finding.warning(setup.name(), "stop-writes-on-bgsave-error no with RDB as the only "
                    + "persistence: when snapshots fail (disk full, fork refused), writes keep succeeding and a "
                    + "restart loses everything since the last good save, with no error to any client",
                    "remove it (the default, yes, refuses writes until a save succeeds), or add AOF; either way "
                    + "alert on rdb_last_bgsave_status (RedisBgsaveFailed)"));
        }
    }

    // A replica keeps a backlog (for the replicas it may have after a promotion), and so does every master once a
    // replica connects: outside maxmemory, so in the container's headroom. Counted where the files show replication.
    private static long backlog(Map<String, String> effective) {
        boolean replicates = effective.containsKey("replicaof") || effective.containsKey("slaveof")
                || effective.containsKey("repl-backlog-size");
        return replicates ? ByteSize.parse(effective.getOrDefault("repl-backlog-size", DEFAULT_BACKLOG)).orElse(0L)
                : 0;
    }

    private static Finding fromStartup(String source, InvalidConfiguration e) {
        String message = e.getMessage();
        int fix = message.lastIndexOf("; ");
        return Finding.error(source, message, fix < 0 ? "" : message.substring(fix + 2));
    }
}
