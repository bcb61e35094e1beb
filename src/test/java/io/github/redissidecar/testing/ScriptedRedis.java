package io.github.redissidecar.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server that speaks just enough RESP2 for the sidecar to connect and poll (HELLO, CLIENT SETNAME, CONFIG GET,
 * CONFIG SET that answers OK and applies nothing, INFO), where a test scripts the raw bytes of any command's reply:
 * what no Redis sends, for the hostile-server tests. Counts the commands it received, by name ("INFO",
 * "CONFIG SET"). {@link FakeRedis} is the in-memory stand-in behind the port; this one is on the wire.
 */
public final class ScriptedRedis implements AutoCloseable {

    /** Writes one reply; it may write a lot, or slowly, until the client goes away (an IOException). */
    public interface Answer {
        void write(OutputStream out) throws IOException;
    }

    private static final String INFO = "# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone\r\nrun_id:"
            + "0123456789abcdef0123456789abcdef01234567\r\nuptime_in_seconds:3600\r\nconfig_file:\r\n# Memory\r\n"
            + "used_memory:1000000\r\nmaxmemory:0\r\nmaxmemory_policy:noeviction\r\n# Persistence\r\nloading:0\r\n"
            + "# Keyspace\r\n";

    private final ServerSocket server;
    private final Map<String, Answer> script = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
    private final List<Socket> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ScriptedRedis() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "scripted-redis");
        accept.setDaemon(true);
        accept.start();
    }

    /** Raw RESP, written as is. */
    public static Answer raw(String resp) {
        return out -> out.write(resp.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@code command} ("INFO", "CONFIG SET", "AUTH") is answered with {@code answer} from now on. */
    public ScriptedRedis on(String command, Answer answer) {
        script.put(command.toUpperCase(Locale.ROOT), answer);
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String address() {
        return "redis://127.0.0.1:" + port();
    }

    /** How many times {@code command} was received. */
    public long count(String command) {
        AtomicLong n = received.get(command.toUpperCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread t = new Thread(() -> serve(client), "scripted-redis-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            List<String> command;
            while ((command = read(in)) != null) {
                String name = name(command);
                received.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
                Answer answer = script.getOrDefault(name, defaultAnswer(name, command));
                answer.write(out);
                out.flush();
                if (name.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException gone) {
            // The sidecar closed the connection: what the hostile cases expect.
        }
    }

    private static String name(List<String> command) {
        String first = command.isEmpty() ? "" : command.get(0).toUpperCase(Locale.ROOT);
        return (first.equals("CONFIG") || first.equals("CLIENT")) && command.size() > 1
                ? first + " " + command.get(1).toUpperCase(Locale.ROOT) : first;
    }

    private static Answer defaultAnswer(String name, List<String> command) {
        return switch (name) {
            case "HELLO" -> raw("*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$5\r\n7.2.4\r\n$5\r\nproto\r\n"
                    + ":2\r\n$2\r\nid\r\n:3\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n"
                    + "$7\r\nmodules\r\n*0\r\n");
            case "PING" -> raw("+PONG\r\n");
            case "CLIENT SETNAME", "CONFIG SET", "QUIT" -> raw("+OK\r\n");
            case "CONFIG GET" -> configGet(command.subList(2, command.size()));
            case "INFO" -> raw("$" + INFO.length() + "\r\n" + INFO + "\r\n");
            default -> raw("-ERR unknown command '" + name.toLowerCase(Locale.ROOT) + "'\r\n");
        };
    }

    // What a Redis started with its defaults reports; CONFIG SET changes none of it.
    private static Answer configGet(List<String> parameters) {
        Map<String, String> values = Map.of("databases", "16", "maxmemory", "0", "maxmemory-policy", "noeviction");
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String p : parameters) {
            String v = values.get(p.toLowerCase(Locale.ROOT));
            if (v != null) {
                sb.append(bulk(p)).append(bulk(v));
                n += 2;
            }
        }
        return raw("*" + n + "\r\n" + sb);
    }

    private static String bulk(String s) {
        return "$" + s.length() + "\r\n" + s + "\r\n";
    }

    // A command: an array of bulk strings; null at the end of the stream.
    private static List<String> read(InputStream in) throws IOException {
        String header = line(in);
        if (header == null) {
            return null;
        }
        if (!header.startsWith("*")) {
            return List.of(header.split(" "));
        }
        int n = Integer.parseInt(header.substring(1));
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = Integer.parseInt(line(in).substring(1));
            args.add(new String(in.readNBytes(len), StandardCharsets.UTF_8));
            in.readNBytes(2);
        }
        return args;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return null;
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
