package io.github.redissidecar.config;

import io.github.redissidecar.settings.EnforceMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of the sidecar. Each key is also an environment variable: {@code sidecar.poll.interval} is
 * {@code SIDECAR_POLL_INTERVAL}. redis_exporter's {@code REDIS_ADDR}, {@code REDIS_USER}, {@code REDIS_PASSWORD}
 * and {@code REDIS_PASSWORD_FILE} are accepted too (see {@link RedisExporterEnvSource}). docs/configuration.md
 * documents every key ({@link ConfigKeys} lists them, and a test holds the two together); ranges are checked in
 * {@link ConfigChecks}.
 */
@ConfigMapping(prefix = "sidecar")
public interface SidecarConfig {

    Redis redis();

    Poll poll();

    /**
     * The memory limit of Redis's container ({@code SIDECAR_CONTAINER_MEMORY_LIMIT}): bytes, a size ({@code 768mb},
     * {@code 768Mi}, {@code 1.5gb}), {@code auto} (the sidecar's own cgroup limit) or empty (unknown).
     */
    Optional<String> containerMemoryLimit();

    /**
     * A file holding the memory limit of Redis's container ({@code SIDECAR_CONTAINER_MEMORY_LIMIT_FILE}), e.g. a
     * Downward API volume: re-read at every settings watch, so that {@code maxmemory N%} follows a changed limit.
     */
    Optional<Path> containerMemoryLimitFile();

    Host host();

    /**
     * Desired Redis settings in redis.conf syntax, one per line ({@code SIDECAR_SETTINGS}); {@code maxmemory} may be
     * a percentage of the container memory limit.
     */
    Optional<String> settings();

    /**
     * A file with desired settings in the same syntax, e.g. a mounted ConfigMap ({@code SIDECAR_SETTINGS_FILE});
     * re-read every {@link #settingsWatchInterval()} and applied live.
     */
    Optional<Path> settingsFile();

    /** How often the settings file and the container memory limit file are re-read for changes. */
    @WithDefault("5s")
    Duration settingsWatchInterval();

    /** {@code enforce}, {@code report} or {@code off}; {@code enforce} when settings are given, else {@code off}. */
    Optional<EnforceMode> enforce();

    /**
     * A Redis up longer than this before the sidecar started is adopted: a maxmemory lower than the one it runs
     * with waits for the safety margin. A younger one found without maxmemory started with the sidecar (a
     * redeploy, or a restart while the sidecar was down): its settings are put back as after a restart.
     */
    @WithDefault("5m")
    Duration adoptAfter();

    /**
     * The longest a value changed in Redis by hand survives: the settings are looked at (a poll, plus CONFIG GET for
     * what INFO does not report) at least this often, whatever the scrape interval. At least 1s.
     */
    @WithDefault("30s")
    Duration driftCheckInterval();

    /** A lowered maxmemory must stay this many percent above used_memory, or it is not applied. */
    @WithDefault("10")
    double maxmemorySafetyMargin();

    /** Opt-in: lower maxmemory even below used memory (Redis then evicts keys or rejects writes at once). */
    @WithDefault("false")
    @WithConverter(StrictBoolean.class)
    boolean allowMaxmemoryBelowUsed();

    /** Opt-in: turn appendonly on in a running Redis (after a restart without AOF this overwrites the AOF). */
    @WithDefault("false")
    @WithConverter(StrictBoolean.class)
    boolean allowAppendonlyAtRuntime();

    /** Run CONFIG REWRITE after a successful set, when Redis was started with a config file. */
    @WithDefault("false")
    @WithConverter(StrictBoolean.class)
    boolean configRewrite();

    Http http();

    KeysConfig keys();

    CloudWatchConfig cloudwatch();

    /** Optional protection of /metrics and /status. Health endpoints stay open for probes. */
    interface Http {
        /** Require {@code Authorization: Bearer <token>} (Prometheus: {@code authorization.credentials_file}). */
        Optional<String> bearerToken();

        /** File holding the bearer token (a mounted Secret); read at startup. Wins over the token. */
        Optional<Path> bearerTokenFile();

        /** Require HTTP basic auth with this user (and {@code basic-auth-password}). */
        Optional<String> basicAuthUser();

        /** The basic auth password. Never logged. */
        Optional<String> basicAuthPassword();

