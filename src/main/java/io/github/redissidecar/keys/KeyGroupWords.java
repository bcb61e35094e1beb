package io.github.redissidecar.keys;

import io.github.redissidecar.memory.ByteSize;
import java.util.Locale;

/** A group's estimate in one line for /status: size with its uncertainty, keys, and how much of it expires. */
public final class KeyGroupWords {

    private KeyGroupWords() {
    }

    /** E.g. {@code db0 celery-task-meta-*: 21.3 MiB ± 1.1 MiB (95 % range), 63 % of the estimated total, ~30,120
     * keys; none of it expires (no TTL)}. */
    public static String of(KeyGroupEstimate e, double totalBytes) {
        return String.format(Locale.ROOT, "db%d %s: %s ± %s (95 %% range), %.0f %% of the estimated total, ~%,.0f keys; %s",
                e.db(), e.group(), ByteSize.human((long) e.bytes()), ByteSize.human((long) (2 * e.bytesError())),
                totalBytes > 0 ? 100 * e.bytes() / totalBytes : 0, e.keys(), ttl(e.withoutTtlShare()));
    }

    static String ttl(double withoutTtl) {
        if (withoutTtl >= 0.995) {
            return "none of it expires (no TTL)";
        }
        if (withoutTtl <= 0.005) {
            return "all of it has a TTL";
        }
        return String.format(Locale.ROOT, "%.0f %% of its bytes have no TTL", 100 * withoutTtl);
    }
}
