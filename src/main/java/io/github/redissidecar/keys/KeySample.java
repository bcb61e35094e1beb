package io.github.redissidecar.keys;

/** One sampled key, reduced to what the estimate needs: its group (never its name), size and whether it expires. */
public record KeySample(String group, long bytes, boolean expires) {
}
