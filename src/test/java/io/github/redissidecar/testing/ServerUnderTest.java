package io.github.redissidecar.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which server the tests start: Debian's {@code redis-server} from the PATH, or the one {@code .ci/run}'s server
 * matrix names in {@code SIDECAR_TEST_REDIS_SERVER} (installed by {@code tools/servers/install.sh}). A named server
 * that is not there fails the test: a matrix run never falls back to the default server unnoticed.
 */
public final class ServerUnderTest {

    /** The JUnit tag of the test groups whose behaviour differs by server: {@code .ci/run} runs them per server. */
    public static final String MATRIX = "server-matrix";

    /** The environment variable with the path of the {@code redis-server} to start. */
    public static final String BINARY = "SIDECAR_TEST_REDIS_SERVER";
    /** The environment variable with what the server must report, e.g. {@code valkey 8.0} or {@code redis 8.0}. */
    public static final String EXPECTED = "SIDECAR_TEST_REDIS_EXPECT";

    private ServerUnderTest() {
    }

    public static String binary() {
        String named = System.getenv(BINARY);
        if (named == null || named.isBlank()) {
            return "redis-server";
        }
        if (!Files.isExecutable(Path.of(named))) {
            throw new IllegalStateException(BINARY + "=" + named + " is not an executable file;"
                    + " run tools/servers/install.sh first");
        }
        return named;
    }

    /** What the server must report as name and version prefix, when a matrix run names one. */
    public static String expected() {
        String expected = System.getenv(EXPECTED);
        return expected == null || expected.isBlank() ? null : expected.strip();
    }
}
