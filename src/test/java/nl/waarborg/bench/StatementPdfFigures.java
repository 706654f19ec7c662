package nl.waarborg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.documents.StatementRenderer;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;

/**
 * The statement PDF's size and render time (issue 18: tagged PDF/UA with embedded fonts costs bytes and time).
 * Renders the self-storage example's Dutch statement once cold, then {@code args[0]} (default 30) times warm,
 * and prints the size, the first render and the median and 90th percentile of the warm ones. No thresholds:
 * the figures go to docs/benchmarks.md.
 */
public final class StatementPdfFigures {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        byte[] yaml = Files.readAllBytes(Path.of("examples/self-storage.yaml"));
        Policy policy = PolicyLoader.load("examples/self-storage.yaml", yaml).orThrow().policy();
        long t0 = System.nanoTime();
        byte[] pdf = StatementRenderer.render(policy, Lang.NL, StatementFormat.PDF);
        double cold = (System.nanoTime() - t0) / 1e6;
        double[] warm = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            pdf = StatementRenderer.render(policy, Lang.NL, StatementFormat.PDF);
            warm[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf("statement-pdf self-storage nl size=%dB cold=%.0fms warm-median=%.1fms warm-p90=%.1fms runs=%d%n",
                pdf.length, cold, warm[runs / 2], warm[(int) Math.ceil(runs * 0.9) - 1], runs);
        if (args.length > 1) {
            Files.write(Path.of(args[1]), pdf);
        }
    }
}
