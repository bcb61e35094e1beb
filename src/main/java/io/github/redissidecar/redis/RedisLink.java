package io.github.redissidecar.redis;

import io.github.redissidecar.StartupReport;
import io.github.redissidecar.config.SidecarConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 * connection. Commands are sent blocking, with a timeout, from the Redis thread ({@link RedisWorker}).
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
    private volatile Session session;
    private volatile RedisFailure lastFailure;
    private volatile boolean stopped;
    private volatile boolean attempted;
    private volatile long generation;
    private volatile long connectedAtNanos;

    RedisLink(Vertx vertx, SidecarConfig sidecar) {
        this.vertx = vertx;
        this.config = sidecar.redis();
        this.address = RedisAddress.parse(config.address());
        this.options = new ClientOptions(config, address);
        this.backoff = new Backoff(config.reconnectBackoffInitial(), config.reconnectBackoffMax());
        this.stateLog = new StateLog(LOG, address);
        this.lastFailure = new RedisFailure(FailureReason.CONNECT, "not connected to " + address + " yet");
    }

    // Only once every configuration check has passed, so that a refused start never talks to Redis.
    void start(@Observes @Priority(StartupReport.PRIORITY + 1) StartupEvent event) {
        scheduleAttempt(0);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        Session s = session;
        if (s != null) {
            close(s);
        }
    }

    public RedisAddress address() {
        return address;
    }

    public boolean connected() {
        return session != null;
    }

    /** Counts successful connections; changes before the connect listeners run. */
    public long generation() {
        return generation;
    }

    /** {@link System#nanoTime()} when Redis accepted the current connection (before AUTH). */
    public long connectedAtNanos() {
        return connectedAtNanos;
    }

    /** Whether a connection attempt has completed, successfully or not. */
    public boolean attempted() {
        return attempted;
    }

    /** The server's {@code databases} setting read at connect time; 0 when unknown (CONFIG not permitted). */
    public int databases() {
        Session s = session;
        return s == null ? 0 : s.databases();
    }

    /** Runs {@code listener} on the event loop after each successful (re)connection: it must not block. */
    public void onConnect(Runnable listener) {
        connectListeners.add(listener);
    }

    /** Sends one command and waits for its reply. A timeout drops the connection: the server may be frozen. */
    public Response send(Request request) throws RedisFailure {
        Session s = current();
        return await(s, s.connection().send(request));
    }

    /**
     * Sends {@code requests} in one write and waits for all replies: no command of another thread falls between
     * them, which is what lets a batch SELECT a database and SELECT 0 back around its own commands.
     */
    public List<Response> batch(List<Request> requests) throws RedisFailure {
        Session s = current();
        return await(s, s.connection().batch(requests));
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
            throw new RedisFailure(FailureReason.of(e.getCause()), describe(e.getCause()));
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
        Redis client = Redis.createClient(vertx, options.build());
        long timeout = config.connectTimeout().toMillis();
        client.connect().timeout(timeout, TimeUnit.MILLISECONDS).onComplete(connected -> {
            if (connected.failed()) {
                client.close();
                attemptFailed(connected.cause());
                return;
            }
            RedisConnection connection = connected.result();
            long acceptedAt = System.nanoTime();
            new Handshake(connection, options).run().timeout(timeout, TimeUnit.MILLISECONDS).onComplete(shaken -> {
                Session s = new Session(client, connection, shaken.succeeded() ? shaken.result() : 0, acceptedAt,
                        new AtomicBoolean());
                if (shaken.succeeded()) {
                    established(s);
                } else {
                    close(s);
                    attemptFailed(shaken.cause());
                }
            });
        });
    }

    private void attemptFailed(Throwable cause) {
        attemptPending.set(false);
        attempted = true;
        if (stopped) {
            return;
        }
        FailureReason reason = FailureReason.of(cause);
        String message = reason == FailureReason.AUTH && !options.hasPassword()
                ? address + " requires a password and none is configured (" + cause.getMessage() + ")"
                : describe(cause);
        failed(new RedisFailure(reason, message));
    }

    private void established(Session s) {
        attemptPending.set(false);
        attempted = true;
        if (stopped) {
            close(s);
            return;
        }
        s.connection().exceptionHandler(e -> lost(s, new RedisFailure(FailureReason.of(e), describe(e)), false));
        s.connection().endHandler(v -> lost(s, new RedisFailure(FailureReason.CONNECT, "connection closed by "
                + address), true));
        connectedAtNanos = s.acceptedAtNanos();
        generation++;
        session = s;
        backoff.reset();
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
            close(s);
        }
        if (session != s || stopped) {
            return;
        }
        session = null;
        failed(failure);
    }

    // Asks Redis to close the connection (QUIT) and closes the client once it has: closing the client first makes
    // Vert.x's pool mark the connection closed and then see it end a second time. A Redis that does not answer
    // (frozen) gets its client closed after the command timeout anyway.
    private void close(Session s) {
        if (!s.closing().compareAndSet(false, true)) {
            return;
        }
        s.connection().endHandler(v -> s.client().close());
        s.connection().send(Request.cmd(Command.QUIT));
        vertx.setTimer(config.commandTimeout().toMillis(), id -> s.client().close());
    }

    private String describe(Throwable t) {
        String message = t == null || t.getMessage() == null ? String.valueOf(t) : t.getMessage();
        return address + ": " + message;
    }

    private record Session(Redis client, RedisConnection connection, int databases, long acceptedAtNanos,
            AtomicBoolean closing) {
    }

    /** AUTH, CLIENT SETNAME and CONFIG GET databases on a fresh connection. */
    private record Handshake(RedisConnection connection, ClientOptions options) {
        Future<Integer> run() {
            return auth().compose(v -> setName()).compose(v -> databases());
        }

        private Future<Void> auth() {
            List<String> args;
            try {
                args = options.authArguments();
            } catch (RedisFailure e) {
                return Future.failedFuture(e);
            }
            return args.isEmpty() ? Future.succeededFuture()
                    : connection.send(Request.cmd(Command.AUTH, args.toArray())).mapEmpty();
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
}
