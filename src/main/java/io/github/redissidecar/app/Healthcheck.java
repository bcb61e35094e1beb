package io.github.redissidecar.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One GET of {@code /q/health/live} on the local HTTP port, over a plain socket: no URL handlers to register for
 * the native image, no HTTP client to load.
 */
final class Healthcheck {

    private static final int TIMEOUT_MILLIS = 2_000;

    private Healthcheck() {
    }

    /** 0 when the sidecar answers 200, 1 otherwise. The port is QUARKUS_HTTP_PORT, else 9121. */
    static int probe(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("QUARKUS_HTTP_PORT", "9121"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /q/health/live HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return statusLine(socket.getInputStream()).matches("HTTP/1\\.[01] 200\\b.*") ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\r' && c != '\n' && line.length() < 200; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
