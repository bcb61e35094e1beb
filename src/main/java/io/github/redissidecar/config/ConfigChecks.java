package io.github.redissidecar.config;

import io.github.redissidecar.checks.InvalidConfiguration;
import org.eclipse.microprofile.config.ConfigProvider;
import java.time.Duration;

/**
 * Every range the sidecar's configuration must fall in, checked in one place before anything starts: the first
 * value out of range refuses the start with one line naming the variable, the property, the value and the fix.
 * Values that are not of their type at all are refused earlier, while the configuration is read ({@link ConfigKeys}).
 */
public final class ConfigChecks {

    /** Above this the key sampler would cost Redis more than a busy client: a typo, not a plan. */
    static final int MAX_SAMPLES_PER_MINUTE = 600_000;

    private static final Duration SECOND = Duration.ofSeconds(1);

    private ConfigChecks() {
    }

    public static void check(SidecarConfig c) {
        SidecarConfig.Poll poll = c.poll();
        atLeastOneSecond(poll.interval(), "sidecar.poll.interval", "scrapes and a restarted Redis are polled when "
                + "they come, whatever the interval");
        range(poll.maxAge(), Duration.ZERO, poll.interval(), "sidecar.poll.max-age", "0 to SIDECAR_POLL_INTERVAL ("
                + poll.interval().toSeconds() + "s), e.g. the default 250ms");
        range(poll.scrapeWait(), Duration.ofMillis(1), Duration.ofSeconds(10), "sidecar.poll.scrape-wait", "1ms to "
                + "10s, e.g. the default 150ms (past it a scrape gets the previous poll)");
        atLeastOneSecond(c.driftCheckInterval(), "sidecar.drift-check-interval", "maxmemory and the policy are "
                + "checked at every poll anyway");
        atLeastOneSecond(c.settingsWatchInterval(), "sidecar.settings-watch-interval", "the files are compared "
                + "whole at each look");
        positive(c.redis().connectTimeout(), "sidecar.redis.connect-timeout");
        positive(c.redis().commandTimeout(), "sidecar.redis.command-timeout");
        positive(c.redis().reconnectBackoffInitial(), "sidecar.redis.reconnect-backoff-initial");
        positive(c.redis().reconnectBackoffMax(), "sidecar.redis.reconnect-backoff-max");
        double margin = c.maxmemorySafetyMargin();
        if (!(margin >= 0 && margin <= 100)) {
            refuse("sidecar.maxmemory-safety-margin", margin, "give a percentage from 0 to 100 (default 10)");
        }
        KeysConfig keys = c.keys();
        count(keys.samplesPerMinute(), 1, MAX_SAMPLES_PER_MINUTE, "sidecar.keys.samples-per-minute",
                ", or SIDECAR_KEYS_ENABLED=false to stop sampling");
        count(keys.batch(), 1, MAX_SAMPLES_PER_MINUTE, "sidecar.keys.batch",
                ", or SIDECAR_KEYS_ENABLED=false to stop sampling");
        count(keys.window(), 10, Integer.MAX_VALUE, "sidecar.keys.window", " samples");
        count(keys.top(), 1, Integer.MAX_VALUE, "sidecar.keys.top", " groups");
        count(keys.memorySamples(), 0, Integer.MAX_VALUE, "sidecar.keys.memory-samples", " (0: every element)");
        positive(keys.maxLatency(), "sidecar.keys.max-latency");
        double warmUp = keys.warmUpPercent();
        if (!(warmUp >= 0 && warmUp <= 25)) {
            refuse("sidecar.keys.warm-up-percent", warmUp, "give a share of Redis's time from 0 (no warm-up) to 25 "
                    + "percent (default 2)");
        }
        CloudWatchConfig cloudwatch = c.cloudwatch();
        atLeastOneSecond(cloudwatch.emfInterval(), "sidecar.cloudwatch.emf-interval", "CloudWatch keeps one value "
                + "a second at the most, 60s at standard resolution");
        count(cloudwatch.keyGroups(), 0, 100, "sidecar.cloudwatch.key-groups", " (each is a custom metric)");
        name(cloudwatch.namespace(), 255, "sidecar.cloudwatch.namespace", "e.g. RedisMemorySidecar");
        name(cloudwatch.redisName(), 250, "sidecar.cloudwatch.redis-name", "e.g. cache or state");
        for (String port : new String[] {"quarkus.http.port", "quarkus.http.ssl-port"}) {
            // Quarkus would fail to bind an impossible port with a stack trace, after everything else started.
            ConfigProvider.getConfig().getOptionalValue(port, Integer.class).filter(p -> p < 0 || p > 65535)
                    .ifPresent(p -> refuse(port, p, "use a port from 1 to 65535, e.g. 9121"));
        }
    }

    // CloudWatch refuses an empty name, a namespace of more than 255 characters or a dimension value of more than
    // 250 (the EMF specification's limit), and a namespace starting with "AWS/" is reserved for AWS.
    private static void name(String value, int max, String property, String example) {
        if (value.isBlank() || value.length() > max || value.startsWith("AWS/") || !value.strip().equals(value)) {
            refuse(property, "\"" + value + "\"", "use 1 to " + max + " characters without spaces around them "
                    + "and not starting with AWS/, " + example);
        }
    }

    private static void atLeastOneSecond(Duration value, String property, String why) {
        if (value.compareTo(SECOND) < 0) {
            refuse(property, value.toMillis() + "ms", "use 1s or more (" + why + ")");
        }
    }

    private static void range(Duration value, Duration min, Duration max, String property, String fix) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            refuse(property, value.toMillis() + "ms", "use " + fix);
        }
    }

    private static void positive(Duration value, String property) {
        if (value.isNegative() || value.isZero()) {
            refuse(property, value.toMillis() + "ms", "use a duration above 0, e.g. 500ms or 2s");
        }
    }

    private static void count(int value, int min, int max, String property, String after) {
        if (value < min || value > max) {
            refuse(property, value, "use " + min + (max == Integer.MAX_VALUE ? " or more" : " to " + max) + after);
        }
    }

    private static void refuse(String property, Object value, String fix) {
        throw new InvalidConfiguration(ConfigKeys.env(property) + " (" + property + ") is " + value + "; " + fix);
    }
}