        /** File holding the basic auth password; read at startup. Wins over the password. */
        Optional<Path> basicAuthPasswordFile();
    }

    interface Redis {
        /** {@code redis://host:port}, {@code rediss://host:port} (TLS) or {@code unix:///path/to/redis.sock}. */
        @WithDefault("redis://localhost:6379")
        String address();

        /** ACL user name; empty means the default user. */
        Optional<String> user();

        /** Password (requirepass or the ACL user's). Never logged or exported. */
        Optional<String> password();

        /** File holding the password; read again at every connection attempt, so a rotated secret is picked up. */
        Optional<Path> passwordFile();

        /** Time allowed for TCP connect plus the handshake (AUTH, CLIENT SETNAME). */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time allowed for one command; on expiry the connection is dropped and rebuilt. */
        @WithDefault("1s")
        Duration commandTimeout();

        /** First reconnect delay after a loss; doubled after each failed attempt. */
        @WithDefault("50ms")
        Duration reconnectBackoffInitial();

        /** Longest reconnect delay: bounds how late a restarted Redis is noticed. */
        @WithDefault("250ms")
        Duration reconnectBackoffMax();

        /** The name set with CLIENT SETNAME, as shown by CLIENT LIST. */
        @WithDefault("redis-memory-sidecar")
        String clientName();

        Tls tls();
    }

    interface Tls {
        /** PEM file of the CA(s) that signed the server certificate; the JVM's trust store when absent. */
        Optional<Path> caFile();

        /** PEM client certificate, for servers with tls-auth-clients. */
        Optional<Path> certFile();

        /** PEM private key of the client certificate. */
        Optional<Path> keyFile();

        /** Accept any server certificate and host name. For tests only. */
        @WithDefault("false")
        @WithConverter(StrictBoolean.class)
        boolean insecureSkipVerify();
    }

    interface Poll {
        /**
         * The longest time between two polls when nobody scrapes: scrapes, /status and a new connection poll when
         * they come. At least 1s.
         */
        @WithDefault("60s")
        Duration interval();

        /**
         * A scrape or /status request finds a poll that finished this recently good enough and sends Redis nothing:
         * several Prometheus servers (an HA pair) or a scrape storm cost Redis one INFO per this much time.
         */
        @WithDefault("250ms")
        Duration maxAge();

        /**
         * How long a scrape waits for its poll (never more than half the scrape timeout Prometheus sends); past it,
         * it is served the last poll and counted in {@code redis_sidecar_scrape_stale_total}: a frozen Redis never
         * holds a scrape longer.
         */
        @WithDefault("150ms")
        Duration scrapeWait();

        /** Read INFO commandstats (per-command series). */
        @WithDefault("true")
        @WithConverter(StrictBoolean.class)
        boolean commandstats();

        /** Read INFO errorstats (redis_errors_total). */
        @WithDefault("true")
        @WithConverter(StrictBoolean.class)
        boolean errorstats();
    }

    /** Files the sidecar reads about its host; configurable so tests can point at fixtures. */
    interface Host {
        /** Root of the cgroup file system, read by {@code container-memory-limit=auto}. */
        @WithDefault("/sys/fs/cgroup")
        Path cgroupRoot();

        /** This process's cgroup membership file, read by {@code container-memory-limit=auto}. */
        @WithDefault("/proc/self/cgroup")
        Path procSelfCgroup();

        /** The kernel's vm.overcommit_memory (Redis wants 1 so that fork for BGSAVE cannot fail). */
        @WithDefault("/proc/sys/vm/overcommit_memory")
        Path overcommitMemoryFile();

        /**
         * The host's name for the {@code host} label of the host series, so that alerts about a host's kernel are
         * grouped per host (Kubernetes: the Downward API's {@code spec.nodeName}). Empty: the kernel's boot id.
         */
        Optional<String> name();

        /** The kernel's boot id: the same for every container on one host, the host label when no name is set. */
        @WithDefault("/proc/sys/kernel/random/boot_id")
        Path bootIdFile();

        /** The kernel's transparent hugepage mode (Redis wants it not {@code always}: latency and memory). */
        @WithDefault("/sys/kernel/mm/transparent_hugepage/enabled")
        Path transparentHugepageFile();
    }
}
