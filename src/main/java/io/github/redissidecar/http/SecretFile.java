package io.github.redissidecar.http;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.files.BoundedFile;
import java.nio.file.Path;

/** A token or password file, read at start: a secret is short, and an empty one must not mean "no protection". */
final class SecretFile {

    /** Tokens and passwords are far below this; a larger file is the wrong file. */
    static final int MAX_BYTES = 64 * 1024;

    private SecretFile() {
    }

    static String read(Path file, String key) {
        String secret;
        try {
            secret = BoundedFile.read(file, MAX_BYTES).strip();
        } catch (BoundedFile.Refused e) {
            throw new InvalidConfiguration(key + ": " + e.getMessage() + ": point it at the file that holds the secret");
        }
        if (secret.isEmpty()) {
            throw new InvalidConfiguration(key + ": " + file + " is empty or blank: put the secret in it, or unset "
                    + key + " to leave the endpoints open");
        }
        return secret;
    }
}
