package io.github.redissidecar.settings;

import io.github.redissidecar.info.InfoSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters INFO reports on every poll, in the form CONFIG GET reports them. They cost no extra command, so
 * drift in them is seen at the next poll, and what /status and the drift series say about them is what
 * {@code redis_config_maxmemory} says, from the same poll.
 */
public final class InfoSettings {

    private static final Map<String, String> FIELDS = Map.of("maxmemory", "maxmemory", "maxmemory-policy",
            "maxmemory_policy");

    private InfoSettings() {
    }

    /** The values of those of {@code desired}'s parameters that INFO reports, in desired order. */
    public static Map<String, String> of(InfoSnapshot info, DesiredSettings desired) {
        Map<String, String> out = new LinkedHashMap<>();
        for (DesiredSetting setting : desired.all()) {
            String field = FIELDS.get(setting.parameter());
            if (field != null) {
                info.text(field).ifPresent(value -> out.put(setting.parameter(), value));
            }
        }
        return out;
    }

    /** Whether INFO reports every one of {@code desired}'s parameters, so that polls alone see all their drift. */
    public static boolean coversAll(DesiredSettings desired) {
        return desired.all().stream().allMatch(s -> FIELDS.containsKey(s.parameter()));
    }

    /** The desired values of the parameters in {@code info}. */
    public static Map<String, String> desired(Map<String, String> info, DesiredSettings desired) {
        Map<String, String> out = new LinkedHashMap<>();
        desired.all().stream().filter(s -> info.containsKey(s.parameter()))
                .forEach(s -> out.put(s.parameter(), s.value()));
        return out;
    }
}
