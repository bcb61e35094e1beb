package io.github.redissidecar.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pipelined commands with one-line replies (status, integer, error), for filling a test Redis fast: DEBUG
 * POPULATE cannot make keys of mixed names, types and TTLs, and one round trip per key would take minutes.
 * Commands are buffered and sent by {@link #sync()}, which reads every reply.
 */
public final class Pipeline implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private int pending;

    public Pipeline(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    public Pipeline send(String... args) throws IOException {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            sb.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        buffer.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        pending++;
        if (pending >= 5_000) {
            sync();
        }
        return this;
    }

    /** Sends what is buffered and returns the replies, in order; fails on the first error reply. */
    public List<String> sync() throws IOException {
        buffer.writeTo(out);
        out.flush();
        buffer.reset();
        List<String> replies = new ArrayList<>(pending);
        for (; pending > 0; pending--) {
            String line = line();
            if (line.startsWith("-")) {
                throw new IOException("Redis error: " + line);
            }
            replies.add(line.substring(1));
        }
        return replies;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
