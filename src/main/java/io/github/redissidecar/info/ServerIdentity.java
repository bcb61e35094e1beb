package io.github.redissidecar.info;

/**
 * Which server answered, in words that stay true on Valkey: Valkey 8 reports {@code server_name:valkey}, its own
 * {@code valkey_version}, a {@code redis_version} pinned at 7.2.4 for client compatibility, and {@code server_mode}
 * where Redis has {@code redis_mode}.
 *
 * @param name {@code redis} or {@code valkey} (any other {@code server_name} as reported)
 * @param version the server's own version ({@code valkey_version} on Valkey), empty when INFO had none
 * @param mode {@code standalone}, {@code sentinel} or {@code cluster}, empty when INFO had none
 * @param role {@code master} or {@code slave}, as INFO replication says, empty when not read
 */
public record ServerIdentity(String name, String version, String mode, String role) {

    public static ServerIdentity of(InfoSnapshot info) {
        String name = info.text("server_name").orElse("redis");
        String version = info.text(name + "_version").or(() -> info.text("redis_version")).orElse("");
        String mode = info.text("redis_mode").or(() -> info.text("server_mode")).orElse("");
        return new ServerIdentity(name, version, mode, info.text("role").orElse(""));
    }
}
