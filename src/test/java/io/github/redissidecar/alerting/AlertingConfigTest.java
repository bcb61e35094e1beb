package io.github.redissidecar.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped rules and routing: promtool's and amtool's verdicts, and the conventions every alert follows. */
class AlertingConfigTest {

    static final Path RULES = Path.of("alerting/redis-sidecar.rules.yml");
    static final Path ALERTMANAGER = Path.of("alerting/alertmanager.yml");
    private static final List<String> REQUIRED = List.of("RedisDown", "RedisSidecarAuthFailing",
            "RedisSidecarPollFailing", "RedisSidecarDown", "RedisSidecarAbsent", "RedisRestarted", "RedisMemoryUnbounded", "RedisOOMKillRisk",
            "RedisMemoryNearContainerLimit", "RedisRejectingWrites", "RedisEvictionStorm", "RedisEvictionSpike",
            "RedisMemoryHigh", "RedisMemoryFullSoon", "RedisFragmentationHigh", "RedisMaxmemoryUnset",
            "RedisBgsaveFailed", "RedisAofWriteFailed", "RedisOvercommitDisabled", "RedisTransparentHugepagesEnabled",
            "RedisConfigDrift", "RedisConfigEnforcementBlocked", "RedisConfigEnforcementUnavailable",
            "RedisSidecarSettingsRefused");

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
    void everyAlertHasForSeverityProductTextsAndARunbookOfItsOwn() throws Exception {
        for (Alert alert : alerts()) {
            String body = alert.body();
            assertTrue(body.contains("\n        for: "), alert.name() + ": no for");
            assertTrue(body.matches("(?s).*severity: (critical|warning|info)\n.*"), alert.name() + ": no severity");
            assertTrue(body.contains("product: redis-memory-sidecar\n"), alert.name() + ": no product label");
            assertTrue(body.contains("summary: "), alert.name() + ": no summary");
            assertTrue(body.contains("recovered: "), alert.name() + ": no text for the resolved notification");
            assertTrue(body.contains("description: >-"), alert.name() + ": no description");
            // An alert about a whole job that has no sidecar left names the job: there is no Redis address to take.
            if (!body.contains("expr: |\n          group by (job) (")) {
                assertTrue(body.contains("{{ $labels.redis_address }}"), alert.name() + ": Redis's own address");
                assertTrue(Pattern.compile("group_left \\(redis_address\\) [^\n]*\\bredis_sidecar_info\\b")
                        .matcher(body).find(), alert.name() + ": address");
            }
            assertTrue(!Pattern.compile("(?:[-+*/<>]|[<>=!]=) on \\([^)]*\\) (?!group_left|group_right)").matcher(body).find(),
                    alert.name() + ": an arithmetic or comparison one-to-one on() keeps only the on() labels");
            Path runbook = Path.of("docs/runbooks", alert.name() + ".md");
            assertTrue(body.contains("runbook_url: \"https://github.com/redis-memory-sidecar/redis-memory-sidecar/blob/"
                    + "main/" + runbook + "\""), alert.name() + ": runbook_url");
            assertTrue(Files.exists(runbook), alert.name() + ": no " + runbook);
            String text = Files.readString(runbook);
            for (String part : List.of("# " + alert.name() + "\n", "\n## Meaning\n", "\n## Impact\n",
                    "\n## Diagnosis\n", "\n## Mitigation\n")) {
                assertTrue(text.contains(part), runbook + ": no " + part.strip());
            }
        }
    }

    @Test
    void everyMetricTheRulesReadIsExported() throws Exception {
        String exported = Files.readString(Path.of("src/test/resources/metrics/expected.prom"))
                + String.join("\n", io.github.redissidecar.testing.ExportedNames.all());
        Matcher metric = Pattern.compile("\\b(redis_[a-z_]+)\\b").matcher(Files.readString(RULES));
        while (metric.find()) {
            if (metric.group(1).equals("redis_address")) {
                continue; // the label of redis_sidecar_info, not a metric
            }
            assertTrue(exported.contains(metric.group(1)), "the rules read " + metric.group(1)
                    + ", which the sidecar does not export");
        }
    }

    @Test
    void amtoolAcceptsTheAlertmanagerConfiguration() throws Exception {
        Command.Result check = Command.run("amtool", "check-config", ALERTMANAGER.toString());
        assertEquals(0, check.exitCode(), check.output());
    }

    @ParameterizedTest
    @CsvSource({"severity=critical,redis-pager", "severity=warning,redis-chat", "severity=info,redis-low-priority",
        "severity=warning scope=host,redis-chat", "severity=other,redis-chat"})
    void theProductsAlertsRouteToTheirReceivers(String labels, String receiver) throws Exception {
        assertEquals(receiver, route("alertname=RedisMemoryHigh", "product=redis-memory-sidecar",
                "instance=redis:9121", labels));
    }

    @Test
    void otherProductsAlertsAreNotTouched() throws Exception {
        assertEquals("default", route("alertname=KubePodCrashLooping", "severity=critical"),
                "merged into a shared Alertmanager, a critical alert of anything else must not page our pager");
    }

    @Test
    void hostAlertsAreGroupedPerHostAndEveryInhibitionIsScopedToTheProduct() throws Exception {
        String config = Files.readString(ALERTMANAGER);
        assertTrue(config.contains("- matchers: ['scope=\"host\"']\n          receiver: redis-chat\n"
                + "          group_by: [alertname, host]"), config);
        String inhibit = config.substring(config.indexOf("inhibit_rules:"), config.indexOf("receivers:"));
        Matcher matchers = Pattern.compile("(source|target)_matchers: \\[(.*)]").matcher(inhibit);
        int rules = 0;
        while (matchers.find()) {
            assertTrue(matchers.group(2).startsWith("'product=\"redis-memory-sidecar\"'"), matchers.group());
            rules++;
        }
        assertTrue(rules >= 8, inhibit);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> receivers = (List<Map<String, Object>>) new org.yaml.snakeyaml.Yaml()
                .<Map<String, Object>>load(config).get("receivers");
        long rendered = receivers.stream().filter(r -> r.get("name").toString().startsWith("redis-"))
                .filter(r -> {
                    Map<?, ?> slack = (Map<?, ?>) ((List<?>) r.get("slack_configs")).get(0);
                    return "{{ template \"redis.title\" . }}".equals(slack.get("title"))
                            && "{{ template \"redis.text\" . }}".equals(slack.get("text"));
                }).count();
        assertEquals(3, rendered, "every receiver renders the shipped templates");
    }

    private static String route(String... labels) throws Exception {
        List<String> command = new ArrayList<>(List.of("amtool", "config", "routes", "test",
                "--config.file=" + ALERTMANAGER));
        for (String label : labels) {
            command.addAll(List.of(label.split(" ")));
        }
        Command.Result route = Command.run(command.toArray(String[]::new));
        assertEquals(0, route.exitCode(), route.output());
        // amtool prints a warning about --alertmanager.url first; the receiver is the last line.
        return route.output().strip().lines().reduce((first, last) -> last).orElse("");
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
