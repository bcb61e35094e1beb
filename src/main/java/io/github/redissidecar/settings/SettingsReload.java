package io.github.redissidecar.settings;

import io.github.redissidecar.checks.InvalidConfiguration;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The desired settings as last read and accepted, and the decision what a new look at their sources means: nothing
 * new, a change to apply, or sources that became invalid, in which case the last good settings stay in force. The
 * sources are the settings file, {@code SIDECAR_SETTINGS} (fixed for the process) and the container memory limit
 * that {@code maxmemory N%} is a share of (it may come from a file too). Reading the file is cheap and its content
 * is compared whole, so callers may look as often as they like: only a difference produces an outcome.
 */
public final class SettingsReload {

    /** What a look found. */
    public enum Kind {
        /** The sources read as at the previous look (also while they stay invalid: that was already said). */
        NOTHING_NEW,
        /** The sources changed and are valid: {@link Outcome#change()} says what to apply (maybe nothing). */
        APPLIED,
        /** The sources changed and are invalid: {@link Outcome#refusal()} names the key, the value and the fix. */
        REFUSED
    }

    /**
     * @param desired the settings in force after this look
     * @param limit the container memory limit they were computed with
     */
    public record Outcome(Kind kind, SettingsChange change, Optional<String> refusal, DesiredSettings desired,
            OptionalLong limit) {
    }

    private record Inputs(Optional<String> fileText, OptionalLong limit) {
    }

    private final Optional<Path> file;
    private final Optional<String> text;
    private final Supplier<OptionalLong> limit;
    private Object seen;
    private DesiredSettings good;
    private OptionalLong goodLimit;
    private Optional<String> refusal = Optional.empty();

    private SettingsReload(Optional<Path> file, Optional<String> text, Supplier<OptionalLong> limit) {
        this.file = file;
        this.text = text;
        this.limit = limit;
    }

    /**
     * Reads the sources for startup.
     *
     * @param limit reads the container memory limit; throws an {@link InvalidConfiguration} naming the key, the
     *     value and the fix when it cannot
     * @throws SettingsException (or the limit's exception) on any mistake: startup stops with that one line
     */
    public static SettingsReload read(Optional<Path> file, Optional<String> text, Supplier<OptionalLong> limit) {
        SettingsReload reload = new SettingsReload(file, text, limit);
        Inputs inputs = reload.inputs();
        reload.good = reload.desired(inputs);
        reload.goodLimit = inputs.limit();
        reload.seen = inputs;
        return reload;
    }

    /** Looks at the sources again. */
    public synchronized Outcome look() {
        Inputs inputs;
        try {
            inputs = inputs();
        } catch (InvalidConfiguration e) {
            return refused(e.getMessage(), e.getMessage());
        }
        if (inputs.equals(seen)) {
            return new Outcome(Kind.NOTHING_NEW, unchanged(), refusal, good, goodLimit);
        }
        DesiredSettings next;
        try {
            next = desired(inputs);
        } catch (SettingsException e) {
            return refused(inputs, e.getMessage());
        }
        SettingsChange change = SettingsChange.between(good, goodLimit, next, inputs.limit());
        seen = inputs;
        good = next;
        goodLimit = inputs.limit();
        refusal = Optional.empty();
        return new Outcome(Kind.APPLIED, change, refusal, good, goodLimit);
    }

    /** The settings in force: the last ones read that were valid. */
    public synchronized DesiredSettings desired() {
        return good;
    }

    private Outcome refused(Object key, String message) {
        if (key.equals(seen)) {
            return new Outcome(Kind.NOTHING_NEW, unchanged(), refusal, good, goodLimit);
        }
        seen = key;
        refusal = Optional.of(message);
        return new Outcome(Kind.REFUSED, unchanged(), refusal, good, goodLimit);
    }

    private SettingsChange unchanged() {
        return SettingsChange.between(good, goodLimit, good, goodLimit);
    }

    private Inputs inputs() {
        try {
            return readInputs();
        } catch (InvalidConfiguration first) {
            // A ConfigMap or Downward API update swaps the ..data symlink and then deletes the old files: a read
            // in between finds nothing. One more try, and a file that is really gone is refused.
            return readInputs();
        }
    }

    private Inputs readInputs() {
        return new Inputs(file.map(SettingsSources::readFile), limit.get());
    }

    private DesiredSettings desired(Inputs inputs) {
        return DesiredSettings.of(SettingsSources.parse(file, inputs.fileText(), text), inputs.limit());
    }
}
