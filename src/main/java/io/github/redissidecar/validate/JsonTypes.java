package io.github.redissidecar.validate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task definition's JSON, parsed within {@link Limits} and read with the types ECS requires: a key of the wrong
 * type (a {@code command} string instead of a list) is one line naming the key and the type expected, instead of
 * being read as absent.
 */
final class JsonTypes {

    // Jackson's own defaults (1000-digit numbers, 20 MB strings, 1000 levels) are for services, not for a deploy file.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxNumberLength(Limits.NUMBER_CHARS).maxNestingDepth(Limits.NESTING_DEPTH)
                    .maxStringLength(Limits.FILE_BYTES).build()).build());

    private JsonTypes() {
    }

    /** @throws UnusableInput when the text is not JSON within the limits */
    static JsonNode read(String text, String fileName) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new UnusableInput(fileName + " is not readable JSON: " + ComposeFile.oneLine(e.getOriginalMessage())
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "); fix the JSON at "
                    + "that line");
        }
    }

    /** A string, or {@code absent} when the key is missing or null. */
    static String text(JsonNode node, String key, String absent) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return absent;
        }
        if (!node.isTextual()) {
            throw wrong(key, node, "a string");
        }
        return node.asText();
    }

    /** A list of strings; empty when missing or null. */
    static List<String> strings(JsonNode node, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(node, key, "a list of strings")) {
            if (!item.isTextual()) {
                throw wrong(key, item, "a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A list of objects; empty when missing or null. */
    static List<JsonNode> objects(JsonNode node, String key, String expected) {
        List<JsonNode> out = array(node, key, expected);
        for (JsonNode item : out) {
            if (!item.isObject()) {
                throw wrong(key, item, expected);
            }
        }
        return out;
    }

    /** ECS's environment: a list of {"name": ..., "value": ...} with string values. */
    static Map<String, String> environment(JsonNode container, String where) {
        String key = where + " environment";
        String expected = "a list of {\"name\": \"NAME\", \"value\": \"text\"}";
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode entry : objects(container.get("environment"), key, expected)) {
            String name = text(entry.get("name"), key + " name", "");
            out.put(name, text(entry.get("value"), key + " " + name, ""));
        }
        return out;
    }

    static UnusableInput wrong(String key, JsonNode value, String expected) {
        return new UnusableInput(key + " is " + describe(value) + "; expected " + expected);
    }

    private static List<JsonNode> array(JsonNode node, String key, String expected) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (!node.isArray()) {
            throw wrong(key, node, expected);
        }
        node.forEach(out::add);
        return out;
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "a list";
            case STRING -> "the string " + Quoted.quote(value.asText());
            case NUMBER -> "the number " + Quoted.quote(value.asText());
            case BOOLEAN -> "the boolean " + value.asText();
            default -> "null";
        };
    }
}
