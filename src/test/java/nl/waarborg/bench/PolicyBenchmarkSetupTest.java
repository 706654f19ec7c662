package nl.waarborg.bench;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * Keeps the policy benchmark runnable: its setup demands that the generated 500-purpose policy lints clean, so a new
 * lint rule the generator does not satisfy fails here, in every build, rather than at the next benchmark run (the
 * `request-records-period-missing` rule of issue 16 broke it unnoticed for a stop).
 */
class PolicyBenchmarkSetupTest {

    @Test
    void theGeneratedPolicyLintsCleanSoTheBenchmarkCanRun() {
        assertThatCode(() -> new PolicyBenchmark().setup()).doesNotThrowAnyException();
    }
}
