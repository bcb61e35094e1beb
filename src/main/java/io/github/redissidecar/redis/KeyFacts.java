package io.github.redissidecar.redis;

/**
 * What the key sampler reads about one key: MEMORY USAGE and PTTL (a key deleted between RANDOMKEY and these shows
 * in both replies, so TYPE would only add a command).
 *
 * @param bytes MEMORY USAGE, -1 when the key was gone
 * @param ttlMillis PTTL: -1 without a TTL, -2 when gone
 */
public record KeyFacts(long bytes, long ttlMillis) {

    public boolean gone() {
        return bytes < 0 || ttlMillis == -2;
    }
}
