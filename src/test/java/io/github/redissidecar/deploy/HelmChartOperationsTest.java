package io.github.redissidecar.deploy;

import static io.github.redissidecar.deploy.ChartRender.bootRedis;
import static io.github.redissidecar.deploy.ChartRender.cast;
import static io.github.redissidecar.deploy.ChartRender.container;
import static io.github.redissidecar.deploy.ChartRender.documents;
import static io.github.redissidecar.deploy.ChartRender.env;
import static io.github.redissidecar.deploy.ChartRender.find;
import static io.github.redissidecar.deploy.ChartRender.get;
import static io.github.redissidecar.deploy.ChartRender.pod;
import static io.github.redissidecar.deploy.ChartRender.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The chart as it lives in a cluster: reinstalls, drains, network policies, scraping, GitOps and strict values. */
class HelmChartOperationsTest {

    private static final String SECRET = "cache-redis-memory-sidecar-auth";

    @TempDir
    Path dir;

    @AfterEach
    void forgetStubbedSecrets() {
        FakeKubernetesApi.get().clear();
    }

    // Redis keeps the password its data and clients use; a new random one on reinstall would fail every AUTH.
    @Test
    void anUpgradeOrAReinstallOverAKeptSecretKeepsThePassword() {
        String kept = Base64.getEncoder().encodeToString("the-password-redis-has".getBytes(StandardCharsets.UTF_8));
        FakeKubernetesApi.get().putSecret("redis", SECRET, "redis-password", kept);
        for (int i = 0; i < 2; i++) {
            assertEquals(kept, get(find(documents(render(Map.of())), "Secret"), "data").get("redis-password"));
        }
        FakeKubernetesApi.get().clear();
        // What a renderer without a cluster (helm template, Argo CD) gets: a new password each time, hence
        // existingSecret for GitOps (values.yaml, README).
        assertNotEquals(password(), password());
    }

    private static Object password() {
        return get(find(documents(render(Map.of())), "Secret"), "data").get("redis-password");
    }

    @Test
    void aPodDisruptionBudgetOnOneReplicaNeverBlocksANodeDrain() {
        Map<String, Object> spec = get(find(documents(render(Map.of("podDisruptionBudget.enabled", true))),
                "PodDisruptionBudget"), "spec");
        assertEquals(1, spec.get("maxUnavailable"));
        assertFalse(spec.containsKey("minAvailable"), String.valueOf(spec));
        Map<String, Object> strict = get(find(documents(render(Map.of("podDisruptionBudget.enabled", true,
                "podDisruptionBudget.minAvailable", 1))), "PodDisruptionBudget"), "spec");
        assertEquals(Map.of("minAvailable", 1), Map.of("minAvailable", strict.get("minAvailable")));
        assertFalse(strict.containsKey("maxUnavailable"), String.valueOf(strict));
    }

    @Test
    void aNetworkPolicyWithDefaultValuesLetsPrometheusAndTheNamespaceIn() {
        List<Map<String, Object>> ingress = cast(get(find(documents(render(Map.of("networkPolicy.enabled", true))),
                "NetworkPolicy"), "spec").get("ingress"));
        assertEquals(2, ingress.size(), String.valueOf(ingress));
        assertEquals(List.of(Map.of("podSelector", Map.of())), ingress.get(0).get("from"), "this namespace's pods");
        assertEquals(6379, ChartRender.<List<Map<String, Object>>>cast(ingress.get(0).get("ports")).get(0).get("port"));
        assertFalse(ingress.get(1).containsKey("from"), "metrics from anywhere: " + ingress.get(1));
        assertEquals(9121, ChartRender.<List<Map<String, Object>>>cast(ingress.get(1).get("ports")).get(0).get("port"));
    }

    @Test
    void extraArgsReachRedisAsWordsEvenEmptyOnesAndNeverAsShellCode() throws Exception {
        List<String> args = bootRedis(dir, Map.of("redis.extraArgs[0]", "--save", "redis.extraArgs[1]", "",
                "redis.extraArgs[2]", "$(touch " + dir.resolve("pwned") + ")", "redis.extraArgs[3]", "it's; ok"),
                "maxmemory 35%", 512L << 20);
        assertEquals(List.of("--save", "", "$(touch " + dir.resolve("pwned") + ")", "it's; ok"),
                args.subList(args.size() - 4, args.size()), String.valueOf(args));
        assertFalse(Files.exists(dir.resolve("pwned")), "an argument ran as a command");
    }

