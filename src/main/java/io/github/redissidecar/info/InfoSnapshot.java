package io.github.redissidecar.info;

import java.util.Collections;
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

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
