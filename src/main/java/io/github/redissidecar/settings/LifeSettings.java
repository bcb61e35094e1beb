package io.github.redissidecar.settings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the sidecar saw of its desired values on the current server life, and so which sets are restores. The
 * maxmemory safety margin exists so that a newly declared, lower limit does not evict data at once; putting back
 * the limit a server had is the opposite case. A set is a restore when the value was in force on this same life
 * (a hand-typed CONFIG SET undone), or when the life came back without its settings (a restart, or a Redis that
 * started with the sidecar and has no maxmemory) and the parameter has not been in force since: Redis started
 * with the value on its command line would load the same dataset and then evict down to it, while an unbounded
 * Redis in a limited container loses everything when it is OOM-killed.
 */
public final class LifeSettings {

    private final Map<String, String> inForce = new HashMap<>();
    private boolean cameBack;

    /** A new server life begins; {@code cameBack} when it came back without its settings. */
    public synchronized void newLife(boolean cameBack) {
        this.cameBack = cameBack;
        inForce.clear();
    }

    /** A desired value was seen in force on this life. */
    public synchronized void inForce(String parameter, String value) {
        inForce.put(parameter, value);
    }

    /** The parameters whose desired value would be a restore on this life rather than a change. */
    public synchronized Set<String> restores(DesiredSettings desired) {
        Set<String> out = new HashSet<>();
        for (DesiredSetting setting : desired.all()) {
            String seen = inForce.get(setting.parameter());
            if (cameBack && seen == null || setting.value().equals(seen)) {
                out.add(setting.parameter());
            }
        }
        return out;
    }
}
