package io.github.redissidecar.info;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;

/**
 * One parsed {@code INFO} reply: every {@code field:value} line, in reply order, with the section it came from.
 * Immutable; a poll replaces the whole snapshot rather than mutating it, so a scrape never sees half a poll.
 */
public final class InfoSnapshot {

    private final Map<String, String> fields;
    private final Map<String, String> sections;
    private final Set<String> sectionsRead;

    InfoSnapshot(Map<String, String> fields, Map<String, String> sections, Set<String> sectionsRead) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        this.sectionsRead = Set.copyOf(sectionsRead);
    }

    /**
     * Whether the reply had this section, even empty: an {@code # Errorstats} header with no line under it means
     * no error replies so far, which is not the same as errorstats not read.
     */
    public boolean hasSection(String section) {
        return sectionsRead.contains(section);
    }

    /** All fields in reply order. */
    public Map<String, String> fields() {
        return fields;
    }

    /** The lower-case INFO section a field was reported in ("memory", "keyspace", ...). */
    public Optional<String> sectionOf(String field) {
        return Optional.ofNullable(sections.get(field));
    }

    public Optional<String> text(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** The field as a number, empty when absent or not numeric. */
    public OptionalDouble number(String field) {
        String value = fields.get(field);
        return value == null ? OptionalDouble.empty() : Numbers.parse(value);
    }

    /** Merges two replies (the fallback path on Redis &lt; 7 sends two INFO commands); fields of {@code other} win. */
    public InfoSnapshot with(InfoSnapshot other) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.putAll(other.fields);
        Map<String, String> s = new LinkedHashMap<>(sections);
        s.putAll(other.sections);
        Set<String> read = new HashSet<>(sectionsRead);
        read.addAll(other.sectionsRead);
        return new InfoSnapshot(f, s, read);
    }

    /** Only the fields of the named sections. */
    public InfoSnapshot only(Set<String> sectionNames) {
        Map<String, String> f = new LinkedHashMap<>();
        Map<String, String> s = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            String section = sections.get(field);
            if (section != null && sectionNames.contains(section)) {
                f.put(field, value);
                s.put(field, section);
            }
        });
        Set<String> read = new HashSet<>(sectionsRead);
        read.retainAll(sectionNames);
        return new InfoSnapshot(f, s, read);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
