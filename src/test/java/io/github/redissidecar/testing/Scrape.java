package io.github.redissidecar.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Reads /metrics the way Prometheus would, and waits for conditions on it. */
public final class Scrape {

    private final String text;

    private Scrape(String text) {
        this.text = text;
    }

    public static Scrape now() {
        return new Scrape(given().get("/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * Scrapes until {@code condition} holds, failing after {@code timeout}. A series the condition reads that is
     * not there yet (Redis down, a counter not created yet) counts as "not yet", not as a failure.
     */
    public static Scrape await(Predicate<Scrape> condition, Duration timeout) {
        AtomicReference<Scrape> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .pollInSameThread().until(() -> {
                        last.set(now());
                        return holds(condition, last.get());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("condition not met within " + timeout + "; last scrape:\n"
                    + (last.get() == null ? "(none)" : last.get().text));
        }
        return last.get();
    }

    private static boolean holds(Predicate<Scrape> condition, Scrape scrape) {
        try {
            return condition.test(scrape);
        } catch (AssertionError absent) {
            return false;
        }
    }

    private static final String POLLS = "redis_sidecar_poll_duration_seconds_count";

    /**
     * Scrapes until the sidecar has made {@code more} polls since now: evidence that it looked, for a test that
     * proves something did not happen. Each scrape more than SIDECAR_POLL_MAX_AGE after the last poll makes one.
     */
    public static Scrape awaitPolls(int more) {
        double before = now().get(POLLS);
        return await(s -> s.get(POLLS) >= before + more, Duration.ofSeconds(10 + more));
    }

    /** Waits until polls succeed, and checks that none failed to authenticate on the way. */
    public static Scrape awaitUpWithoutAuthErrors() {
        Scrape s = await(x -> x.get("redis_up") == 1, Duration.ofSeconds(10));
        if (s.get("redis_sidecar_poll_errors_total{reason=\"auth\"}") != 0) {
            throw new AssertionError("auth errors while polling:\n" + s.text);
        }
        return s;
    }

    public String text() {
        return text;
    }

    /** The value of the series written exactly as {@code series} (name plus labels as exposed). */
    public OptionalDouble value(String series) {
        return MetricsText.value(text, series);
    }

    public double get(String series) {
        return value(series).orElseThrow(() -> new AssertionError("no series " + series + " in:\n" + text));
    }

    public boolean has(String series) {
        return value(series).isPresent();
    }

    /** name → TYPE from the # TYPE lines. */
    public Map<String, String> types() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                out.put(parts[2], parts[3]);
            }
        }
        return out;
    }
}
