package io.github.redissidecar.connection;

import io.github.redissidecar.redis.FailureReason;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.util.List;

/**
 * AUTH (when HELLO did not carry the credentials), CLIENT SETNAME and CONFIG GET databases on a fresh connection:
 * all three answered while Redis loads its dataset.
 */
record Handshake(RedisConnection connection, ClientOptions options, List<String> credentials) {
    Future<Integer> run() {
        return auth().compose(v -> setName()).compose(v -> databases());
    }

    private Future<Void> auth() {
        return credentials.isEmpty() || options.helloAuthenticates(credentials) ? Future.succeededFuture()
                : connection.send(Request.cmd(Command.AUTH, credentials.toArray())).mapEmpty();
    }

    // An ACL without client|setname must not stop monitoring: the name is a courtesy to operators. NOAUTH does:
    // with no password sent to a Redis that wants one, INFO would get the connection closed, again and again.
    private Future<Void> setName() {
        return connection.send(Request.cmd(Command.CLIENT, "SETNAME", options.clientName())).<Void>mapEmpty()
                .recover(e -> FailureReason.of(e) == FailureReason.AUTH ? Future.failedFuture(e)
                        : Future.succeededFuture());
    }

    private Future<Integer> databases() {
        return connection.send(Request.cmd(Command.CONFIG, "GET", "databases"))
                .map(r -> r != null && r.size() == 2 ? r.get(1).toInteger() : 0)
                .otherwise(0);
    }
}
