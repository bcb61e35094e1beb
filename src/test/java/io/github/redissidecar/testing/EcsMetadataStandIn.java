package io.github.redissidecar.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the ECS task metadata endpoint v4 on 127.0.0.1: serves {@code <uri>/task} with the documented
 * Fargate response (src/test/resources/ecs/task-metadata-v4-fargate.json), task limit 2048 MiB, and
 * {@code <uri>/task/stats} with a recorded one (task-stats-v4-fargate.json): Redis's container at
 * {@link #REDIS_CONTAINER_BYTES} once its inactive page cache is taken off.
 */
public final class EcsMetadataStandIn implements AutoCloseable {

    public static final long TASK_BYTES = 2048L << 20;
    public static final long REDIS_CONTAINER_BYTES = 912_680_550L - 39_817_216L;
    private final HttpServer server;

    private EcsMetadataStandIn(HttpServer server) {
        this.server = server;
    }

    public static EcsMetadataStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve(server, "/task", "task-metadata-v4-fargate.json");
        serve(server, "/task/stats", "task-stats-v4-fargate.json");
        server.createContext("/", exchange -> {
            byte[] missing = "404 page not found".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, missing.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(missing);
            }
        });
        server.start();
        return new EcsMetadataStandIn(server);
    }

    // The longest matching context answers: /task/stats is not served /task's document.
    private static void serve(HttpServer server, String path, String file) throws IOException {
        byte[] body = Files.readAllBytes(Path.of("src/test/resources/ecs", file));
        server.createContext("/v4/e9028f8d5d8e4f258373e7b93ce9a3c3-2495160603" + path, exchange -> {
            if (!exchange.getRequestURI().getPath().endsWith(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** What ECS puts in ECS_CONTAINER_METADATA_URI_V4. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v4/e9028f8d5d8e4f258373e7b93ce9a3c3-2495160603";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
