package io.github.redissidecar.validate;

import java.util.Locale;

/** How bad a finding is; the order is the exit code's order (a warning exits 1, an error 2). */
public enum Severity {
    WARNING(1), ERROR(2);

    private final int exitCode;

    Severity(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
