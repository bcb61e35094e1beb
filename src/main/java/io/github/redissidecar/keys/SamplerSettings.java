package io.github.redissidecar.keys;

/**
 * The sampler's configuration, checked: each bad value is refused with the key, the value and the fix.
 *
 * @param batch the fewest keys drawn at once, after a poll
 * @param samplesPerMinute keys sampled per minute on average
 * @param window samples kept per database
 * @param top groups that keep their label
 * @param memorySamples MEMORY USAGE's SAMPLES argument
 */
public record SamplerSettings(int batch, int samplesPerMinute, int window, int top, int memorySamples) {

    /** Above this the sampler would cost Redis more than a busy client: a typo, not a plan. */
    static final int MAX_SAMPLES_PER_MINUTE = 600_000;

    /** @return the first problem in one line, or null when the settings are usable */
    public String problem() {
        if (samplesPerMinute < 1 || samplesPerMinute > MAX_SAMPLES_PER_MINUTE) {
            return "SIDECAR_KEYS_SAMPLES_PER_MINUTE (sidecar.keys.samples-per-minute) is " + samplesPerMinute
                    + "; use 1 to " + MAX_SAMPLES_PER_MINUTE + ", or SIDECAR_KEYS_ENABLED=false to stop sampling";
        }
        if (batch < 1 || batch > MAX_SAMPLES_PER_MINUTE) {
            return "SIDECAR_KEYS_BATCH (sidecar.keys.batch) is " + batch
                    + "; use 1 to " + MAX_SAMPLES_PER_MINUTE + ", or SIDECAR_KEYS_ENABLED=false to stop sampling";
        }
        if (window < 10) {
            return "SIDECAR_KEYS_WINDOW (sidecar.keys.window) is " + window + "; use 10 or more samples";
        }
        if (top < 1) {
            return "SIDECAR_KEYS_TOP (sidecar.keys.top) is " + top + "; use 1 or more groups";
        }
        if (memorySamples < 0) {
            return "SIDECAR_KEYS_MEMORY_SAMPLES (sidecar.keys.memory-samples) is " + memorySamples
                    + "; use 0 (every element) or more";
        }
        return null;
    }
}
