package io.github.redissidecar.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Alertmanager's webhook target inside the test: records each notification's path and JSON body. */
public final class WebhookReceiver implements AutoCloseable {

    public record Notification(String path, String body) {
    }

    private final HttpServer server;
    private final List<Notification> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Notification(exchange.getRequestURI().getPath(), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public List<Notification> received() {
        return List.copyOf(received);
    }

    /** Waits for a notification matching {@code match}; fails with everything received otherwise. */
    public Notification await(Predicate<Notification> match, Duration timeout, String what) {
        try {
            return Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> received.stream().filter(match).findFirst(), java.util.Optional::isPresent).get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " not received within " + timeout + "; received: " + received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
