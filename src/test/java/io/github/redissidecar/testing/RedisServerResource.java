package io.github.redissidecar.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a real redis-server for a {@code @QuarkusTest} and points the sidecar at it. Init args: {@code args}
 * (redis-server arguments separated by '|', or by
 * newlines when an argument holds a '|'), {@code settings-file-content} (written to
 * {dir}/settings.conf), {@code populate} ({@code count:size}: DEBUG POPULATE before the sidecar
 * starts; needs {@code --enable-debug-command yes}), {@code age-seconds} (wait this long after Redis started,
 * so that the sidecar meets a Redis that was up before it), and any {@code sidecar.*} key, passed to the sidecar as
 * config.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    private RedisServer server;
    private final Map<String, String> sidecarConfig = new HashMap<>();
    private String[] redisArgs = new String[0];
    private boolean tls;
    private String populate;
    private long ageSeconds;

    @Override
    public void init(Map<String, String> initArgs) {
        initArgs.forEach((k, v) -> {
            if (k.startsWith("sidecar.") || k.startsWith("quarkus.") || k.equals("password-file-content")
                    || k.equals("settings-file-content")) {
                sidecarConfig.put(k, v);
            }
        });
        tls = Boolean.parseBoolean(initArgs.get("tls"));
        populate = initArgs.get("populate");
        ageSeconds = Long.parseLong(initArgs.getOrDefault("age-seconds", "0"));
        String args = initArgs.getOrDefault("args", "");
        redisArgs = args.isEmpty() ? new String[0] : args.split(args.contains("\n") ? "\n" : "\\|", -1);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new RedisServer(redisArgs);
            if (tls) {
                TlsFiles.generate(server.dir());
            }
            server.start();
            if (populate != null) {
                String[] countAndSize = populate.split(":");
                server.call("DEBUG", "POPULATE", countAndSize[0], "key", countAndSize[1]);
            }
            Pace.hold(Duration.ofSeconds(ageSeconds)); // a Redis older than the sidecar: its age is time
        } catch (Exception e) {
            throw new IllegalStateException("cannot start redis-server (is it installed?)", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("sidecar.redis.address", server.address());
        String fileContent = sidecarConfig.remove("password-file-content");
        if (fileContent != null) {
            config.put("sidecar.redis.password-file", writeFile("password", fileContent));
        }
        String settings = sidecarConfig.remove("settings-file-content");
        if (settings != null) {
            writeFile("settings.conf", settings);
        }
        sidecarConfig.forEach((k, v) -> config.put(k, v.replace("{dir}", server.dir().toString())
                .replace("{port}", Integer.toString(server.port()))));
        return config;
    }

    private String writeFile(String name, String content) {
        try {
            return java.nio.file.Files.writeString(server.dir().resolve(name), content).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectRedis.class,
                RedisServer.class));
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "RedisServerResource" + Arrays.toString(redisArgs);
    }
}
