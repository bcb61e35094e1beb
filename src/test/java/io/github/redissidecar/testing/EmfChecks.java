package io.github.redissidecar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks one line against the CloudWatch EMF specification: its JSON schema (src/test/resources/cloudwatch), and
 * the rules that refer from one member to another, which a schema cannot say. Also reads what a line declares.
 */
public final class EmfChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private EmfChecks() {
    }

    /** Every way the line breaks the specification; empty when it is a valid EMF document. */
    public static List<String> problems(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (IOException e) {
            return List.of("not JSON: " + line);
        }
        List<String> out = new ArrayList<>(SCHEMA.validate(root).stream().map(Object::toString).toList());
        for (JsonNode directive : root.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode set : directive.path("Dimensions")) {
                for (JsonNode dimension : set) {
                    JsonNode value = root.path(dimension.asText());
                    if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > 1024) {
                        out.add("dimension " + dimension + " has no string value of 1 to 1024 characters in the root");
                    }
                }
            }
            for (JsonNode metric : directive.path("Metrics")) {
                if (!root.path(metric.path("Name").asText()).isNumber()) {
                    out.add("metric " + metric.path("Name") + " has no number in the root");
                }
            }
        }
        return out;
    }

    /** Metric name to the dimension names it is declared with, from every directive of the line. */
    public static Map<String, Set<String>> declared(String line) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        JsonNode root = read(line);
        for (JsonNode directive : root.path("_aws").path("CloudWatchMetrics")) {
            Set<String> dimensions = new TreeSet<>();
            directive.path("Dimensions").forEach(set -> set.forEach(d -> dimensions.add(d.asText())));
            directive.path("Metrics").forEach(m -> out.put(m.path("Name").asText(), dimensions));
        }
        return out;
    }

    public static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load() {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/cloudwatch/emf-schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
