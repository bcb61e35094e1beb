package io.github.redissidecar.connection;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.redis.Backoff;
import io.github.redissidecar.redis.ConnectionState;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisAddress;
import io.github.redissidecar.redis.RedisFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The one persistent connection to Redis. Reconnects on its own with a capped backoff as soon as the connection is
 * lost, so a restarted Redis is seen within the backoff cap, not at the next poll; listeners hear of every new
 * connection. Commands are sent blocking, with a timeout, from the Redis thread. What the connection is right now
 * is one immutable {@link ConnectionState}, replaced whole by a new connection or a loss.
 */
@ApplicationScoped
public class RedisLink {

    private static final Logger LOG = Logger.getLogger(RedisLink.class);

    private final Vertx vertx;
    private final SidecarConfig.Redis config;
    private final RedisAddress address;
    private final ClientOptions options;
    private final Backoff backoff;
    private final List<Runnable> connectListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean attemptPending = new AtomicBoolean();
    private final StateLog stateLog;
    private final FailureWords words;
    private final Connector connector;
    private volatile Session session;
    private volatile ConnectionState state = ConnectionState.NONE;
    private volatile RedisFailure lastFailure;
    private volatile boolean stopped;

    RedisLink(Vertx vertx, SidecarConfig sidecar) {
        this.vertx = vertx;
        this.config = sidecar.redis();
        this.address = RedisAddress.parse(config.address());
        this.options = new ClientOptions(config, address);
        this.backoff = new Backoff(config.reconnectBackoffInitial(), config.reconnectBackoffMax());
        this.stateLog = new StateLog(LOG, address);
        this.words = new FailureWords(address);
        this.connector = new Connector(vertx, options, config.connectTimeout(), config.commandTimeout());
        this.lastFailure = new RedisFailure(FailureReason.CONNECT, "not connected to " + address + " yet");
    }

    /** Starts connecting: called once every configuration check has passed, so a refused start sends nothing. */
    public void start() {
        scheduleAttempt(0);
    }

    /** Closes the connection (QUIT) and stops reconnecting. */
    public void stop() {
        stopped = true;
        Session s = session;
        if (s != null) {
            s.close(vertx, config.commandTimeout());
        }
    }

    public RedisAddress address() {
        return address;
    }

    public ConnectionState state() {
        return state;
    }

    /** Runs {@code listener} on the event loop after each successful (re)connection: it must not block. */
    public void onConnect(Runnable listener) {
        connectListeners.add(listener);
    }

    /** Sends one command and waits for its reply. A timeout drops the connection: the server may be frozen. */
    public Response send(Request request) throws RedisFailure {
        Session s = current();
        return answered(s, await(s, s.connection().send(request)));
    }

    /**
     * Sends a command that answers text (INFO). Any other reply (a number, an array, nil) is no Redis: it must not
     * count as "up" with nothing in it, so it fails, and drops the connection as a reply over the limits does.
     */
    public String sendForText(Request request, String command) throws RedisFailure {
        Session s = current();
        Response reply = await(s, s.connection().send(request));
        if (reply == null || reply.type() != ResponseType.BULK) {
            RedisFailure failure = new RedisFailure(FailureReason.PROTOCOL, address + ": " + command + " answered "
                    + (reply == null ? "nil" : "a reply of type " + reply.type()) + ", not text; connection closed");
            lost(s, failure, false);
            throw failure;
        }
        return answered(s, reply).toString();
    }

    // The connection answered as Redis does: news after a protocol failure, and what lets the backoff start again.
    private <T> T answered(Session s, T reply) {
        if (s.proven().compareAndSet(false, true)) {
            stateLog.proven();
        }
        return reply;
    }

    /**
     * Sends {@code requests} in one write and waits for all replies: no command of another thread falls between
     * them, which is what lets a batch SELECT a database and SELECT 0 back around its own commands.
     */
    public List<Response> batch(List<Request> requests) throws RedisFailure {
        Session s = current();
        return answered(s, await(s, s.connection().batch(requests)));
    }

    private Session current() throws RedisFailure {
        Session s = session;
        if (s == null) {
            throw new RedisFailure(lastFailure.reason(), lastFailure.getMessage());
        }
        return s;
    }

    private <T> T await(Session s, Future<T> reply) throws RedisFailure {
        try {
            return reply.toCompletionStage().toCompletableFuture()
                    .get(config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            RedisFailure failure = new RedisFailure(FailureReason.TIMEOUT,
                    "no reply from " + address + " within " + config.commandTimeout().toMillis() + " ms");
            lost(s, failure, false);
            throw failure;
        } catch (ExecutionException e) {
            throw s.broken().map(this::overLimit)
                    .orElseGet(() -> new RedisFailure(FailureReason.of(e.getCause()), describe(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisFailure(FailureReason.TIMEOUT, "interrupted while waiting for " + address);
        }
    }

    private void scheduleAttempt(long delayMillis) {
        if (stopped || !attemptPending.compareAndSet(false, true)) {
            return;
        }
        if (delayMillis <= 0) {
            vertx.runOnContext(v -> attempt());
        } else {
            vertx.setTimer(delayMillis, id -> attempt());
        }
    }

    private void attempt() {
        List<String> auth;
        try {
            auth = options.authArguments();
            words.secrets(auth);
        } catch (RedisFailure e) {
            attemptFailed(e);
            return;
        }
        connector.connect(auth).onComplete(c -> {
            if (c.succeeded()) {
                established(c.result());
            } else {
                attemptFailed(c.cause());
            }
        });
    }

    private void attemptFailed(Throwable cause) {
        attemptPending.set(false);
        state = state.lost();
        if (stopped) {
            return;
        }
        FailureReason reason = FailureReason.of(cause);
        String message = reason == FailureReason.AUTH && !options.hasPassword()
                ? address + " requires a password and none is configured (" + words.clean(cause.getMessage()) + ")"
                : describe(cause);
        failed(new RedisFailure(reason, message));
    }

    private void established(Session s) {
        attemptPending.set(false);
        if (stopped) {
            s.close(vertx, config.commandTimeout());
            return;
        }
        s.connection().exceptionHandler(e -> lost(s, new RedisFailure(FailureReason.of(e), describe(e)), false));
        s.connection().endHandler(v -> lost(s, s.broken().map(this::overLimit).orElseGet(() -> new RedisFailure(
                FailureReason.CONNECT, "connection closed by " + address)), true));
        session = s;
        state = new ConnectionState(state.number() + 1, true, true, s.acceptedAtNanos(), s.databases());
        // The backoff starts again once the connection has answered a command (lost()): a server that accepts
        // connections and then breaks each one with a bad reply gets the growing backoff, not one per half second.
        stateLog.connected();
        connectListeners.forEach(Runnable::run);
    }

    private void failed(RedisFailure failure) {
        lastFailure = failure;
        stateLog.failing(failure);
        if (failure.reason() == FailureReason.LOADING) {
            // Redis is up and will take the connection the moment its dataset is in: keep knocking, fast.
            backoff.reset();
        }
        scheduleAttempt(backoff.nextDelayMillis(failure.reason()));
    }

    private synchronized void lost(Session s, RedisFailure failure, boolean ended) {
        if (ended) {
            s.client().close();
        } else {
            s.close(vertx, config.commandTimeout());
        }
        if (session != s || stopped) {
            return;
        }
        session = null;
        state = state.lost();
        if (s.proven().get()) {
            backoff.reset();
        }
        failed(failure);
    }

    private String describe(Throwable t) {
        return words.describe(t);
    }

    private RedisFailure overLimit(String violation) {
        return words.overLimit(violation);
    }
}
