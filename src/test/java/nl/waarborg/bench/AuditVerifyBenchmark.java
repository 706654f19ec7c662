package nl.waarborg.bench;

import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.waarborg.audit.AuditChain;
import nl.waarborg.audit.AuditChainVerifier;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditFixtures;
import nl.waarborg.audit.Verification;
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

/**
 * Audit verification throughput in events per second: the pure verifier over a chain of one million events in
 * memory, against the baseline of plain SHA-256 over the very bytes it hashes (previous hash and canonical
 * content of each event, prepared beforehand). The ratio is what encoding, linking and comparing cost on top
 * of the hashing no verifier can skip. Run with scripts/bench-audit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class AuditVerifyBenchmark {

    static final int EVENTS = 1_000_000;

    private List<AuditEvent> events;
    private byte[][] hashed;
    private MessageDigest sha256;
    private final byte[] digest = new byte[32];

    @Setup
    public void setup() throws Exception {
        events = AuditFixtures.chain(EVENTS);
        hashed = new byte[EVENTS][];
        for (int i = 0; i < EVENTS; i++) {
            AuditEvent e = events.get(i);
            byte[] content = AuditChain.content(e);
            byte[] input = new byte[32 + content.length];
            System.arraycopy(e.prevHash().toBytes(), 0, input, 0, 32);
            System.arraycopy(content, 0, input, 32, content.length);
            hashed[i] = input;
        }
        sha256 = MessageDigest.getInstance("SHA-256");
        if (!AuditChainVerifier.verify(events).ok()) {
            throw new IllegalStateException("the benchmark chain must verify");
        }
        long bytes = 0;
        for (byte[] b : hashed) {
            bytes += b.length;
        }
        System.out.printf("%n%d events, %.1f bytes hashed per event on average%n", EVENTS, (double) bytes / EVENTS);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Verification verify() {
        return AuditChainVerifier.verify(events);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int baselineSha256() throws Exception {
        int acc = 0;
        for (byte[] input : hashed) {
            sha256.update(input);
            sha256.digest(digest, 0, 32);
            acc += digest[0];
        }
        return acc;
    }
}
