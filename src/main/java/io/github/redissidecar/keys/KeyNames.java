package io.github.redissidecar.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * The key names sampling and the exact scan look at: names longer than {@link #MAX_BYTES} are skipped and counted,
 * never sent back to Redis (MEMORY USAGE and PTTL would carry them again, twice per name) and never grouped. Real
 * names are far shorter (Django's cache keys stay under memcached's 250); a client that writes megabyte names
 * must not be able to fill the sidecar's small heap through its sampler.
 */
public final class KeyNames {

    public static final int MAX_BYTES = 1024;

    private KeyNames() {
    }

    /** The names of {@code keys} that may be looked at, in order. */
    public static List<byte[]> usable(List<byte[]> keys) {
        List<byte[]> out = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            if (key.length <= MAX_BYTES) {
                out.add(key);
            }
        }
        return out;
    }
}
