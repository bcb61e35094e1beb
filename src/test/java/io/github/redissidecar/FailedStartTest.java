package io.github.redissidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.ConfigValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedStartTest {

    @Test
    void ourOwnRefusalIsItsMessageFoundAnywhereInTheCauseChain() {
        RuntimeException wrapped = new RuntimeException("Failed to start quarkus",
                new IllegalStateException(new InvalidConfiguration("SIDECAR_X is 'y'; write z")));
        assertEquals(List.of("SIDECAR_X is 'y'; write z"), FailedStart.configurationProblems(wrapped));
    }

    @Test
    void aConversionErrorNamesTheVariableThePropertyTheValueAndTheFix() {
        ConfigValidationException invalid = new ConfigValidationException(new ConfigValidationException.Problem[] {
            new ConfigValidationException.Problem("SRCFG00039: The config property sidecar.poll.interval with the "
                    + "config value \"10parsecs\" threw an Exception whilst being converted Invalid duration: "
                    + "10parsecs")});
        assertEquals(List.of("SIDECAR_POLL_INTERVAL (sidecar.poll.interval) is \"10parsecs\": Invalid duration: "
                + "10parsecs; write a duration such as 500ms, 1s, 30s or PT1M"),
                FailedStart.configurationProblems(new RuntimeException(invalid)));
    }

    @Test
    void anythingElseIsNotAConfigurationProblem() {
        assertEquals(List.of(), FailedStart.configurationProblems(new IllegalStateException("boom")));
    }
}
