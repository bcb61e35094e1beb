package io.github.redissidecar.connection;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.files.BoundedFile;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisAddress;
import io.github.redissidecar.redis.RedisFailure;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Client options and credentials from configuration. Credentials are read per connection attempt, never logged. */
final class ClientOptions {

    /** A password is short; a larger file is the wrong file. */
    private static final int MAX_PASSWORD_FILE_BYTES = 64 * 1024;

    private final SidecarConfig.Redis config;
    private final RedisAddress address;

    ClientOptions(SidecarConfig.Redis config, RedisAddress address) {
        this.config = config;
        this.address = address;
        SidecarConfig.Tls tls = config.tls();
        if (tls.certFile().isPresent() != tls.keyFile().isPresent()) {
            throw new InvalidConfiguration("SIDECAR_REDIS_TLS_CERT_FILE and SIDECAR_REDIS_TLS_KEY_FILE go together: "
                    + "set both (a client certificate and its key) or neither");
        }
        readable(tls.caFile(), "SIDECAR_REDIS_TLS_CA_FILE (sidecar.redis.tls.ca-file)");
        readable(tls.certFile(), "SIDECAR_REDIS_TLS_CERT_FILE (sidecar.redis.tls.cert-file)");
        readable(tls.keyFile(), "SIDECAR_REDIS_TLS_KEY_FILE (sidecar.redis.tls.key-file)");
        readable(config.passwordFile(), "REDIS_PASSWORD_FILE (sidecar.redis.password-file)");
    }

    // At startup a missing file is a mistake in the deployment; later it may be a secret being rotated.
    private static void readable(Optional<Path> file, String key) {
        if (file.isPresent() && !Files.isReadable(file.get())) {
            throw new InvalidConfiguration(key + " is " + file.get() + ", which cannot be read; mount the file, "
                    + "fix the path or its permissions, or unset it");
        }
        // A FIFO or a device would block or never end the read at every connect.
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new InvalidConfiguration(key + " is " + file.get() + ", which is not a regular file (a directory, "
                    + "FIFO or device); point it at the mounted file");
        }
    }

    /**
     * The client's options for one connection attempt, with the credentials read now. The client opens with
     * {@code HELLO 2 [AUTH user password]}, which every server since Redis 6 answers while it loads its dataset,
     * where the client's other opening (PING) is refused with LOADING and counted in the server's errorstats at
     * every reconnect during a restart. RESP2 all the same: the replies' shapes stay those of every server.
     */
    RedisOptions build(List<String> auth) {
        NetClientOptions net = new NetClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true);
        if (address.tls()) {
            tls(net, config.tls());
        }
        RedisOptions options = new RedisOptions()
                .setNetClientOptions(net)
                .setProtocolNegotiation(helloAuthenticates(auth))
                .setPreferredProtocolVersion(ProtocolVersion.RESP2)
                .setMaxPoolSize(1)
                .setMaxPoolWaiting(1)
                .setMaxWaitingHandlers(64);
        if (auth.size() == 2) {
            // The client reads a user name for HELLO from the URL only, and then the password from there too: both
            // go in the URL, encoded. It is never logged: describe() and the logs name address, without them.
            return options.setConnectionString(address.scheme() + "://" + encode(auth.get(0)) + ":"
                    + encode(auth.get(1)) + "@" + address.clientUrl().substring(address.scheme().length() + 3));
        }
        options.setConnectionString(address.clientUrl());
        return auth.isEmpty() ? options : options.setPassword(auth.get(0));
    }

    /**
     * Whether HELLO carries the credentials. Not for a user name over a Unix socket, whose URL has no place for one:
     * that connection opens with PING and sends AUTH itself ({@link Handshake}).
     */
    boolean helloAuthenticates(List<String> auth) {
        return auth.size() < 2 || !address.scheme().equals("unix");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void tls(NetClientOptions net, SidecarConfig.Tls tls) {
        net.setSsl(true);
        tls.caFile().ifPresent(ca -> net.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
        if (tls.certFile().isPresent() && tls.keyFile().isPresent()) {
            net.setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certFile().get().toString())
                    .setKeyPath(tls.keyFile().get().toString()));
        }
        if (tls.insecureSkipVerify()) {
            net.setTrustAll(true).setHostnameVerificationAlgorithm("");
        } else {
            net.setHostnameVerificationAlgorithm("HTTPS");
        }
    }

    String clientName() {
        return config.clientName();
    }

    /** The AUTH arguments ([user,] password), empty when no password is configured anywhere. */
    List<String> authArguments() throws RedisFailure {
        Optional<String> password = password();
        if (password.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(2);
        config.user().or(address::user).ifPresent(args::add);
        args.add(password.get());
        return args;
    }

    /** Whether a password is configured anywhere (file, value or URL). */
    boolean hasPassword() {
        return config.passwordFile().isPresent() || config.password().or(address::password).isPresent();
    }

    /** Password file first (it may have been rotated), then the configured password, then the URL's. */
    private Optional<String> password() throws RedisFailure {
        if (config.passwordFile().isPresent()) {
            return Optional.of(readPasswordFile(config.passwordFile().get()));
        }
        return config.password().or(address::password);
    }

    // Read at every connect (it may have been rotated): a FIFO would block the Redis thread, /dev/zero fill the heap.
    private static String readPasswordFile(Path file) throws RedisFailure {
        try {
            return BoundedFile.read(file, MAX_PASSWORD_FILE_BYTES).strip();
        } catch (BoundedFile.Refused e) {
            throw new RedisFailure(FailureReason.AUTH, "cannot use the password file: " + e.getMessage());
        }
    }
}
