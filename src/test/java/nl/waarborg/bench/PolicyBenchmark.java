package nl.waarborg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.documents.StatementRenderer;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Steady-state cost of linting and rendering, each against the baseline of merely parsing the same YAML
 * into a generic Jackson tree (the work no policy tool can skip). Run with scripts/bench-policy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBenchmark {

    private static final YAMLMapper YAML = new YAMLMapper();

    private byte[] selfStorage;
    private byte[] generated;
    private nl.waarborg.policy.Policy selfStoragePolicy;

    @Setup
    public void setup() throws IOException {
        selfStorage = Files.readAllBytes(Path.of("examples/self-storage.yaml"));
        generated = GeneratedPolicy.yaml(500, 2000).getBytes(StandardCharsets.UTF_8);
        selfStoragePolicy = PolicyLoader.load("self-storage.yaml", selfStorage).orThrow().policy();
        if (!PolicyLint.lint(PolicyLoader.load("generated.yaml", generated)).isEmpty()) {
            throw new IllegalStateException("the generated policy must lint clean");
        }
    }

    @Benchmark
    public JsonNode baselineParseSelfStorage() {
        return YAML.readTree(selfStorage);
    }

    @Benchmark
    public List<Finding> lintSelfStorage() {
        return PolicyLint.lint(PolicyLoader.load("self-storage.yaml", selfStorage));
    }

    @Benchmark
    public byte[] renderStatementHtml() {
        return StatementRenderer.render(selfStoragePolicy, Lang.NL, StatementFormat.HTML);
    }

    @Benchmark
    public JsonNode baselineParseGenerated() {
        return YAML.readTree(generated);
    }

    @Benchmark
    public List<Finding> lintGenerated() {
        return PolicyLint.lint(PolicyLoader.load("generated.yaml", generated));
    }
}
