package io.github.redissidecar.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The findings of a run, their exit code, and their two renderings: lines for people, JSON for tools. The JSON is
 * built as a tree, so nothing is serialised by reflection (the native image needs no registration).
 */
public record Report(List<String> checked, List<Finding> findings, Severity failOn) {

    public Report {
        checked = List.copyOf(checked);
        findings = List.copyOf(findings);
    }

    /** 0 clean, 1 warnings, 2 errors; findings below {@code failOn} do not fail. */
    public int exitCode() {
        return findings.stream().map(Finding::severity).filter(s -> s.compareTo(failOn) >= 0)
                .mapToInt(Severity::exitCode).max().orElse(0);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(f.severity().label()).append(": ").append(f.source()).append(": ").append(f.message())
                    .append('\n');
            if (!f.fix().isEmpty() && !f.message().endsWith(f.fix())) {
                out.append("  fix: ").append(f.fix()).append('\n');
            }
        }
        out.append(summary()).append('\n');
        return out.toString();
    }

    private String summary() {
        return "validate: " + checked.size() + " Redis setup" + (checked.size() == 1 ? "" : "s") + " checked ("
                + String.join(", ", checked) + "): " + count(Severity.ERROR) + " error"
                + (count(Severity.ERROR) == 1 ? "" : "s") + ", " + count(Severity.WARNING) + " warning"
                + (count(Severity.WARNING) == 1 ? "" : "s");
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode setups = root.putArray("checked");
        checked.forEach(setups::add);
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            list.addObject().put("severity", f.severity().label()).put("source", f.source())
                    .put("message", f.message()).put("fix", f.fix());
        }
        root.put("errors", count(Severity.ERROR)).put("warnings", count(Severity.WARNING))
                .put("exitCode", exitCode());
        return root.toPrettyString() + "\n";
    }
}
