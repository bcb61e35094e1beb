package io.github.redissidecar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {

    private final KeyGroups groups = KeyGroups.byPrefix();

    @Test
    void theSeedsKeysGetTheGroupsAnOperatorWouldName() {
        assertEquals("celery-task-meta-*", groups.groupOf("celery-task-meta-" + UUID.randomUUID()));
        assertEquals("vimbiso:1:*", groups.groupOf("vimbiso:1:3f2a9c81d0e4b7a6"));
        assertEquals("vimbiso:1:*", groups.groupOf("vimbiso:1:conversation"));
        assertEquals("session:*", groups.groupOf("session:123456"));
        assertEquals("session:*", groups.groupOf("session:k3j9x8q2m1"));
        assertEquals("user:*", groups.groupOf("user:jane.doe@example.com"));
        assertEquals("_kombu.binding.*", groups.groupOf("_kombu.binding.celery"));
        assertEquals("*", groups.groupOf("counter"));
        assertEquals("a:b:c:d:*", groups.groupOf("a:b:c:d:e:f"));
        assertEquals("cache/*", groups.groupOf("cache/a8f5f167f44f4964e6c998dee827110c"));
    }

    @Test
    void configuredRulesComeFirstAndShowTheirCaptureOrThemselves() {
        KeyGroups rules = KeyGroups.withRules("^(conv:[a-z]+):\n\n^tmp\\.");
        assertEquals("conv:state", rules.groupOf("conv:state:555"));
        assertEquals("^tmp\\.", rules.groupOf("tmp.x"));
        assertEquals("session:*", rules.groupOf("session:999"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyGroups.withRules("(a"));
        assertTrue(e.getMessage().contains("'(a'"), e.getMessage());
    }

    @Test
    void fiftyThousandRandomPrefixesGiveAtMostTopPlusOneGroupsAndNoKeyInALabel() {
        Random random = new Random(15);
        Map<Integer, List<KeySample>> windows = new TreeMap<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            String key = word(random) + (random.nextBoolean() ? ":" : "-") + word(random)
                    + (random.nextInt(3) == 0 ? "" : ":" + random.nextInt(1_000_000));
            keys.add(key);
            String group = groups.groupOf(key);
            assertFalse(group.equals(key) || !group.endsWith("*"), key + " -> " + group);
            windows.computeIfAbsent(i % 2, d -> new ArrayList<>())
                    .add(new KeySample(group, 50 + random.nextInt(5000), random.nextBoolean()));
        }
        List<KeyGroupEstimate> estimates = KeyGroupEstimates.of(windows, Map.of(0, 1_000_000L, 1, 2_000_000L), 20);
        Set<String> labels = new HashSet<>();
        estimates.forEach(e -> labels.add(e.group()));
        assertTrue(labels.size() <= 21, "groups: " + labels.size());
        assertTrue(labels.contains(KeyGroupEstimates.OTHER));
        for (String label : labels) {
            assertFalse(keys.contains(label), label);
            for (String key : keys) {
                assertFalse(label.contains(key), label + " holds " + key);
            }
        }
    }

    private static String word(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 4 + random.nextInt(6); i > 0; i--) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
