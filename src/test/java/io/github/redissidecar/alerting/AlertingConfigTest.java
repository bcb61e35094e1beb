package io.github.redissidecar.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped rules and routing: promtool's and amtool's verdicts, and the conventions every alert follows. */
class AlertingConfigTest {

    static final Path RULES = Path.of("alerting/redis-sidecar.rules.yml");
    static final Path ALERTMANAGER = Path.of("alerting/alertmanager.yml");
    private static final List<String> REQUIRED = List.of("RedisDown", "RedisMemoryHigh", "RedisMemoryCritical",
            "RedisMaxmemoryUnset", "RedisOOMKillRisk", "RedisMemoryFullSoon", "RedisEvictionSpike",
            "RedisRejectingWrites", "RedisFragmentationHigh", "RedisBgsaveFailed", "RedisAofWriteFailed",
            "RedisOvercommitDisabled", "RedisTransparentHugepagesEnabled", "RedisConfigDrift",
            "RedisConfigEnforcementBlocked", "RedisConfigEnforcementUnavailable", "RedisRestarted",
            "RedisSidecarPollFailing");

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        Command.Result check = Command.run("promtool", "check", "rules", RULES.toString());
        assertEquals(0, check.exitCode(), check.output());
        Command.Result test = Command.run("promtool", "test", "rules",
                "alerting/tests/redis-sidecar.rules.test.yml");
        assertEquals(0, test.exitCode(), test.output());
        assertTrue(test.output().contains("SUCCESS"), test.output());
    }

    @Test
    void everyRequiredAlertExistsAndIsUnitTested() throws Exception {
        List<String> names = alerts().stream().map(Alert::name).toList();
        String tests = Files.readString(Path.of("alerting/tests/redis-sidecar.rules.test.yml"));
        for (String name : REQUIRED) {
            assertTrue(names.contains(name), "missing alert " + name);
        }
        for (String name : names) {
            assertTrue(tests.contains("alertname: " + name), "no promtool test for " + name);
        }
    }

    @Test
    void everyAlertHasForSeverityTextAndARunbookSectionInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Alert alert : alerts()) {
            String body = alert.body();
            assertTrue(body.contains("\n        for: "), alert.name() + ": no for");
            assertTrue(body.matches("(?s).*severity: (critical|warning|info)\n.*"), alert.name() + ": no severity");
            assertTrue(body.contains("summary: "), alert.name() + ": no summary");
            Matcher description = Pattern.compile("description: \"(.*)\"").matcher(body);
            assertTrue(description.find(), alert.name() + ": no description");
            assertTrue(description.group(1).contains("{{ $labels.instance }}"), alert.name() + ": no instance");
            assertTrue(description.group(1).contains("$value"), alert.name() + ": no value");
            String anchor = alert.name().toLowerCase(Locale.ROOT);
            assertTrue(body.contains("README.md#" + anchor + "\""), alert.name() + ": runbook_url");
            assertTrue(readme.contains("\n### " + alert.name() + "\n"), alert.name() + ": no README runbook section");
        }
    }

    @Test
    void amtoolAcceptsTheAlertmanagerConfiguration() throws Exception {
        Command.Result check = Command.run("amtool", "check-config", ALERTMANAGER.toString());
        assertEquals(0, check.exitCode(), check.output());
    }

    @ParameterizedTest
    @CsvSource({"critical,pager", "warning,chat", "info,low-priority", "other,chat"})
    void severitiesRouteToTheirReceivers(String severity, String receiver) throws Exception {
        Command.Result route = Command.run("amtool", "config", "routes", "test", "--config.file=" + ALERTMANAGER,
                "alertname=RedisMemoryHigh", "instance=redis:9121", "severity=" + severity);
        assertEquals(0, route.exitCode(), route.output());
        // amtool prints a warning about --alertmanager.url first; the receiver is the last line.
        assertEquals(receiver, route.output().strip().lines().reduce((first, last) -> last).orElse(""));
    }

    record Alert(String name, String body) {
    }

    static List<Alert> alerts() throws Exception {
        String rules = Files.readString(RULES);
        List<Alert> out = new ArrayList<>();
        Matcher m = Pattern.compile("\n      - alert: (\\w+)\n").matcher(rules);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? starts.get(i + 1) : rules.length();
            out.add(new Alert(names.get(i), rules.substring(starts.get(i), end)));
        }
        return out;
    }
}