    @Test
    void aRunAsUserInTheContainerSecurityContextIsWrittenOnce() {
        // documents() refuses a key written twice: the sidecar's own runAsUser used to follow the user's.
        Map<String, Object> pod = pod(documents(render(Map.of("containerSecurityContext.runAsUser", 1234))));
        assertEquals(1234, get(container(pod, "sidecar"), "securityContext").get("runAsUser"));
        assertEquals(1001, get(container(pod(documents(render(Map.of()))), "sidecar"), "securityContext")
                .get("runAsUser"), "the image's user by default");
    }

    @Test
    void theSchemaRefusesUnknownKeysAndMilliMemoryButAcceptsAParentsGlobal() {
        assertRejected(Map.of("redis.persistance.enabled", false), "persistance");
        assertRejected(Map.of("sidecar.settigns", "maxmemory 1gb"), "settigns");
        assertRejected(Map.of("redis.resources.limits.memory", "512m"), "memory");
        assertRejected(Map.of("sidecar.resources.limits.memory", "64m"), "memory");
        assertTrue(render(Map.of("global.imageRegistry", "mirror.example")).contains("kind: StatefulSet"));
    }

    private static void assertRejected(Map<String, Object> values, String mention) {
        Exception e = assertThrows(Exception.class, () -> render(values), "rendered despite " + values);
        assertTrue(e.getMessage().contains("values don't meet the specifications of the schema"), e.getMessage());
        assertTrue(e.getMessage().contains(mention), e.getMessage());
    }

    @Test
    void aServiceMonitorReplacesTheScrapeAnnotationsSoNothingIsScrapedTwice() {
        assertTrue(metricsServiceAnnotations(Map.of()).containsKey("prometheus.io/scrape"));
        assertFalse(metricsServiceAnnotations(Map.of("metrics.serviceMonitor.enabled", true))
                .containsKey("prometheus.io/scrape"));
    }

    private static Map<String, Object> metricsServiceAnnotations(Map<String, Object> values) {
        Map<String, Object> service = documents(render(values)).stream().filter(d -> "Service".equals(d.get("kind"))
                && String.valueOf(get(d, "metadata").get("name")).endsWith("-metrics")).findFirst().orElseThrow();
        Object annotations = get(service, "metadata").get("annotations");
        return annotations == null ? Map.of() : cast(annotations);
    }

    @Test
    void aProtectedSidecarIsScrapedWithItsTokenAndRelabelled() throws Exception {
        String manifests = render(Map.of("metrics.serviceMonitor.enabled", true,
                "metrics.serviceMonitor.additionalLabels.release", "kube-prometheus-stack",
                "sidecar.metricsAuth.existingSecret", "sidecar-token",
                "metrics.serviceMonitor.relabelings[0].targetLabel", "cluster",
                "metrics.serviceMonitor.relabelings[0].replacement", "eu-1",
                "metrics.serviceMonitor.metricRelabelings[0].action", "drop",
                "metrics.serviceMonitor.metricRelabelings[0].regex", "redis_sidecar_keygroup_.*",
                "metrics.serviceMonitor.metricRelabelings[0].sourceLabels[0]", "__name__"));
        List<Map<String, Object>> docs = documents(manifests);
        Map<String, Object> endpoint = ChartRender.<List<Map<String, Object>>>cast(get(find(docs, "ServiceMonitor"),
                "spec").get("endpoints")).get(0);
        assertEquals(Map.of("type", "Bearer", "credentials", Map.of("name", "sidecar-token", "key", "token")),
                endpoint.get("authorization"));
        assertEquals("cluster", ChartRender.<List<Map<String, Object>>>cast(endpoint.get("relabelings")).get(0)
                .get("targetLabel"));
        assertEquals("drop", ChartRender.<List<Map<String, Object>>>cast(endpoint.get("metricRelabelings")).get(0)
                .get("action"));
        Map<String, Object> sidecar = container(pod(docs), "sidecar");
        assertEquals("/etc/redis-memory-sidecar-token/token", env(sidecar, "SIDECAR_HTTP_BEARER_TOKEN_FILE")
                .get("value"));
        assertValid(manifests, "valid monitoring.coreos.com/v1/ServiceMonitor");
        // The operator reads the token's Secret in the ServiceMonitor's namespace: elsewhere every scrape would fail.
        Exception elsewhere = assertThrows(Exception.class, () -> render(Map.of("metrics.serviceMonitor.enabled", true,
                "metrics.serviceMonitor.namespace", "monitoring", "sidecar.metricsAuth.existingSecret", "t")));
        assertTrue(elsewhere.getMessage().contains("metrics.serviceMonitor.namespace must be the release's namespace"),
                elsewhere.getMessage());
    }

