package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole /metrics page: the hand-written redis_* families, the sidecar's series, and the Micrometer registry's
 * scrape (the sidecar's meters, JVM and process) together, with no family twice, and every family of the
 * sidecar's own (redis_sidecar_*, process_*, jvm_*) clean for promtool.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-policy allkeys-lru")})
class ExpositionTest {

    @Test
    void oneFamilyOnceAndOwnFamiliesLintClean() throws Exception {
        Scrape.await(s -> s.has("redis_sidecar_config_reasserts_total{parameter=\"maxmemory\",trigger=\"startup\"}"),
                Duration.ofSeconds(10));
        String contentType = given().get("/metrics").then().statusCode(200).extract().contentType();
        assertEquals("text/plain; version=0.0.4; charset=utf-8", contentType);
        String page = Scrape.now().text();
        Set<String> seen = new HashSet<>();
        List<String> own = new ArrayList<>();
        boolean keep = false;
        for (String line : page.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String name = line.split(" ")[2];
                assertTrue(seen.add(name), "family twice: " + name);
            }
            if (line.startsWith("# HELP ")) {
                keep = line.split(" ")[2].matches("(redis_sidecar_|process_|jvm_).*");
            }
            if (keep) {
                own.add(line);
            }
        }
        assertTrue(seen.containsAll(List.of("redis_memory_used_bytes", "redis_sidecar_poll_duration_seconds",
                "redis_sidecar_poll_errors_total", "process_resident_memory_bytes", "jvm_memory_used_bytes")), page);
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write((String.join("\n", own) + "\n").getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String complaints = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, promtool.waitFor(), complaints);
    }
}
