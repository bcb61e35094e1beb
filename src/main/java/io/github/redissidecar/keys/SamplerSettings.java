package io.github.redissidecar.keys;

/**
 * The sampler's configuration, already checked ({@code ConfigChecks}).
 *
 * @param batch the fewest keys drawn at once, after a poll
 * @param samplesPerMinute keys sampled per minute on average
 * @param window samples kept per database
 * @param top groups that keep their label
 * @param memorySamples MEMORY USAGE's SAMPLES argument
 * @param warmUpPercent the largest share of Redis's time the warm-up may take, in percent (0: no warm-up)
 */
public record SamplerSettings(int batch, int samplesPerMinute, int window, int top, int memorySamples,
        double warmUpPercent) {
}
