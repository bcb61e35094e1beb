package io.github.redissidecar.settings;

/**
 * What the safety rules need to know about the server at the time of a check.
 *
 * @param usedMemory {@code used_memory} in bytes, -1 when unknown
 * @param loading whether Redis is still loading its dataset (then {@code used_memory} is not final)
 */
public record ServerFacts(long usedMemory, boolean loading) {
}
