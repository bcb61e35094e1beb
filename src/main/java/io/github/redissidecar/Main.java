package io.github.redissidecar;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. {@code healthcheck} as the first argument asks a running sidecar for its liveness and exits 0 or 1
 * without starting one: container runtime images (Quarkus micro, distroless) have no curl or wget, so the image's
 * HEALTHCHECK runs the sidecar's own binary.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("healthcheck")) {
            System.exit(Healthcheck.probe(System.getenv()));
        }
        Quarkus.run(args);
    }
}
