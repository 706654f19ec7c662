package nl.waarborg.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Realistic chains for tests and benchmarks: staff and system actors reading, exporting and erasing subjects' data. */
public final class AuditFixtures {

    private static final String[] ACTORS = {"staff", "apikey:crm", "system:retention", "apikey:portal"};
    private static final String[] ROLES = {"DPO", "front-desk", "site-manager", "system"};
    private static final String[] ACTIONS = {"read", "write", "export", "erase", "transfer"};
    private static final String[] PURPOSES = {"contract", "security", "marketing", "fiscal-obligation"};
    private static final String[][] CATEGORIES = {{"name"}, {"name", "email"}, {"video-footage"},
            {"name", "email", "phone", "address"}, {}};
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    private AuditFixtures() {
    }

    /** Draft number {@code i} of a deterministic mix (the same i gives the same draft). */
    public static AuditEvent.Draft draft(int i, Random random) {
        AuditEvent.Draft d = AuditEvent.draft(ACTORS[i % ACTORS.length], ROLES[i % ROLES.length], ACTIONS[i % ACTIONS.length])
                .purpose(PURPOSES[i % PURPOSES.length])
                .subject(new UUID(random.nextLong(), random.nextLong()))
                .categories(CATEGORIES[i % CATEGORIES.length])
                .policyVersion(1 + i % 3);
        return i % 7 == 0 ? d.outcome(Outcome.DENIED, "consent-withdrawn") : d;
    }

    /** A valid chain of {@code n} events from genesis, one second apart. */
    public static List<AuditEvent> chain(int n) {
        Random random = new Random(42);
        AuditChain chain = new AuditChain();
        List<AuditEvent> events = new ArrayList<>(n);
        AuditHash prev = AuditHash.GENESIS;
        for (int i = 0; i < n; i++) {
            AuditEvent e = chain.seal(draft(i, random), i + 1, START.plusMillis(1000L * i + 123).plusNanos(456_789), prev);
            events.add(e);
            prev = e.hash();
        }
        return events;
    }
}
