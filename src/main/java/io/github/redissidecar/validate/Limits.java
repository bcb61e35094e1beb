package io.github.redissidecar.validate;

/**
 * How much of a hostile input validate reads before giving up with one line (docs/validate.md, "Limits"). Real
 * compose files and task definitions are a few KB with a handful of anchors; these leave two orders of magnitude of
 * room and keep a run within a 16 MiB heap and a few seconds, whatever the file holds.
 */
final class Limits {

    /** An input file's size: read with a bounded read, so /dev/zero or a growing file cannot exhaust memory. */
    static final int FILE_BYTES = 1 << 20;
    static final String FILE_BYTES_TEXT = "1 MiB";

    /** YAML aliases (*name) of a mapping or list: each one can multiply what the document expands to. */
    static final int YAML_COLLECTION_ALIASES = 10;

    /** Nesting of YAML or JSON: compose files nest about 6 levels; deeper only costs stack. */
    static final int NESTING_DEPTH = 32;

    /** Values (mapping entries, list items, scalars) in a YAML document once its aliases are expanded. */
    static final int EXPANDED_VALUES = 100_000;

    /** Characters of text in a YAML document once its aliases are expanded: no more than the file may hold. */
    static final int EXPANDED_CHARS = FILE_BYTES;

    /** Characters in a memory value ("768m", "1024"): enough for any real size, few enough for BigDecimal. */
    static final int NUMBER_CHARS = 30;

    /** The largest memory limit accepted, in bytes: 1 PiB, far above any container, far below Long.MAX_VALUE. */
    static final long MEMORY_BYTES = 1L << 50;
    static final String MEMORY_BYTES_TEXT = "1 PiB";

    private Limits() {
    }
}
