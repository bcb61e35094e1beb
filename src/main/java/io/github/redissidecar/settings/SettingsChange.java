package io.github.redissidecar.settings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between the desired settings in force and newly read ones: parameters added, changed (a different
 * value as CONFIG GET reports it; a new spelling of the same value is not a change) and removed, and the container
 * memory limit they were computed with. Written as one log line per change.
 */
public record SettingsChange(List<DesiredSetting> added, List<Changed> changed, List<DesiredSetting> removed,
        OptionalLong limitBefore, OptionalLong limitAfter) {

    /** One parameter whose desired value changed. */
    public record Changed(DesiredSetting before, DesiredSetting after) {
    }

    public SettingsChange {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public static SettingsChange between(DesiredSettings before, OptionalLong limitBefore, DesiredSettings after,
            OptionalLong limitAfter) {
        Map<String, DesiredSetting> old = byParameter(before);
        Map<String, DesiredSetting> next = byParameter(after);
        List<DesiredSetting> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (DesiredSetting setting : after.all()) {
            DesiredSetting earlier = old.get(setting.parameter());
            if (earlier == null) {
                added.add(setting);
            } else if (!earlier.value().equals(setting.value())) {
                changed.add(new Changed(earlier, setting));
            }
        }
        List<DesiredSetting> removed = before.all().stream().filter(s -> !next.containsKey(s.parameter())).toList();
        return new SettingsChange(added, changed, removed, limitBefore, limitAfter);
    }

    /** Whether anything the sidecar enforces or reports differs. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && limitBefore.equals(limitAfter);
    }

    /** The parameters whose earlier desired value no longer holds: what was learned about those values is void. */
    public Set<String> replaced() {
        Set<String> out = new LinkedHashSet<>();
        changed.forEach(c -> out.add(c.after().parameter()));
        removed.forEach(r -> out.add(r.parameter()));
        return out;
    }

    /** One line per change, for the log. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (!limitBefore.equals(limitAfter)) {
            out.add("Container memory limit changed: " + bytes(limitBefore) + " -> " + bytes(limitAfter));
        }
        changed.forEach(c -> out.add("Settings change: " + c.after().parameter() + " " + shown(c.before()) + " -> "
                + shown(c.after()) + " (" + c.after().origin() + ")"));
        added.forEach(a -> out.add("Settings change: " + a.parameter() + " " + shown(a) + " added (" + a.origin()
                + ")"));
        removed.forEach(r -> out.add("Settings change: " + r.parameter() + " removed: no longer enforced, Redis "
                + "keeps its current value"));
        return out;
    }

    private static String shown(DesiredSetting setting) {
        String value = setting.value().isEmpty() ? "\"\"" : setting.value();
        return setting.written().strip().equals(setting.value()) ? value : setting.written().strip() + " (" + value
                + ")";
    }

    private static String bytes(OptionalLong limit) {
        return limit.isPresent() ? limit.getAsLong() + " bytes" : "unknown";
    }

    private static Map<String, DesiredSetting> byParameter(DesiredSettings settings) {
        return settings.all().stream().collect(Collectors.toMap(DesiredSetting::parameter, Function.identity()));
    }
}
