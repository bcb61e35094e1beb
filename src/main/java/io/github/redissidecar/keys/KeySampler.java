package io.github.redissidecar.keys;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.poll.Polled;
import io.github.redissidecar.poll.RedisWorker;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.KeyFacts;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.settings.ServerLives;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Draws random keys right after each poll within the configured budget (RANDOMKEY, then MEMORY USAGE and PTTL, in
 * two pipelined batches per database) and keeps them, reduced to group, size and TTL, in {@link SamplerState}.
 * On the polling thread, within a millisecond of the INFO, rather than on a scheduler tick of its own up to a
 * second later: samples follow the polls exactly, and in steady state no second timer runs. Read-only, on the
 * sidecar's one connection; never KEYS, SCAN or Lua. Leaves a restart's poll to the settings; waits while Redis
 * loads or answers slowly (the poll's own INFO slower than {@code SIDECAR_KEYS_MAX_LATENCY}, or a batch slower than
 * twice that);
 * switches itself off for good, in one log line, when the ACL denies what it needs. After the sidecar starts and
 * after every Redis restart (which also empties the windows: they described the previous dataset) a {@link WarmUp}
 * fills the windows in about twenty seconds (measured on 108 k keys in two databases), batch after batch on a
 * timer of the Redis thread, paced to a share of Redis's time; then the samples follow the polls again.
 */
public final class KeySampler {

    private static final System.Logger LOG = System.getLogger(KeySampler.class.getName());

    private final RedisCommands redis;
    private final SamplerState state;
    private final SampleBudget budget;
    private final KeyGroups groups;
    private final SamplerSettings settings;
    private final long maxLatencyNanos;
    private final WarmUp warmUp;
    private final RedisWorker.Deadline warmUpBatch;
    private Map<Integer, Long> lastKeys = Map.of();
    private boolean warmUpScheduled;

    /**
     * @param enabled SIDECAR_KEYS_ENABLED
     * @param maxLatency SIDECAR_KEYS_MAX_LATENCY: a slower poll draws no key
     */
    public KeySampler(RedisCommands redis, RedisWorker worker, SamplerSettings settings, KeyGroups groups,
            boolean enabled, Duration maxLatency) {
        this.redis = redis;
        this.settings = settings;
        this.groups = groups;
        this.state = new SamplerState(settings.window());
        this.budget = new SampleBudget(settings.batch(), settings.samplesPerMinute());
        this.maxLatencyNanos = maxLatency.toNanos();
        this.warmUp = new WarmUp(settings.warmUpPercent());
        this.warmUp.start();
        this.warmUpBatch = worker.deadline(this::warmUpBatch);
        state.warmingUp(warmUp.active() && enabled);
        if (!enabled) {
            state.off("SIDECAR_KEYS_ENABLED is false");
        }
    }

    /** The grouping of SIDECAR_KEYS_GROUPS, or the default one; refused with the key and the fix. */
    public static KeyGroups groups(Optional<String> rules) {
        try {
            return rules.map(KeyGroups::withRules).orElse(KeyGroups.byPrefix());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration("SIDECAR_KEYS_GROUPS (sidecar.keys.groups): " + e.getMessage()
                    + "; write one Java regular expression per line");
        }
    }

    public SamplerState state() {
        return state;
    }

    /** The estimates from the windows, scaled by the keys per database that {@code info} reports, largest first. */
    public List<KeyGroupEstimate> estimates(Optional<InfoSnapshot> info) {
        return info.map(i -> KeyGroupEstimates.of(state.samples(), KeyspaceCounts.of(i), settings.top()))
                .orElse(List.of());
    }

    /** After a poll, on the Redis thread. After a restart the settings go first: the next poll samples. */
    public void polled(Polled polled) {
        if (polled.event() == ServerLives.Event.RESTART) {
            state.clearWindows();
            warmUp.start();
            state.warmingUp(warmUp.active() && state.offReason().isEmpty());
        }
        if (state.offReason().isPresent()) {
            return;
        }
        Optional<String> pause = pause(polled);
        state.paused(pause);
        if (pause.isPresent()) {
            return;
        }
        Map<Integer, Long> keys = KeyspaceCounts.largest(polled.snapshot(), KeyspaceCounts.MAX_SAMPLED);
        lastKeys = keys;
        state.retainOnly(keys.keySet());
        boolean sameLife = polled.event() == ServerLives.Event.SAME_LIFE;
        if (warmUp.active()) {
            if (!warmUpScheduled && !keys.isEmpty()) {
                warmUpScheduled = true;
                // A new life's first second belongs to the settings (queued first on this thread anyway).
                warmUpBatch.in(sameLife ? Duration.ZERO : Duration.ofSeconds(1));
            }
            return;
        }
        if (!sameLife) {
            return;
        }
        long now = TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
        try {
            Map<Integer, Integer> shares = budget.forPoll(List.copyOf(keys.keySet()), now);
            for (Map.Entry<Integer, Integer> share : shares.entrySet()) {
                Optional<String> slow = sample(share.getKey(), share.getValue());
                if (slow.isPresent()) {
                    state.paused(slow);
                    return;
                }
            }
            if (!shares.isEmpty()) {
                lookUpKnownKeys();
            }
        } catch (RedisFailure failure) {
            failed(failure);
        }
    }

