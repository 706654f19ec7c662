package nl.waarborg.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzzes the policy loader and lint with arbitrary bytes: whatever a file holds, loading and linting answer with
 * findings (each with a position and a rule) and never throw or hang. In the suite Jazzer runs the checked-in
 * inputs (PolicyLoaderFuzzTestInputs); `JAZZER_FUZZ=1` fuzzes for {@code maxDuration} (.ci/run does, briefly).
 */
class PolicyLoaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyBytesGiveFindingsNeverAnException(byte[] bytes) {
        PolicyLoader.Result result = PolicyLoader.load("fuzz.yaml", bytes);
        List<Finding> findings = PolicyLint.lint(result);
        assertThat(result.ok() || findings.stream().anyMatch(Finding::isError)).isTrue();
        for (Finding f : findings) {
            assertThat(f.at().line()).isPositive();
            assertThat(f.at().column()).isPositive();
            assertThat(f.rule()).isNotBlank();
        }
    }
}
