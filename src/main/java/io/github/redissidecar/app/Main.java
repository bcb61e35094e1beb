package io.github.redissidecar.app;

import io.github.redissidecar.config.Version;
import io.github.redissidecar.validate.ValidateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * Entry point. Without arguments it runs the sidecar; {@code --help} and {@code --version} print and exit 0;
 * {@code healthcheck} asks a running sidecar for its liveness and exits 0 or 1 without starting one (container
 * runtime images such as Quarkus micro and distroless have no curl, so the image's HEALTHCHECK runs this binary);
 * {@code validate} checks deploy files (compose, ECS task definition, Redis command line, settings) before deploy,
 * touching no Redis and starting no server; {@code scan} scans a Redis's keyspace exactly and prints the groups.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0) {
            System.exit(command(args));
        }
        Quarkus.run(Sidecar.class, FailedStart::exit, args);
    }

    private static int command(String... args) {
        String name = args[0];
        switch (name) {
            case "validate" -> {
                return ValidateCommand.run(Arrays.asList(args).subList(1, args.length), System.getenv(), System.out,
                        System.err);
            }
            case "scan" -> {
                return ScanCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
            }
            case "healthcheck" -> {
                return Healthcheck.probe(System.getenv());
            }
            case "--help", "-h" -> {
                System.out.print(Version.text("/help.txt"));
                return 0;
            }
            case "--version" -> {
                System.out.print(Version.text("/version.txt"));
                return 0;
            }
            default -> {
                System.err.println("Unknown argument '" + name + "'. Usage: redis-memory-sidecar [--help | --version "
                        + "| healthcheck | validate ... | scan ...]; configuration is by environment variables "
                        + "(--help lists them).");
                return 2;
            }
        }
    }

    /** Runs until the process is asked to stop. */
    public static final class Sidecar implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
