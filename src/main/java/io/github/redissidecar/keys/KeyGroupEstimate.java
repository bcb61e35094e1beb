package io.github.redissidecar.keys;

/**
 * The estimated size of one group of keys in one database.
 *
 * @param db the database number
 * @param group the group's label
 * @param bytes estimated bytes (keys in the db × the mean over the window of each sample's bytes in this group)
 * @param bytesError standard error of {@code bytes}
 * @param keys estimated number of keys (keys in the db × the group's share of the samples)
 * @param keysError standard error of {@code keys}
 * @param withoutTtlShare share of the group's sampled bytes in keys without a TTL, 0 to 1
 * @param samples how many samples of the window fell in this group
 */
public record KeyGroupEstimate(int db, String group, double bytes, double bytesError, double keys, double keysError,
        double withoutTtlShare, int samples) {
}
