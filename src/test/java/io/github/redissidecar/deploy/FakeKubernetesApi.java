package io.github.redissidecar.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few Kubernetes API answers a chart render needs for {@code lookup}: discovery of v1, and a Secret by name
 * (404 unless a test put one). helm-java renders with a cluster client (unlike {@code helm template}, whose lookup
 * returns nothing), so every render here talks to this server, found through the KUBECONFIG file that the pom
 * gives the test JVM. Hand-written: no library serves just these three paths without a container engine.
 */
final class FakeKubernetesApi {

    private static FakeKubernetesApi instance;

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    private FakeKubernetesApi() {
    }

    /** Starts it once per JVM on a free loopback port and writes the kubeconfig that points to it. */
    static synchronized FakeKubernetesApi get() {
        if (instance == null) {
            try {
                FakeKubernetesApi api = new FakeKubernetesApi();
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/", api::answer);
                server.setExecutor(null);
                server.start();
                String kubeconfig = System.getenv().getOrDefault("KUBECONFIG", "target/helm-test-kubeconfig.yaml");
                Files.createDirectories(Path.of(kubeconfig).toAbsolutePath().getParent());
                Files.writeString(Path.of(kubeconfig), """
                        apiVersion: v1
                        kind: Config
                        clusters: [{name: fake, cluster: {server: "http://127.0.0.1:%d"}}]
                        users: [{name: fake, user: {}}]
                        contexts: [{name: fake, context: {cluster: fake, user: fake}}]
                        current-context: fake
                        """.formatted(server.getAddress().getPort()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
                instance = api;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The Secret {@code lookup "v1" "Secret" namespace name} finds, with one data entry (already base64). */
    void putSecret(String namespace, String name, String key, String base64Value) {
        secrets.put("/api/v1/namespaces/" + namespace + "/secrets/" + name, """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "%s", "namespace": "%s"},
                 "type": "Opaque", "data": {"%s": "%s"}}""".formatted(name, namespace, key, base64Value));
    }

    void clear() {
        secrets.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        int status = 200;
        if (path.equals("/api/v1")) {
            body = """
                    {"kind": "APIResourceList", "groupVersion": "v1", "resources": [{"name": "secrets",
                     "singularName": "secret", "namespaced": true, "kind": "Secret", "verbs": ["get", "list"]}]}""";
        } else if (path.equals("/api")) {
            body = "{\"kind\": \"APIVersions\", \"versions\": [\"v1\"]}";
        } else if (path.equals("/apis")) {
            body = "{\"kind\": \"APIGroupList\", \"apiVersion\": \"v1\", \"groups\": []}";
        } else if (path.equals("/version")) {
            body = "{\"major\": \"1\", \"minor\": \"31\", \"gitVersion\": \"v1.31.0\"}";
        } else if (secrets.containsKey(path)) {
            body = secrets.get(path);
        } else {
            status = 404;
            body = """
                    {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound", "code": 404,
                     "message": "not found"}""";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