    @Test
    void theSidecarImageFollowsTheChartsAppVersion() throws Exception {
        Map<String, Object> chart = new Yaml().load(Files.readString(ChartRender.CHART.resolve("Chart.yaml")));
        String expected = "ghcr.io/redis-memory-sidecar/redis-memory-sidecar:" + chart.get("appVersion") + "-native";
        assertEquals(expected, container(pod(documents(render(Map.of()))), "sidecar").get("image"));
        assertTrue(Files.readString(Path.of("deploy/helm-bitnami/values.yaml")).contains("image: " + expected),
                "the Bitnami example names another version");
    }

    @Test
    void theGrafanaDashboardShipsAsAConfigMapTheGrafanaSidecarLoads() throws Exception {
        String canonical = Files.readString(Path.of("dashboards/redis-memory-sidecar.json"));
        assertEquals(canonical, Files.readString(ChartRender.CHART.resolve("files/redis-memory-sidecar.json")),
                "helm/redis-memory-sidecar/files/redis-memory-sidecar.json differs from dashboards/: copy it again");
        assertFalse(render(Map.of()).contains("grafana_dashboard"), "optional");
        Map<String, Object> configMap = documents(render(Map.of("grafanaDashboard.enabled", true))).stream()
                .filter(d -> String.valueOf(get(d, "metadata").get("name")).endsWith("-dashboard")).findFirst()
                .orElseThrow();
        assertEquals("1", get(configMap, "metadata", "labels").get("grafana_dashboard"));
        assertEquals(canonical.strip(), String.valueOf(get(configMap, "data").get("redis-memory-sidecar.json")));
    }

    @Test
    void theBitnamiExampleIsAValidPodWithThePasswordAsAFileAndAPodMonitorThatFindsIt() throws Exception {
        Map<String, Object> master = get(new Yaml().load(Files.readString(Path.of("deploy/helm-bitnami/values.yaml"))),
                "master");
        Map<String, Object> sidecar = ChartRender.<List<Map<String, Object>>>cast(master.get("sidecars")).get(0);
        String pod = new Yaml().dump(Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of("name", "my-redis"),
                "spec", Map.of("containers", List.of(sidecar), "volumes", master.get("extraVolumes"))));
        String podMonitor = Files.readString(Path.of("deploy/helm-bitnami/podmonitor.yaml"));
        assertValid(pod + "---\n" + podMonitor, "valid v1/Pod", "valid monitoring.coreos.com/v1/PodMonitor");
        assertTrue(String.valueOf(sidecar.get("env")).contains("REDIS_PASSWORD_FILE"), String.valueOf(sidecar));
        assertFalse(String.valueOf(sidecar.get("env")).contains("name=REDIS_PASSWORD,"), "the password in env");
        Map<String, Object> monitor = new Yaml().load(podMonitor);
        Object port = ChartRender.<List<Map<String, Object>>>cast(get(monitor, "spec").get("podMetricsEndpoints"))
                .get(0).get("port");
        assertEquals(port, ChartRender.<List<Map<String, Object>>>cast(sidecar.get("ports")).get(0).get("name"));
    }

    private void assertValid(String manifests, String... expected) throws Exception {
        Path file = dir.resolve("manifests.yaml");
        Files.writeString(file, manifests);
        var result = NodeTools.run("node", "tools/validate-manifests.mjs", file.toString());
        assertEquals(0, result.exitCode(), result.output());
        for (String line : expected) {
            assertTrue(result.output().contains(line), result.output());
        }
    }
}
