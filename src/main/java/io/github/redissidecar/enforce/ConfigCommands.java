package io.github.redissidecar.enforce;

import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisLink;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CONFIG GET, SET and REWRITE over the sidecar's one connection. */
final class ConfigCommands {

    private final RedisLink link;
    // Redis < 7 takes one parameter per CONFIG GET; learned once per connection.
    private volatile long singleGetGeneration = -1;

    ConfigCommands(RedisLink link) {
        this.link = link;
    }

    /** The values of {@code parameters}; a parameter Redis does not know is absent from the map. */
    Map<String, String> get(List<String> parameters) throws RedisFailure {
        long generation = link.generation();
        if (parameters.size() > 1 && singleGetGeneration != generation) {
            try {
                return pairs(link.send(request("GET", parameters)));
            } catch (RedisFailure failure) {
                if (!isArityError(failure)) {
                    throw failure;
                }
                singleGetGeneration = generation;
            }
        }
        Map<String, String> out = new HashMap<>();
        for (String parameter : parameters) {
            out.putAll(pairs(link.send(request("GET", List.of(parameter)))));
        }
        return out;
    }

    void set(String parameter, String value) throws RedisFailure {
        link.send(request("SET", List.of(parameter, value)));
    }

    void rewrite() throws RedisFailure {
        link.send(request("REWRITE", List.of()));
    }

    private static Request request(String subcommand, List<String> args) {
        Request request = Request.cmd(Command.CONFIG).arg(subcommand);
        args.forEach(request::arg);
        return request;
    }

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

    private static boolean isArityError(RedisFailure failure) {
        String message = failure.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("wrong number of arguments") || message.contains("unknown subcommand");
    }
}
