package io.github.redissidecar.keys;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The latest samples of one database, oldest dropped first: the estimate follows the keyspace as it changes, and
 * its memory is bounded whatever the number of keys or groups.
 */
public final class SampleWindow {

    private final int capacity;
    private final Deque<KeySample> samples = new ArrayDeque<>();

    public SampleWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(KeySample sample) {
        samples.addLast(sample);
        if (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    public synchronized int size() {
        return samples.size();
    }

    public synchronized List<KeySample> samples() {
        return List.copyOf(samples);
    }

    public synchronized void clear() {
        samples.clear();
    }
}
