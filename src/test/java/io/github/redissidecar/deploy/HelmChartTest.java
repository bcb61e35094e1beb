package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.github.redissidecar.deploy.ChartRender.bootRedis;
import static io.github.redissidecar.deploy.ChartRender.container;
import static io.github.redissidecar.deploy.ChartRender.documents;
import static io.github.redissidecar.deploy.ChartRender.env;
import static io.github.redissidecar.deploy.ChartRender.find;
import static io.github.redissidecar.deploy.ChartRender.get;
import static io.github.redissidecar.deploy.ChartRender.render;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.github.redissidecar.settings.ConfLines;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.testing.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** The Helm chart, linted and rendered by helm itself (helm-java), for the defaults and each toggle. */
class HelmChartTest {

    private static final Path CHART = ChartRender.CHART;
    private static final Map<String, Map<String, Object>> TOGGLES = Map.ofEntries(
            Map.entry("defaults", Map.of()),
            Map.entry("no-persistence", Map.of("redis.persistence.enabled", false)),
            Map.entry("auth", Map.of("redis.auth.enabled", true, "redis.auth.existingSecret", "redis-secret")),
            Map.entry("no-auth", Map.of("redis.auth.enabled", false)),
            Map.entry("service-monitor", Map.of("metrics.serviceMonitor.enabled", true,
                    "metrics.serviceMonitor.additionalLabels.release", "kube-prometheus-stack")),
            Map.entry("prometheus-rule", Map.of("metrics.prometheusRule.enabled", true,
                    "metrics.prometheusRule.additionalLabels.release", "kube-prometheus-stack")),
            Map.entry("report-mode", Map.of("sidecar.mode", "report")),
            Map.entry("network-policy", Map.of("networkPolicy.enabled", true,
                    "networkPolicy.redisClients[0].podSelector.matchLabels.app", "django",
                    "networkPolicy.prometheus[0].namespaceSelector.matchLabels.name", "monitoring")),
            Map.entry("pdb-pull-secrets-digest", Map.of("podDisruptionBudget.enabled", true,
                    "imagePullSecrets[0].name", "registry", "sidecar.image.digest", "sha256:" + "ab".repeat(32))),
            Map.entry("long-name", Map.of("fullnameOverride", "r".repeat(63))));

    @TempDir
    Path dir;

