package io.github.redissidecar.keys;

import io.github.redissidecar.redis.KeyFacts;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A key the frameworks name the same in every deployment, looked up by name in each database: RANDOMKEY finds a
 * single key among thousands by chance only, and Celery's broker is a handful of keys (its default queue's list
 * and kombu's sets), however many tasks wait in them.
 *
 * @param bytes its MEMORY USAGE
 * @param expires whether it has a TTL
 */
public record KnownKey(int db, String name, long bytes, boolean expires) {

    /** The names looked up: Celery's default queue, kombu's binding set for it, and its unacked bookkeeping. */
    public static final List<String> NAMES = List.of("celery", "_kombu.binding.celery", "unacked", "unacked_index");

    /** Those of {@link #NAMES} that exist in {@code databases}: one MEMORY USAGE and PTTL per name and database. */
    static List<KnownKey> lookUp(RedisCommands redis, Collection<Integer> databases, int samples) throws RedisFailure {
        List<byte[]> names = NAMES.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
        List<KnownKey> found = new ArrayList<>();
        for (int db : databases) {
            List<KeyFacts> facts = redis.keyFacts(db, names, samples);
            for (int i = 0; i < facts.size(); i++) {
                if (!facts.get(i).gone()) {
                    found.add(new KnownKey(db, NAMES.get(i), facts.get(i).bytes(), facts.get(i).ttlMillis() >= 0));
                }
            }
        }
        return found;
    }
}
