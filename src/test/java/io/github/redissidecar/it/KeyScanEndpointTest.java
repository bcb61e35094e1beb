package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.Pipeline;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The exact scan from the running sidecar: POST /keys/scan starts it (behind the bearer token), one at a time;
 * DELETE cancels it between two pages; GET shows progress, then the exact groups; /status says it in one line
 * with the largest groups, without key names.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.http.bearer-token", value = "s3cret")})
class KeyScanEndpointTest {

    private static final String AUTH = "Bearer s3cret";

    @InjectRedis
    RedisServer redis;

    @Test
    void oneScanAtATimeCancellableAndExact() throws Exception {
        try (Pipeline p = new Pipeline(redis.port())) {
            for (int i = 0; i < 20_000; i++) {
                p.send("SET", "celery-task-meta-" + java.util.UUID.randomUUID(), "r".repeat(100));
            }
            p.send("SELECT", "2");
            for (int i = 0; i < 5_000; i++) {
                p.send("SET", "vimbiso:1:" + String.format("%016x", (long) i * 7919), "c", "EX", "600");
            }
            p.send("SELECT", "0").sync();
        }
        // The scan takes its databases from the latest poll: wait until a poll has seen the keys.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            String metrics = given().header("Authorization", AUTH).get("/metrics").then().extract().asString();
            return metrics.contains("redis_db_keys{db=\"db0\"} 20000") && metrics.contains(
                    "redis_db_keys{db=\"db2\"} 5000");
        });
        given().post("/keys/scan").then().statusCode(401);
        given().header("Authorization", AUTH).get("/keys/scan").then().statusCode(404);
        given().header("Authorization", AUTH).post("/keys/scan").then().statusCode(202);
        given().header("Authorization", AUTH).post("/keys/scan").then().statusCode(409);
        given().header("Authorization", AUTH).delete("/keys/scan").then().statusCode(200);
        assertEquals("cancelled", given().header("Authorization", AUTH).get("/keys/scan").then().extract()
                .path("state"));

        given().header("Authorization", AUTH).post("/keys/scan").then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "done".equals(given().header("Authorization", AUTH).get("/keys/scan").then().extract().path("state")));
        JsonPath report = given().header("Authorization", AUTH).get("/keys/scan").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(25_000, report.getLong("keysScanned"));
        assertEquals(List.of("celery-task-meta-*", "vimbiso:1:*"), report.getList("groups.group"));
        assertEquals(List.of(20_000, 5_000), report.getList("groups.keys"));
        assertEquals(List.of(0.0f, 1.0f), report.getList("groups.ttlShare"));
        String text = given().header("Authorization", AUTH).queryParam("format", "text").get("/keys/scan").then()
                .statusCode(200).extract().asString();
        assertTrue(text.startsWith("Exact scan done: 25,000 keys"), text);

        JsonPath status = given().header("Authorization", AUTH).get("/status").then().extract().jsonPath();
        assertTrue(status.getString("key_groups.exact_scan").startsWith("done, started "), status.prettify());
        String top = status.getList("key_groups.exact_top").toString();
        assertTrue(top.contains("db0 celery-task-meta-*") && !top.contains("celery-task-meta-0"), top);
    }
}
