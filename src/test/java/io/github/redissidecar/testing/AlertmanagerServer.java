package io.github.redissidecar.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real Alertmanager (Debian's) with the shipped routing and templates, its Slack receivers posting to a webhook
 * of the test; {@code edit} may change the configuration further (shorter group times), or leave it as shipped.
 */
public final class AlertmanagerServer implements AutoCloseable {

    private final BackgroundProcess process;
    private final int port;

    private AlertmanagerServer(BackgroundProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AlertmanagerServer shipped(Path dir, WebhookReceiver slack, UnaryOperator<String> edit)
            throws Exception {
        String config = edit.apply(Files.readString(Path.of("alerting/alertmanager.yml"))
                .replace("api_url_file: /etc/alertmanager/secrets/slack-webhook-url", "api_url: " + slack.baseUrl()
                        + "slack"));
        Files.writeString(dir.resolve("alertmanager.yml"), config);
        Files.createDirectories(dir.resolve("templates"));
        Files.copy(Path.of("alerting/templates/redis-sidecar.tmpl"), dir.resolve("templates/redis-sidecar.tmpl"));
        int port = RedisServer.freePort();
        BackgroundProcess process = BackgroundProcess.start(dir, "prometheus-alertmanager",
                "--config.file=alertmanager.yml", "--storage.path=am-data", "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
                .awaitReady("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(30));
        return new AlertmanagerServer(process, port);
    }

    /** host:port, as Prometheus's alerting configuration names it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