    @Test
    void lintsStrictly() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"defaults", "no-persistence", "auth", "no-auth", "service-monitor", "prometheus-rule",
        "report-mode", "network-policy", "pdb-pull-secrets-digest", "long-name"})
    void rendersValidKubernetesObjects(String toggle) throws Exception {
        String manifests = render(TOGGLES.get(toggle));
        Path file = Files.createTempFile("helm-" + toggle, ".yaml");
        Files.writeString(file, manifests);
        Command.Result validation = NodeTools.run("node", "tools/validate-manifests.mjs", file.toString());
        assertEquals(0, validation.exitCode(), validation.output());
        assertTrue(validation.output().contains("valid apps/v1/StatefulSet"), validation.output());
    }

    @Test
    void theSidecarGetsRedisMemoryLimitThroughTheDownwardApiAndPortsAgree() {
        List<Map<String, Object>> docs = documents(render(Map.of()));
        Map<String, Object> pod = get(find(docs, "StatefulSet"), "spec", "template", "spec");
        Map<String, Object> sidecar = container(pod, "sidecar");
        // A Downward API volume, not an env var: the kubelet updates the file and the sidecar re-reads it.
        String limitFile = String.valueOf(env(sidecar, "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE").get("value"));
        Map<String, Object> mount = ((List<Map<String, Object>>) sidecar.get("volumeMounts")).stream()
                .filter(m -> limitFile.startsWith(m.get("mountPath") + "/")).findFirst().orElseThrow();
        Map<String, Object> volume = ((List<Map<String, Object>>) pod.get("volumes")).stream()
                .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
        Map<String, Object> item = ((List<Map<String, Object>>) get(volume, "downwardAPI").get("items")).get(0);
        assertEquals(limitFile, mount.get("mountPath") + "/" + item.get("path"));
        Map<String, Object> ref = get(item, "resourceFieldRef");
        assertEquals("redis", ref.get("containerName"));
        assertEquals("limits.memory", ref.get("resource"));
        assertEquals("1", String.valueOf(ref.get("divisor")));
        assertNotNull(get(container(pod, "redis"), "resources", "limits").get("memory"));

        Object port = ((List<Map<String, Object>>) sidecar.get("ports")).get(0).get("containerPort");
        assertEquals("9121", String.valueOf(port));
        assertEquals("9121", String.valueOf(env(sidecar, "QUARKUS_HTTP_PORT").get("value")));
        Map<String, Object> metricsService = docs.stream().filter(d -> "Service".equals(d.get("kind"))
                && String.valueOf(get(d, "metadata").get("name")).endsWith("-metrics")).findFirst().orElseThrow();
        Map<String, Object> servicePort = ((List<Map<String, Object>>) get(metricsService, "spec").get("ports")).get(0);
        assertEquals("http-metrics", servicePort.get("targetPort"));
        assertEquals("/q/health/live", get(sidecar, "livenessProbe", "httpGet").get("path"));
        // The pod's readiness is Redis's: a sidecar that cannot reach Redis must not take it out of its Service.
        assertFalse(sidecar.containsKey("readinessProbe"), String.valueOf(sidecar.get("readinessProbe")));
        assertNotNull(get(container(pod, "redis"), "readinessProbe"));
        assertEquals("redis://127.0.0.1:6379", env(sidecar, "REDIS_ADDR").get("value"));
    }

    @Test
    void containersAreLockedDownAndTheSettingsParse() {
        List<Map<String, Object>> docs = documents(render(Map.of()));
        Map<String, Object> template = get(find(docs, "StatefulSet"), "spec", "template");
        assertFalse(String.valueOf(get(template, "metadata")).contains("checksum/"),
                "a settings change is applied live: it must not roll the pod");
        Map<String, Object> pod = get(template, "spec");
        assertEquals(true, get(pod, "securityContext").get("runAsNonRoot"));
        for (String name : List.of("redis", "sidecar")) {
            Map<String, Object> security = get(container(pod, name), "securityContext");
            assertEquals(true, security.get("readOnlyRootFilesystem"), name);
            assertEquals(false, security.get("allowPrivilegeEscalation"), name);
            assertEquals(List.of("ALL"), get(security, "capabilities").get("drop"), name);
        }
        String settings = String.valueOf(get(find(docs, "ConfigMap"), "data").get("settings.conf"));
        DesiredSettings parsed = DesiredSettings.of(ConfLines.parse(settings, "values.yaml"),
                OptionalLong.of(512L << 20));
        assertEquals(List.of("maxmemory", "maxmemory-policy"), parsed.parameters());
    }

    static Stream<Arguments> bootSettings() {
        long mi512 = 512L << 20;
        return Stream.of(
                Arguments.of("maxmemory 35%\nmaxmemory-policy allkeys-lru", mi512),
                Arguments.of("maxmemory 33.25%\nmaxmemory-policy volatile-lru", mi512),
                Arguments.of("# a comment\n  MAXMEMORY \"12.5%\"\nmaxmemory-policy ALLKEYS-LFU\nsave \"\"", 3L << 30),
                Arguments.of("maxmemory 33.333333%\nmaxmemory-policy allkeys-lru", 64L << 30),
                Arguments.of("maxmemory 300mb\nmaxmemory-policy noeviction", mi512),
                Arguments.of("maxmemory 1.5gb", 2L << 30),
                Arguments.of("maxmemory 384Mi\nmaxmemory-policy volatile-ttl", mi512),
                Arguments.of("maxmemory 500m", mi512),
                Arguments.of("maxmemory 268435456\nmaxmemory-policy allkeys-random", mi512));
    }

    /**
     * The Redis container's own shell command, run with {@code sh} against a settings file and a limit file, with
     * a stub {@code redis-server} that records its arguments: Redis boots with the maxmemory and policy the sidecar
     * computes from the same file, so it is bounded even if the sidecar never starts.
     */
    @ParameterizedTest
    @MethodSource("bootSettings")
    void redisBootsWithTheMaxmemoryTheSidecarEnforces(String settings, long limit) throws Exception {
        List<String> args = bootRedis(dir, Map.of(), settings, limit);
        DesiredSettings desired = DesiredSettings.of(ConfLines.parse(settings, "values"), OptionalLong.of(limit));
        assertEquals(desired.value("maxmemory").orElseThrow(), args.get(args.indexOf("--maxmemory") + 1),
                String.valueOf(args));
        assertEquals(desired.value("maxmemory-policy").isPresent(), args.contains("--maxmemory-policy"),
                String.valueOf(args));
        desired.value("maxmemory-policy").ifPresent(policy ->
                assertEquals(policy, args.get(args.indexOf("--maxmemory-policy") + 1), String.valueOf(args)));
        assertEquals(List.of("--port", "6379", "--dir", "/data", "--appendonly", "yes"), args.subList(0, 6));
    }

    @Test
    void aSettingsTypoNeverKeepsRedisFromStarting() throws Exception {
        // The sidecar refuses such a file and says why; Redis must still start (bounded by nothing it cannot read).
        List<String> args = bootRedis(dir, Map.of(), "maxmemory lots\nmaxmemory-policy allkeys_lru", 512L << 20);
        assertEquals(List.of("--port", "6379", "--dir", "/data", "--appendonly", "yes"), args);
    }

    @Test
    void changingTheSettingsDoesNotChangeThePodTemplate() {
        String before = statefulSetText(render(Map.of("sidecar.settings", "maxmemory 35%\nmaxmemory-policy allkeys-lru")));
        String after = statefulSetText(render(Map.of("sidecar.settings",
                "maxmemory 300mb\nmaxmemory-policy noeviction\nappendfsync always")));
        assertTrue(before.contains("kind: StatefulSet"), before);
        assertEquals(before, after, "a settings change must not roll the pod (the sidecar applies it live)");
    }

    /** Both containers read the settings ConfigMap and the Downward API limit where their env says. */
    @Test
    void redisReadsTheSameMountedSettingsAndLimitAsTheSidecar() {
        List<Map<String, Object>> docs = documents(render(Map.of()));
        Map<String, Object> pod = get(find(docs, "StatefulSet"), "spec", "template", "spec");
        String configMap = String.valueOf(get(find(docs, "ConfigMap"), "metadata").get("name"));
        for (String name : List.of("redis", "sidecar")) {
            Map<String, Object> container = container(pod, name);
            String settingsFile = String.valueOf(env(container, "SIDECAR_SETTINGS_FILE").get("value"));
            Map<String, Object> settingsVolume = mountedVolume(pod, container, settingsFile);
            assertEquals(configMap, get(settingsVolume, "configMap").get("name"), name);
            assertTrue(settingsFile.endsWith("/settings.conf"), settingsFile);
            String limitFile = String.valueOf(env(container, "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE").get("value"));
            Map<String, Object> item = ((List<Map<String, Object>>) get(mountedVolume(pod, container, limitFile),
                    "downwardAPI").get("items")).get(0);
            assertTrue(limitFile.endsWith("/" + item.get("path")), limitFile);
            assertEquals("redis", get(item, "resourceFieldRef").get("containerName"));
        }
    }

    private static String statefulSetText(String manifests) {
        return Arrays.stream(manifests.split("\n---")).filter(d -> d.contains("\nkind: StatefulSet")).findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> mountedVolume(Map<String, Object> pod, Map<String, Object> container,
            String file) {
        Map<String, Object> mount = ((List<Map<String, Object>>) container.get("volumeMounts")).stream()
                .filter(m -> file.startsWith(m.get("mountPath") + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(container.get("name") + " does not mount " + file));
        return ((List<Map<String, Object>>) pod.get("volumes")).stream()
                .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void aDigestPinsTheSidecarImage() {
        String digest = "sha256:" + "0123456789abcdef".repeat(4);
        Map<String, Object> pod = get(find(documents(render(Map.of("sidecar.image.digest", digest))), "StatefulSet"),
                "spec", "template", "spec");
        assertEquals("ghcr.io/redis-memory-sidecar/redis-memory-sidecar@" + digest, container(pod, "sidecar").get("image"));
    }

    @Test
    void authIsOnByDefaultWithAGeneratedSecretMountedAsAFile() throws Exception {
        List<Map<String, Object>> docs = documents(render(Map.of()));
        Map<String, Object> secret = find(docs, "Secret");
        // A normal resource (a hook would be re-created by a reinstall or a GitOps sync), kept by helm uninstall.
        assertEquals(Map.of("helm.sh/resource-policy", "keep"), get(secret, "metadata", "annotations"));
        String password = new String(java.util.Base64.getDecoder().decode(
                String.valueOf(get(secret, "data").get("redis-password"))), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(password.matches("[A-Za-z0-9]{32}"), password);
        Map<String, Object> pod = get(find(docs, "StatefulSet"), "spec", "template", "spec");
        assertPasswordFile(pod, "cache-redis-memory-sidecar-auth");
    }

    @Test
    void authFromAnExistingSecretCreatesNone() {
        String manifests = render(TOGGLES.get("auth"));
        Map<String, Object> pod = get(find(documents(manifests), "StatefulSet"), "spec", "template", "spec");
        assertPasswordFile(pod, "redis-secret");
        assertFalse(manifests.contains("kind: Secret"), "the chart must not create or hold the password");
    }

    private static void assertPasswordFile(Map<String, Object> pod, String secretName) {
        assertEquals("/etc/redis-auth/redis-password", env(container(pod, "sidecar"), "REDIS_PASSWORD_FILE").get("value"));
        assertTrue(String.valueOf(container(pod, "redis").get("args")).contains(
                "--requirepass \"$(cat /etc/redis-auth/redis-password)\""));
        Map<String, Object> volume = ((List<Map<String, Object>>) pod.get("volumes")).stream()
                .filter(v -> "redis-auth".equals(v.get("name"))).findFirst().orElseThrow();
        assertEquals(secretName, get(volume, "secret").get("secretName"));
        assertEquals(false, pod.get("automountServiceAccountToken"));
        String probe = String.valueOf(get(container(pod, "redis"), "readinessProbe", "exec").get("command"));
        assertTrue(probe.contains("redis-cli") && probe.contains("ping") && probe.contains("REDISCLI_AUTH"), probe);
        assertNotNull(get(container(pod, "redis"), "livenessProbe").get("timeoutSeconds"));
    }

    @Test
    void theSchemaRejectsAMissingRedisMemoryLimitAndAMisspelledMode() {
        assertRejected(Map.of("redis.resources.limits", "null"), "limits");
        assertRejected(Map.of("redis.resources.limits.memory", "null"), "memory");
        assertRejected(Map.of("sidecar.mode", "enfroce"), "mode");
        assertRejected(Map.of("redis.resources.limits.memory", "lots"), "memory");
        assertRejected(Map.of("metrics.serviceMonitor.labels.release", "x"), "serviceMonitor");
    }

    private static void assertRejected(Map<String, Object> values, String mention) {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> render(values),
                "rendered despite " + values);
        assertTrue(e.getMessage().contains("values don't meet the specifications of the schema"), e.getMessage());
        assertTrue(e.getMessage().contains(mention), e.getMessage());
    }

    @Test
    void everyNameFitsKubernetesLimitsAndMonitoringIsSelectedByRelease() {
        for (Map<String, Object> doc : documents(render(TOGGLES.get("long-name")))) {
            String name = String.valueOf(get(doc, "metadata").get("name"));
            assertTrue(name.length() <= 63 && !name.endsWith("-"), doc.get("kind") + " " + name);
        }
        Map<String, Object> monitor = find(documents(render(TOGGLES.get("service-monitor"))), "ServiceMonitor");
        assertEquals("kube-prometheus-stack", get(monitor, "metadata", "labels").get("release"));
        assertEquals("app.kubernetes.io/name", get(monitor, "spec").get("jobLabel"));
    }

    @Test
    void theNetworkPolicyOpensRedisToTheClientsAndMetricsToPrometheusOnly() {
        Map<String, Object> policy = find(documents(render(TOGGLES.get("network-policy"))), "NetworkPolicy");
        List<Map<String, Object>> ingress = (List<Map<String, Object>>) get(policy, "spec").get("ingress");
        assertEquals(2, ingress.size());
        assertEquals("6379", String.valueOf(((List<Map<String, Object>>) ingress.get(0).get("ports")).get(0).get("port")));
        assertEquals("9121", String.valueOf(((List<Map<String, Object>>) ingress.get(1).get("ports")).get(0).get("port")));
        assertFalse(render(Map.of()).contains("kind: NetworkPolicy"), "optional");
    }

    @Test
    void thePrometheusRuleIsTheCanonicalRulesFileUnchanged() throws Exception {
        String canonical = Files.readString(Path.of("alerting/redis-sidecar.rules.yml"));
        assertEquals(canonical, Files.readString(CHART.resolve("files/redis-sidecar.rules.yml")),
                "helm/redis-memory-sidecar/files/redis-sidecar.rules.yml differs from alerting/redis-sidecar.rules.yml;"
                        + " copy it again");
        Map<String, Object> rule = find(documents(render(TOGGLES.get("prometheus-rule"))), "PrometheusRule");
        Map<String, Object> expected = new Yaml().load(canonical);
        assertEquals(expected, get(rule, "spec"));
        assertEquals("kube-prometheus-stack", get(rule, "metadata", "labels").get("release"));
    }

    @Test
    void composeUsesTheSameCanonicalFile() throws Exception {
        assertTrue(Files.readString(Path.of("compose.yaml")).contains("./alerting/redis-sidecar.rules.yml:"));
    }
}
