package nl.waarborg.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.documents.StatementRenderer;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;

/**
 * What a user of `waarborg lint` / `waarborg statement` waits for after the JVM has started: the first,
 * cold run in a fresh JVM (class loading and interpretation included). Prints one line of milliseconds.
 * scripts/bench-policy starts it several times.
 */
public final class ColdStart {

    public static void main(String[] args) throws Exception {
        String what = args[0];
        long t0 = System.nanoTime();
        switch (what) {
            case "self-storage" -> {
                byte[] bytes = Files.readAllBytes(Path.of("examples/self-storage.yaml"));
                PolicyLoader.Result result = PolicyLoader.load("examples/self-storage.yaml", bytes);
                int findings = PolicyLint.lint(result).size();
                LoadedPolicy loaded = result.orThrow();
                int md = StatementRenderer.render(loaded.policy(), Lang.NL, StatementFormat.MD).length;
                int html = StatementRenderer.render(loaded.policy(), Lang.EN, StatementFormat.HTML).length;
                report(what, t0, "findings=" + findings + " md=" + md + "B html=" + html + "B");
            }
            case "generated" -> {
                byte[] bytes = GeneratedPolicy.yaml(500, 2000).getBytes(StandardCharsets.UTF_8);
                long t1 = System.nanoTime(); // generating the text is not part of linting it
                int findings = PolicyLint.lint(PolicyLoader.load("generated.yaml", bytes)).size();
                report(what, t1, "findings=" + findings + " size=" + bytes.length + "B");
            }
            default -> throw new IllegalArgumentException("self-storage or generated");
        }
    }

    private static void report(String what, long t0, String detail) {
        System.out.printf("%s cold_ms=%.1f %s%n", what, (System.nanoTime() - t0) / 1e6, detail);
    }
}
