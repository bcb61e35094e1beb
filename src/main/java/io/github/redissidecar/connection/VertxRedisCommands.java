package io.github.redissidecar.connection;

import io.github.redissidecar.keys.KeyNames;
import io.github.redissidecar.redis.ConnectionState;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.KeyFacts;
import io.github.redissidecar.redis.RedisAddress;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.ScanPage;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link RedisCommands} over the one Vert.x connection ({@link RedisLink}). It also hides what older servers do
 * differently, learnt once per connection: Redis &lt; 7 rejects several INFO sections in one call and several
 * parameters in one CONFIG GET. The key sampler's batches leave the connection in database 0, where every other
 * command expects it.
 */
@ApplicationScoped
public class VertxRedisCommands implements RedisCommands {

    private final RedisLink link;
    private volatile long singleSectionConnection = -1;
    private volatile long singleParameterConnection = -1;

    VertxRedisCommands(RedisLink link) {
        this.link = link;
    }

    @Override
    public String info(List<String> sections) throws RedisFailure {
        long connection = link.state().number();
        if (sections.size() > 1 && singleSectionConnection != connection) {
            try {
                return text("INFO", Request.cmd(Command.INFO, sections.toArray()));
            } catch (RedisFailure failure) {
                if (!isSyntaxError(failure)) {
                    throw failure;
                }
                singleSectionConnection = connection;
            }
        }
        // An old server: plain INFO has the default sections; commandstats is asked for on its own.
        String all = text("INFO", Request.cmd(Command.INFO));
        return sections.contains("commandstats")
                ? all + "\r\n" + text("INFO", Request.cmd(Command.INFO, "commandstats")) : all;
    }

    @Override
    public String clusterInfo() throws RedisFailure {
        return text("CLUSTER INFO", Request.cmd(Command.CLUSTER, "INFO"));
    }

    @Override
    public Map<String, String> configGet(List<String> parameters) throws RedisFailure {
        long connection = link.state().number();
        if (parameters.size() > 1 && singleParameterConnection != connection) {
            try {
                return pairs(link.send(config("GET", parameters)));
            } catch (RedisFailure failure) {
                if (!isArityError(failure)) {
                    throw failure;
                }
                singleParameterConnection = connection;
            }
        }
        Map<String, String> out = new HashMap<>();
        for (String parameter : parameters) {
            out.putAll(pairs(link.send(config("GET", List.of(parameter)))));
        }
        return out;
    }

    @Override
    public void configSet(String parameter, String value) throws RedisFailure {
        link.send(config("SET", List.of(parameter, value)));
    }

    @Override
    public void configRewrite() throws RedisFailure {
        link.send(config("REWRITE", List.of()));
    }

    private static final int RANDOM_KEYS_PER_ROUND = 4;
    private static final byte[] TOO_LONG = new byte[KeyNames.MAX_BYTES + 1];

    @Override
    public List<byte[]> randomKeys(int db, int count) throws RedisFailure {
        if (count > MAX_KEYS_PER_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_KEYS_PER_BATCH + " keys per batch, not " + count);
        }
        // In rounds of a few: a name may be up to a bulk's 1 MiB limit, and sixteen of them at once, with their
        // copies, would not fit the JVM image's 16 MB heap. A name too long to sample is not copied.
        List<byte[]> keys = new ArrayList<>();
        for (int done = 0; done < count; done += RANDOM_KEYS_PER_ROUND) {
            List<Request> requests = new ArrayList<>();
            for (int i = done; i < Math.min(count, done + RANDOM_KEYS_PER_ROUND); i++) {
                requests.add(Request.cmd(Command.RANDOMKEY));
            }
            for (Response r : inDatabase(db, requests)) {
                if (r != null) {
                    keys.add(r.toBuffer().length() > KeyNames.MAX_BYTES ? TOO_LONG : r.toBytes());
                }
            }
        }
        return keys;
    }

    @Override
    public ScanPage scan(int db, String cursor, int count) throws RedisFailure {
        Response reply = inDatabase(db, List.of(Request.cmd(Command.SCAN).arg(cursor).arg("COUNT").arg(count)))
                .get(0);
        List<byte[]> keys = new ArrayList<>();
        for (Response key : reply.get(1)) {
            keys.add(key.toBytes());
        }
        return new ScanPage(reply.get(0).toString(), keys);
    }

    @Override
    public List<KeyFacts> keyFacts(int db, List<byte[]> keys, int samples) throws RedisFailure {
        List<Request> requests = new ArrayList<>();
        for (byte[] key : keys) {
            requests.add(Request.cmd(Command.MEMORY).arg("USAGE").arg(key).arg("SAMPLES").arg(samples));
            requests.add(Request.cmd(Command.PTTL).arg(key));
        }
        List<Response> replies = inDatabase(db, requests);
        List<KeyFacts> out = new ArrayList<>();
        for (int i = 0; i + 1 < replies.size(); i += 2) {
            Response bytes = replies.get(i);
            out.add(new KeyFacts(bytes == null ? -1 : bytes.toLong(), replies.get(i + 1).toLong()));
        }
        return out;
    }

    // One write: SELECT db, the commands, SELECT 0, so that no other thread's command runs in another database
    // and a batch that fails half-way still leaves database 0 selected (Redis runs every command sent). Database 0
    // needs no SELECT, nor an ACL that allows it.
    private List<Response> inDatabase(int db, List<Request> requests) throws RedisFailure {
        if (requests.isEmpty()) {
            return List.of();
        }
        if (db == 0) {
            return link.batch(requests);
        }
        List<Request> batch = new ArrayList<>();
        batch.add(Request.cmd(Command.SELECT).arg(db));
        batch.addAll(requests);
        batch.add(Request.cmd(Command.SELECT).arg(0));
        return link.batch(batch).subList(1, batch.size() - 1);
    }

    @Override
    public ConnectionState connection() {
        return link.state();
    }

    @Override
    public RedisAddress address() {
        return link.address();
    }

    private String text(String command, Request request) throws RedisFailure {
        return link.sendForText(request, command);
    }

    // RESP2 replies a flat array of name, value; RESP3 a map.
    private static Map<String, String> pairs(Response response) {
        Map<String, String> out = new HashMap<>();
        if (response == null) {
            return out;
        }
        if (response.isMap()) {
            response.getKeys().forEach(k -> out.put(k.toLowerCase(Locale.ROOT), response.get(k).toString()));
            return out;
        }
        for (int i = 0; i + 1 < response.size(); i += 2) {
            out.put(response.get(i).toString().toLowerCase(Locale.ROOT), String.valueOf(response.get(i + 1)));
        }
        return out;
    }

    private static Request config(String subcommand, List<String> args) {
        Request request = Request.cmd(Command.CONFIG).arg(subcommand);
        args.forEach(request::arg);
        return request;
    }

    private static boolean isSyntaxError(RedisFailure failure) {
        return failure.reason() == FailureReason.PROTOCOL && failure.getMessage().contains("syntax error");
    }

    private static boolean isArityError(RedisFailure failure) {
        String message = failure.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("wrong number of arguments") || message.contains("unknown subcommand");
    }
}
