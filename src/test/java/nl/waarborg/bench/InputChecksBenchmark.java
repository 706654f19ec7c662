package nl.waarborg.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.waarborg.web.InputJsonChecks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the JSON input checks (issue 12: no NUL, no lone surrogate, dates within 1900-9999, no null in a list)
 * cost on the hot path of ingestion: reading a batch of 10,000 items (the body of POST /api/v1/items/batch, as
 * VaultHttpLoad sends it) into the same shape of records, with the service's mapper with and without the checks
 * module. Items per second; the ratio of the two is the cost. Run with scripts/bench-input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class InputChecksBenchmark {

    static final int ITEMS = 10_000;

    public record Item(UUID subject, String category, String value, List<String> purposes, String source, String system,
                       Instant collectedAt) {
    }

    public record Batch(List<Item> items) {
    }

    private byte[] body;
    private JsonMapper plain;
    private JsonMapper checked;

    @Setup
    public void setup() {
        StringBuilder b = new StringBuilder("{\"items\": [");
        for (int i = 0; i < ITEMS; i++) {
            b.append(i == 0 ? "" : ",").append("{\"subject\": \"").append(UUID.randomUUID())
                    .append("\", \"category\": \"email\", \"value\": \"customer.").append(i)
                    .append("@example.nl, Kerkstraat ").append(i % 300).append("\", \"purposes\": [\"customer-contract\"],")
                    .append(" \"source\": \"subject\", \"system\": \"crm\", \"collectedAt\": \"2026-03-01T10:15:30Z\"}");
        }
        body = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        plain = JsonMapper.builder().build();
        checked = JsonMapper.builder().addModule(new InputJsonChecks()).build();
        if (!plain.readValue(body, Batch.class).equals(checked.readValue(body, Batch.class))) {
            throw new IllegalStateException("both mappers must read the same batch");
        }
        System.out.printf("%nbatch body of %d items, %d bytes%n", ITEMS, body.length);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public Batch withoutChecks() {
        return plain.readValue(body, Batch.class);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public Batch withChecks() {
        return checked.readValue(body, Batch.class);
    }
}
