package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.SidecarProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every configuration the sidecar refuses ends the packaged jar with a non-zero exit and at most two lines of
 * output (no stack trace) that name the key, the value and the fix. {@code --help} and {@code --version} print
 * and exit 0 without starting anything.
 */
class SettingsStartupIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SIDECAR_SETTINGS=maxmemory-policy allkeys-lrv|SIDECAR_SETTINGS line 1 \"maxmemory-policy allkeys-lrv\"",
        "SIDECAR_SETTINGS=maxmemory 35%|set SIDECAR_CONTAINER_MEMORY_LIMIT",
        "SIDECAR_SETTINGS=maxmemory 1gb;SIDECAR_CONTAINER_MEMORY_LIMIT=768mb|above the container memory limit",
        "SIDECAR_SETTINGS=maxmemory 120%;SIDECAR_CONTAINER_MEMORY_LIMIT=768mb|at most 100%",
        "SIDECAR_SETTINGS=maxmemory lots;SIDECAR_CONTAINER_MEMORY_LIMIT=768mb|\"lots\" is not a size",
        "SIDECAR_SETTINGS_FILE=/nonexistent/settings.conf|SIDECAR_SETTINGS_FILE /nonexistent/settings.conf",
        "SIDECAR_CONTAINER_MEMORY_LIMIT=12parsecs|SIDECAR_CONTAINER_MEMORY_LIMIT (sidecar.container-memory-limit) "
                + "is '12parsecs'",
        "REDIS_ADDR=redis://127.0.0.1:99999|REDIS_ADDR (sidecar.redis.address) has port 99999, outside 1..65535",
        "REDIS_ADDR=cache:99999|has port 99999, outside 1..65535. Use the port Redis listens on",
        "QUARKUS_HTTP_SSL_PORT=99999|QUARKUS_HTTP_SSL_PORT (quarkus.http.ssl-port) is 99999; use a port from 1 to 65535",
        "REDIS_PASSWORD_FILE=/dev/zero|REDIS_PASSWORD_FILE (sidecar.redis.password-file) is /dev/zero, which is not a "
                + "regular file",
        "SIDECAR_POLL_INTERVAL=10ms|SIDECAR_POLL_INTERVAL (sidecar.poll.interval) is 10ms; use 1s or more",
        "SIDECAR_POLL_INTERVAL=500ms|SIDECAR_POLL_INTERVAL (sidecar.poll.interval) is 500ms; use 1s or more",
        "SIDECAR_POLL_MAX_AGE=90s|SIDECAR_POLL_MAX_AGE (sidecar.poll.max-age) is 90000ms; use 0 to "
                + "SIDECAR_POLL_INTERVAL (60s)",
        "SIDECAR_POLL_SCRAPE_WAIT=0s|SIDECAR_POLL_SCRAPE_WAIT (sidecar.poll.scrape-wait) is 0ms; use 1ms to 10s",
        "SIDECAR_DRIFT_CHECK_INTERVAL=200ms|SIDECAR_DRIFT_CHECK_INTERVAL (sidecar.drift-check-interval) is 200ms",
        "SIDECAR_DRIFT_CHECK_INTERVAL=soon|SIDECAR_DRIFT_CHECK_INTERVAL (sidecar.drift-check-interval) is \"soon\"",
        "SIDECAR_SETTINGS_WATCH_INTERVAL=200ms|SIDECAR_SETTINGS_WATCH_INTERVAL (sidecar.settings-watch-interval) is "
                + "200ms; use 1s or more",
        "SIDECAR_SETTINGS_WATCH_INTERVAL=often|SIDECAR_SETTINGS_WATCH_INTERVAL (sidecar.settings-watch-interval) is "
                + "\"often\"",
        "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE=/nonexistent/limit|SIDECAR_CONTAINER_MEMORY_LIMIT_FILE "
                + "(sidecar.container-memory-limit-file) /nonexistent/limit cannot be read",
        "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE=/etc/hostname|/etc/hostname does not hold a memory size (",
        "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE=/etc/hostname;SIDECAR_CONTAINER_MEMORY_LIMIT=768mb|set only one of the two",
        "SIDECAR_ENFORCE=enfroce|SIDECAR_ENFORCE (sidecar.enforce) is \"enfroce\"",
        "SIDECAR_CONFIG_REWRITE=ture|SIDECAR_CONFIG_REWRITE (sidecar.config-rewrite) is \"ture\"",
        "SIDECAR_ADOPT_AFTER=later|SIDECAR_ADOPT_AFTER (sidecar.adopt-after) is \"later\"",
        "SIDECAR_MAXMEMORY_SAFETY_MARGIN=150|SIDECAR_MAXMEMORY_SAFETY_MARGIN",
        "REDIS_ADDR=http://redis:6379|REDIS_ADDR",
        "SIDECAR_REDIS_TLS_CA_FILE=/nonexistent/ca.pem|SIDECAR_REDIS_TLS_CA_FILE",
        "SIDECAR_REDIS_TLS_CERT_FILE=/etc/hostname|SIDECAR_REDIS_TLS_KEY_FILE go together",
        "REDIS_PASSWORD_FILE=/nonexistent/password|REDIS_PASSWORD_FILE",
        "SIDECAR_HTTP_BASIC_AUTH_USER=prometheus|SIDECAR_HTTP_BASIC_AUTH_PASSWORD",
        "SIDECAR_HTTP_BEARER_TOKEN_FILE=/nonexistent/token|SIDECAR_HTTP_BEARER_TOKEN_FILE",
        "SIDECAR_KEYS_SAMPLES_PER_MINUTE=0|SIDECAR_KEYS_SAMPLES_PER_MINUTE (sidecar.keys.samples-per-minute) is 0",
        "SIDECAR_KEYS_BATCH=0|SIDECAR_KEYS_BATCH (sidecar.keys.batch) is 0",
        "SIDECAR_KEYS_GROUPS=(celery|SIDECAR_KEYS_GROUPS (sidecar.keys.groups): '(celery' is not a regular expression",
        "SIDECAR_KEYS_TOP=0|SIDECAR_KEYS_TOP (sidecar.keys.top) is 0",
        "SIDECAR_CLOUDWATCH_EMF=ture|SIDECAR_CLOUDWATCH_EMF (sidecar.cloudwatch.emf) is \"ture\": not a boolean",
        "SIDECAR_CLOUDWATCH_EMF_INTERVAL=500ms|SIDECAR_CLOUDWATCH_EMF_INTERVAL (sidecar.cloudwatch.emf-interval) is 500ms",
        "SIDECAR_CLOUDWATCH_NAMESPACE=AWS/Redis|SIDECAR_CLOUDWATCH_NAMESPACE (sidecar.cloudwatch.namespace) is \"AWS/Redis\"",
        "SIDECAR_CLOUDWATCH_KEY_GROUPS=500|SIDECAR_CLOUDWATCH_KEY_GROUPS (sidecar.cloudwatch.key-groups) is 500",
    })
    void refusesToStartWithOneLine(String assignments, String expected) throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String assignment : assignments.split(";")) {
            env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=')
                    + 1));
        }
        try (SidecarProcess sidecar = SidecarProcess.start(env)) {
            assertTrue(sidecar.process().waitFor(60, TimeUnit.SECONDS), "the sidecar must exit");
            assertNotEquals(0, sidecar.process().exitValue());
            List<String> lines = sidecar.output().lines().filter(l -> !l.isBlank()).toList();
            assertTrue(lines.size() <= 2, "at most two lines:\n" + sidecar.output());
            assertTrue(lines.stream().noneMatch(l -> l.strip().startsWith("at ")), sidecar.output());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Refusing to start. ") && l.contains(expected)),
                    sidecar.output());
        }
    }

    @Test
    void helpAndVersionPrintAndExitWithoutStarting() throws Exception {
        String help = run("--help");
        assertTrue(help.contains("SIDECAR_SETTINGS") && help.contains("REDIS_PASSWORD_FILE"), help);
        // Every key and its default: ConfigurationDocsTest holds --help to the configuration mapping.
        assertTrue(run("--version").strip().matches("redis-memory-sidecar \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
                "the project version, filtered in");
    }

    private static String run(String argument) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "target/quarkus-app/quarkus-run.jar", argument).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return new String(p.getInputStream().readAllBytes());
    }
}
