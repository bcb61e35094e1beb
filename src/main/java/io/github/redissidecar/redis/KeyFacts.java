package io.github.redissidecar.redis;

/**
 * What the key sampler reads about one key.
 *
 * @param bytes MEMORY USAGE, -1 when the key was gone
 * @param type TYPE ({@code none} when gone)
 * @param ttlMillis PTTL: -1 without a TTL, -2 when gone
 */
public record KeyFacts(long bytes, String type, long ttlMillis) {

    public boolean gone() {
        return bytes < 0 || ttlMillis == -2 || "none".equals(type);
    }
}
