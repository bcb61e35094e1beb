package io.github.redissidecar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md describes: a pure-Java core that knows nothing of Quarkus, Vert.x, Micrometer, CDI
 * or the configuration library; edge packages that adapt it to them; no package cycles; no class over 250 lines.
 */
class ArchitectureTest {

    /** The core: everything the sidecar decides and computes. Pure Java, testable without Quarkus or a server. */
    static final String[] CORE = {"..checks..", "..info..", "..memory..", "..settings..", "..keys..", "..metrics..",
        "..validate..", "..redis..", "..files..", "..poll..", "..enforce..", "..host..", "..cloudwatch.."};

    /** The edges: Quarkus, the connection, HTTP, meters, configuration, container files and endpoints. */
    static final String[] EDGE = {"..app..", "..config..", "..connection..", "..container..", "..http..",
        "..health..", "..meters.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.github.redissidecar");

    @Test
    void theCoreImportsNoFramework() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(
                "io.quarkus..", "io.vertx..", "jakarta..", "io.micrometer..", "io.smallrye..", "org.jboss..",
                "org.eclipse.microprofile..", "io.netty..").check(MAIN);
    }

    @Test
    void theCoreNeverReachesIntoAnEdge() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(EDGE)
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.github.redissidecar.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void everyClassLivesInANamedPackage() {
        classes().should().resideInAnyPackage(Stream.concat(Stream.of(CORE), Stream.of(EDGE))
                .toArray(String[]::new)).check(MAIN);
    }

    @Test
    void noMainClassOverTwoHundredFiftyLines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> big = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > 250)
                    .map(f -> f + " (" + lines(f) + " lines)").toList();
            assertEquals(List.of(), big);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
