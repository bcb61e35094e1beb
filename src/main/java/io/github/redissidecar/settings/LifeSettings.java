package io.github.redissidecar.settings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the sidecar saw of its desired values on the current server life, and so which sets are restores. The
 * maxmemory safety margin exists so that a newly declared, lower limit does not evict data at once; putting back
 * the limit a server had is the opposite case: Redis started with the value on its command line would load the
 * same dataset and then evict down to it, while an unbounded Redis in a limited container loses everything when
 * it is OOM-killed. A set is a restore when the value was in force on this life (a hand-typed CONFIG SET undone),
 * or on the life before a restart the sidecar saw, or when Redis started together with the sidecar without its
 * settings (a redeploy: the previous sidecar had them in force). A value that was never in force (an adopted
 * Redis where it was held back) stays a change after a restart: held back, and loud.
 */
public final class LifeSettings {

    /** What a poll's server life means for the settings. */
    public enum Beginning {
        /** The same life as before: nothing begins. */
        SAME,
        /** Redis restarted while the sidecar watched: what was in force is restored. */
        RESTARTED,
        /** The first Redis seen started with the sidecar, without its settings: all of them are restored. */
        CAME_BACK,
        /** The first Redis seen started with the sidecar and has a maxmemory: adopted as it is. */
        ADOPTED_YOUNG,
        /** The first Redis seen has run longer than the sidecar plus the adopt-after window: adopted. */
        ADOPTED_OLD
    }

    /**
     * Starts the life a poll shows. A Redis met at the sidecar's start that is young and has no maxmemory came back
     * without its settings (a redeploy: the previous sidecar had them in force, or a restart while the sidecar was
     * down); a young one with a maxmemory, or an old one, is adopted as it is.
     */
    public synchronized Beginning begin(ServerLives.Event event, boolean hasMaxmemory, DesiredSettings desired) {
        switch (event) {
            case RESTART -> {
                restarted();
                return Beginning.RESTARTED;
            }
            case FIRST_CONTACT_FRESH -> {
                if (hasMaxmemory) {
                    adopted();
                    return Beginning.ADOPTED_YOUNG;
                }
                cameBack(desired);
                return Beginning.CAME_BACK;
            }
            case FIRST_CONTACT_ADOPTED -> {
                adopted();
                return Beginning.ADOPTED_OLD;
            }
            default -> {
                return Beginning.SAME;
            }
        }
    }

    private final Map<String, String> inForce = new HashMap<>();
    private Map<String, String> restorable = new HashMap<>();

    /** The first server seen started together with the sidecar, without its settings: all of them restore. */
    public synchronized void cameBack(DesiredSettings desired) {
        inForce.clear();
        restorable = new HashMap<>();
        desired.all().forEach(d -> restorable.put(d.parameter(), d.value()));
    }

    /** Redis restarted: what was in force (or still to be restored) on the previous life is restored on this one. */
    public synchronized void restarted() {
        Map<String, String> next = new HashMap<>(restorable);
        next.putAll(inForce);
        restorable = next;
        inForce.clear();
    }

    /** A long-running Redis met for the first time: nothing is known to have been in force on it. */
    public synchronized void adopted() {
        inForce.clear();
        restorable = new HashMap<>();
    }

    /** A desired value was seen in force on this life. */
    public synchronized void inForce(String parameter, String value) {
        inForce.put(parameter, value);
    }

    /**
     * The desired values of these parameters changed or were removed: what was in force is no longer a value to
     * restore, so going back to it later is a change again (held back by the safety margin when lower).
     */
    public synchronized void forget(Set<String> parameters) {
        inForce.keySet().removeAll(parameters);
        restorable.keySet().removeAll(parameters);
    }

    /** The parameters whose desired value would be a restore on this life rather than a change. */
    public synchronized Set<String> restores(DesiredSettings desired) {
        Set<String> out = new HashSet<>();
        for (DesiredSetting setting : desired.all()) {
            if (setting.value().equals(inForce.get(setting.parameter()))
                    || setting.value().equals(restorable.get(setting.parameter()))) {
                out.add(setting.parameter());
            }
        }
        return out;
    }
}
