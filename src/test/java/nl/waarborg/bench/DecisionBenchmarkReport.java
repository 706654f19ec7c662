package nl.waarborg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON result of {@link DecisionBenchmark} into the table of docs/benchmarks.md: decisions per
 * second, median and p99 in ns, and the ratio of each Waarborg benchmark to its jCasbin counterpart. JMH prints
 * one time unit for both modes; the JSON has full precision, so the units are converted here.
 *
 * <p>Usage: {@code DecisionBenchmarkReport target/bench-decisions.json}
 */
public final class DecisionBenchmarkReport {

    private DecisionBenchmarkReport() {
    }

    private record Row(double opsPerSecond, double opsError, double medianNs, double p99Ns) {}

    public static void main(String[] args) throws IOException {
        JsonNode results = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
        Map<String, double[]> throughput = new LinkedHashMap<>();
        Map<String, double[]> sample = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String name = r.get("benchmark").asString().replaceAll(".*\\.", "");
            JsonNode metric = r.get("primaryMetric");
            if (r.get("mode").asString().equals("thrpt")) {
                double toSecond = perSecond(metric.get("scoreUnit").asString());
                throughput.put(name, new double[] {num(metric.get("score")) * toSecond,
                        num(metric.get("scoreError")) * toSecond});
            } else if (r.get("mode").asString().equals("sample")) {
                double toNs = nanos(metric.get("scoreUnit").asString());
                JsonNode p = metric.get("scorePercentiles");
                sample.put(name, new double[] {num(p.get("50.0")) * toNs, num(p.get("99.0")) * toNs});
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (var e : throughput.entrySet()) {
            double[] s = sample.getOrDefault(e.getKey(), new double[] {Double.NaN, Double.NaN});
            rows.put(e.getKey(), new Row(e.getValue()[0], e.getValue()[1], s[0], s[1]));
        }
        System.out.println("| benchmark | decisions/s | median ns | p99 ns | Waarborg / jCasbin (throughput) |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (var e : rows.entrySet()) {
            Row row = e.getValue();
            String counterpart = e.getKey().startsWith("waarborg") ? "casbin" + e.getKey().substring("waarborg".length()) : null;
            Row other = counterpart == null ? null : rows.get(counterpart);
            String ratio = other == null ? "" : String.format(Locale.ROOT, "%.0f ×", row.opsPerSecond() / other.opsPerSecond());
            System.out.printf(Locale.ROOT, "| `%s` | %,.0f ± %,.0f | %.0f | %.0f | %s |%n", e.getKey(), row.opsPerSecond(),
                    row.opsError(), row.medianNs(), row.p99Ns(), ratio);
        }
    }

    // JMH writes NaN (an error bar from a single iteration) as the string "NaN".
    private static double num(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asString());
    }

    private static double perSecond(String unit) { // "ops/us" → multiply by 1e6
        return switch (unit.substring(unit.indexOf('/') + 1)) {
            case "ns" -> 1e9;
            case "us" -> 1e6;
            case "ms" -> 1e3;
            case "s" -> 1;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

    private static double nanos(String unit) { // "us/op" → multiply by 1000
        return switch (unit.substring(0, unit.indexOf('/'))) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
