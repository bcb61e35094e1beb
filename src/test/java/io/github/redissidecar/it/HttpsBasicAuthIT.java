package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import io.github.redissidecar.testing.TlsFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** HTTPS only, through Quarkus's own configuration, and basic auth from a password file: the packaged jar. */
class HttpsBasicAuthIT {

    @Test
    void metricsOverHttpsWithBasicAuthOnly() throws Exception {
        Path dir = Files.createTempDirectory("https-it");
        TlsFiles.generate(dir);
        Files.writeString(dir.resolve("scrape-password"), "Basic-S3cret\n");
        int httpsPort = RedisServer.freePort();
        try (RedisServer redis = new RedisServer().start();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "QUARKUS_HTTP_SSL_PORT", Integer.toString(httpsPort),
                        "QUARKUS_HTTP_SSL_CERTIFICATE_FILES", dir.resolve("server.crt").toString(),
                        "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES", dir.resolve("server.key").toString(),
                        "QUARKUS_HTTP_INSECURE_REQUESTS", "disabled",
                        "SIDECAR_HTTP_BASIC_AUTH_USER", "prometheus",
                        "SIDECAR_HTTP_BASIC_AUTH_PASSWORD_FILE", dir.resolve("scrape-password").toString()))) {
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(dir.resolve("ca.crt")))
                    .connectTimeout(Duration.ofSeconds(2)).build();
            URI metrics = URI.create("https://127.0.0.1:" + httpsPort + "/metrics");
            String auth = "Basic " + Base64.getEncoder().encodeToString("prometheus:Basic-S3cret"
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> ok = awaitUp(https, metrics, auth);
            assertTrue(ok.body().contains("redis_up 1"));
            assertEquals(401, https.send(HttpRequest.newBuilder(metrics).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sidecar.port() + "/metrics")).header("Authorization", auth)
                    .build(), HttpResponse.BodyHandlers.ofString()), "plain HTTP must be off");
            assertFalse(sidecar.output().contains("Basic-S3cret"));
        }
    }

    private static HttpResponse<String> awaitUp(HttpClient https, URI uri, String auth) {
        return Awaitility.await("redis_up 1 over HTTPS").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> https.send(HttpRequest.newBuilder(uri).header("Authorization", auth).build(),
                        HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200
                        && r.body().contains("redis_up 1"));
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
