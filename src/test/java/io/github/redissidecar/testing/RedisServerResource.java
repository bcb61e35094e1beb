package io.github.redissidecar.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a real redis-server for a {@code @QuarkusTest} and points the sidecar at it. Init args: {@code args}
 * (redis-server arguments separated by '|'), and any {@code sidecar.*} key, passed to the sidecar as config.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    private RedisServer server;
    private final Map<String, String> sidecarConfig = new HashMap<>();
    private String[] redisArgs = new String[0];
    private boolean tls;

    @Override
    public void init(Map<String, String> initArgs) {
        initArgs.forEach((k, v) -> {
            if (k.startsWith("sidecar.") || k.equals("password-file-content")) {
                sidecarConfig.put(k, v);
            }
        });
        tls = Boolean.parseBoolean(initArgs.get("tls"));
        String args = initArgs.getOrDefault("args", "");
        redisArgs = args.isEmpty() ? new String[0] : args.split("\\|");
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new RedisServer(redisArgs);
            if (tls) {
                TlsFiles.generate(server.dir());
            }
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start redis-server (is it installed?)", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("sidecar.redis.address", server.address());
        String fileContent = sidecarConfig.remove("password-file-content");
        if (fileContent != null) {
            config.put("sidecar.redis.password-file", writePasswordFile(fileContent));
        }
        sidecarConfig.forEach((k, v) -> config.put(k, v.replace("{dir}", server.dir().toString())
                .replace("{port}", Integer.toString(server.port()))));
        return config;
    }

    private String writePasswordFile(String content) {
        try {
            return java.nio.file.Files.writeString(server.dir().resolve("password"), content).toString();
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
