package nl.waarborg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark honest between runs: its setup asserts that Waarborg and the jCasbin model agree on
 * every (role, purpose, category) of the example policy, and that the benchmarked requests answer as named.
 */
class DecisionBenchmarkSetupTest {

    @Test
    void bothEnginesAgreeAndTheBenchmarkedRequestsAnswerAsNamed() throws Exception {
        DecisionBenchmark bench = new DecisionBenchmark();
        bench.setup();
        assertThat(bench.waarborgAllow().allowed()).isTrue();
        assertThat(bench.casbinAllow()).isTrue();
        assertThat(bench.waarborgDeny().allowed()).isFalse();
        assertThat(bench.casbinDeny()).isFalse();
        assertThat(bench.waarborgFiveCategories().allowed()).isTrue();
        assertThat(bench.casbinFiveCategories()).isTrue();
    }
}
