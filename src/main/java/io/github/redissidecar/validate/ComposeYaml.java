package io.github.redissidecar.validate;

import java.util.Collection;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A compose file's YAML, loaded within {@link Limits}. SnakeYAML shares an aliased node instead of copying it, so
 * loading a "billion laughs" is cheap; what is not is every later walk of it (a toString, a join), which sees each
 * alias expanded. Hence few collection aliases at load, and the expanded document measured, with a budget, before
 * anything reads it.
 */
final class ComposeYaml {

    private ComposeYaml() {
    }

    /** @throws UnusableInput when the text is not YAML or expands past the limits */
    static Object load(String text, String fileName) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Limits.YAML_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(Limits.FILE_BYTES);
        options.setNestingDepthLimit(Limits.NESTING_DEPTH);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            String message = ComposeFile.oneLine(e.getMessage());
            String fix = message.contains("aliases") ? "validate takes at most " + Limits.YAML_COLLECTION_ALIASES
                    + " aliases (*name) of mappings or lists; write some of them out" : "fix the YAML at that line";
            throw new UnusableInput(fileName + " is not readable YAML: " + message + "; " + fix);
        }
        new Budget(fileName).measure(root, 0);
        return root;
    }

    /** Walks the document as a reader would, alias by alias, and stops as soon as it has seen too much. */
    private static final class Budget {
        private final String fileName;
        private long values;
        private long chars;

        Budget(String fileName) {
            this.fileName = fileName;
        }

        void measure(Object node, int depth) {
            if (depth > Limits.NESTING_DEPTH) {
                // Only an alias inside its own anchor (a: &a [*a]) gets here: the parser bounds plain nesting.
                throw new UnusableInput(fileName + " nests deeper than " + Limits.NESTING_DEPTH + " levels (an "
                        + "alias inside its own anchor?); write the repeated part out");
            }
            values++;
            if (node instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    measure(entry.getKey(), depth + 1);
                    measure(entry.getValue(), depth + 1);
                }
            } else if (node instanceof Collection<?> items) {
                for (Object item : items) {
                    measure(item, depth + 1);
                }
            } else if (node instanceof String text) {
                chars += text.length();
            } else if (node instanceof byte[] bytes) {
                chars += bytes.length;
            }
            if (values > Limits.EXPANDED_VALUES || chars > Limits.EXPANDED_CHARS) {
                throw new UnusableInput(fileName + " expands to more than " + Limits.EXPANDED_VALUES + " values or "
                        + Limits.FILE_BYTES_TEXT + " of text once its aliases (*name) are expanded; write the "
                        + "repeated parts out, or alias fewer and smaller parts");
            }
        }
    }
}