    // Judged before any key is drawn: a poll that found Redis loading or slow is followed by nothing.
    private Optional<String> pause(Polled polled) {
        if (polled.snapshot().number("loading").orElse(0) > 0) {
            return Optional.of("Redis is loading its dataset");
        }
        if (polled.tookNanos() > maxLatencyNanos) {
            return Optional.of("the poll's INFO took " + TimeUnit.NANOSECONDS.toMillis(polled.tookNanos())
                    + " ms, more than SIDECAR_KEYS_MAX_LATENCY");
        }
        return Optional.empty();
    }

    // One batch of the warm-up, on the Redis thread; the next is scheduled by the time this one took. A pause (the
    // last poll found Redis loading or slow, or this batch was slow) stops the chain until the next fast poll.
    private void warmUpBatch() {
        warmUpScheduled = false;
        Set<Integer> databases = lastKeys.keySet();
        long now = System.nanoTime();
        if (state.offReason().isPresent() || state.pausedReason().isPresent() || databases.isEmpty()
                || !warmUp.active()) {
            return;
        }
        if (warmUp.finished(state.held(), databases, settings.window(), now)) {
            state.warmingUp(false);
            lookUpKnownKeys();
            LOG.log(Level.INFO, "Key groups warmed up: " + warmUp.summary(now) + "; now " + settings
                    .samplesPerMinute() + " keys a minute");
            return;
        }
        try {
            long start = System.nanoTime();
            Optional<String> slow = sample(WarmUp.neediest(state.held(), databases), RedisCommands.MAX_KEYS_PER_BATCH);
            if (slow.isPresent()) {
                state.paused(slow);
                return;
            }
            warmUpScheduled = true;
            warmUpBatch.in(warmUp.after(RedisCommands.MAX_KEYS_PER_BATCH, System.nanoTime() - start));
        } catch (RedisFailure failure) {
            failed(failure);
        }
    }

    // The frameworks' fixed names (KnownKey): at the end of a warm-up and with each steady batch.
    private void lookUpKnownKeys() {
        try {
            state.known(KnownKey.lookUp(redis, lastKeys.keySet(), settings.memorySamples()));
        } catch (RedisFailure failure) {
            failed(failure);
        }
    }

    /** Samples {@code count} keys of {@code db}; why it stopped early when a batch was too slow to go on. */
    private Optional<String> sample(int db, int count) throws RedisFailure {
        for (int left = count; left > 0; left -= RedisCommands.MAX_KEYS_PER_BATCH) {
            long start = System.nanoTime();
            List<byte[]> drawn = redis.randomKeys(db, Math.min(left, RedisCommands.MAX_KEYS_PER_BATCH));
            List<byte[]> keys = KeyNames.usable(drawn);
            skipped(drawn.size() - keys.size());
            List<KeyFacts> facts = redis.keyFacts(db, keys, settings.memorySamples());
            for (int i = 0; i < facts.size(); i++) {
                keep(db, keys.get(i), facts.get(i));
            }
            // Two batches: together they may take twice the bound before the sampler steps back.
            long took = System.nanoTime() - start;
            if (took > 2 * maxLatencyNanos) {
                return Optional.of("a sampling batch took " + TimeUnit.NANOSECONDS.toMillis(took)
                        + " ms, more than twice SIDECAR_KEYS_MAX_LATENCY");
            }
        }
        return Optional.empty();
    }

    private void skipped(int longNames) {
        if (longNames > 0 && state.skippedLongNames(longNames) == longNames) {
            LOG.log(Level.WARNING, "Key sampling skips key names longer than " + KeyNames.MAX_BYTES + " bytes (found "
                    + "one): they are not grouped; counted in redis_sidecar_keygroup_long_names_skipped_total");
        }
    }

    private void keep(int db, byte[] key, KeyFacts facts) {
        if (!facts.gone()) {
            String name = new String(key, StandardCharsets.UTF_8);
            state.add(db, new KeySample(groups.groupOf(name), facts.bytes(), facts.ttlMillis() >= 0));
        }
    }

    // One log line per new error; a denied command switches sampling off, also in one line.
    private void failed(RedisFailure failure) {
        boolean repeated = failure.getMessage().equals(state.lastError().orElse(""));
        state.failed(failure.reason().label(), failure.getMessage());
        if (failure.reason() == FailureReason.PERMISSION) {
            String reason = "the ACL denies what sampling needs (" + failure.getMessage() + "); grant +randomkey "
                    + "+memory|usage +pttl +select %R~* or set SIDECAR_KEYS_ENABLED=false";
            state.off(reason);
            state.warmingUp(false);
            LOG.log(Level.WARNING, "Key sampling is off: " + reason);
            return;
        }
        if (failure.reason() == FailureReason.LOADING) {
            state.paused(Optional.of("Redis is loading its dataset"));
        }
        if (!repeated) {
            LOG.log(Level.INFO, "Key sampling failed (" + failure.reason().label() + "): " + failure.getMessage());
        }
    }
}
