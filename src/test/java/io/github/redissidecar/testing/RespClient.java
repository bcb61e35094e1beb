package io.github.redissidecar.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal blocking RESP2 client for tests: the test's own view of Redis, independent of the sidecar's client. */
public final class RespClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RespClient(int port) throws IOException {
        this(port, 10_000);
    }

    /** @param replyTimeoutMillis how long a reply may take (a DEBUG RELOAD takes seconds) */
    public RespClient(int port, int replyTimeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(replyTimeoutMillis);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends a command; returns String, Long, List or throws on an error reply. */
    public Object call(String... args) throws IOException {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    public String text(String... args) throws IOException {
        return String.valueOf(call(args));
    }

    private Object read() throws IOException {
        int type = in.read();
        String line = line();
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new IOException("Redis error: " + line);
            case ':' -> Long.parseLong(line);
            case '$' -> bulk(Integer.parseInt(line));
            case '*' -> array(Integer.parseInt(line));
            default -> throw new IOException("bad reply type " + type);
        };
    }

    private String bulk(int len) throws IOException {
        if (len < 0) {
            return null;
        }
        byte[] b = in.readNBytes(len);
        in.readNBytes(2);
        return new String(b, StandardCharsets.UTF_8);
    }

    private List<Object> array(int n) throws IOException {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(read());
        }
        return items;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            sb.append((char) c);
        }
        in.read();
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
