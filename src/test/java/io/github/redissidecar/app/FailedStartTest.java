package io.github.redissidecar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.smallrye.config.ConfigValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailedStartTest {

    private static final ConfigValidationException INVALID = new ConfigValidationException(
            new ConfigValidationException.Problem[] {new ConfigValidationException.Problem("SRCFG00039: whatever")});

    @Test
    void ourOwnRefusalIsItsMessageFoundAnywhereInTheCauseChain() {
        RuntimeException wrapped = new RuntimeException("Failed to start quarkus",
                new IllegalStateException(new InvalidConfiguration("SIDECAR_X is 'y'; write z")));
        assertEquals(List.of("SIDECAR_X is 'y'; write z"), FailedStart.configurationProblems(wrapped,
                k -> Optional.empty()));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedFromTheValuesThemselvesNotFromTheLibrarysMessage() {
        Map<String, String> env = Map.of("sidecar.poll.interval", "10parsecs", "sidecar.config-rewrite", "ture",
                "sidecar.enforce", "enfroce", "sidecar.keys.batch", "16");
        assertEquals(List.of(
                "SIDECAR_CONFIG_REWRITE (sidecar.config-rewrite) is \"ture\": not a boolean; write true or false",
                "SIDECAR_ENFORCE (sidecar.enforce) is \"enfroce\": write one of enforce, report, off",
                "SIDECAR_POLL_INTERVAL (sidecar.poll.interval) is \"10parsecs\": not a duration; write one such as "
                        + "500ms, 1s, 30s or PT1M"),
                FailedStart.configurationProblems(new RuntimeException(INVALID),
                        k -> Optional.ofNullable(env.get(k))));
    }

    @Test
    void anythingElseIsNotAConfigurationProblem() {
        assertEquals(List.of(), FailedStart.configurationProblems(new IllegalStateException("boom"),
                k -> Optional.empty()));
    }
}
