package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;

import io.github.redissidecar.testing.RedisServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** /metrics and /status behind a bearer token; health probes stay open. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.http.bearer-token", value = "scrape-token-123")})
class HttpBearerAuthTest {

    @Test
    void protectedEndpointsNeedTheToken() {
        for (String path : new String[] {"/metrics", "/status"}) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", Matchers.startsWith("Bearer"));
            given().header("Authorization", "Bearer wrong").get(path).then().statusCode(401);
            given().header("Authorization", "Bearer scrape-token-123").get(path).then().statusCode(200);
        }
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
