package nl.waarborg.requests;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;

/** The self-storage example and a customer's items, shared by the answer's tests. */
final class AnswerFixture {

    static final Policy POLICY = load();

    static final Instant COLLECTED = Instant.parse("2025-06-01T08:30:00Z");

    private AnswerFixture() {
    }

    private static Policy load() {
        try {
            return PolicyLoader.load(Path.of("examples/self-storage.yaml")).orThrow().policy();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static AccessAnswerHeader header(Lang lang) {
        return new AccessAnswerHeader("WB-7K2M-9QXD", lang, LocalDate.of(2026, 3, 3),
                Instant.parse("2026-03-20T10:00:00Z"), "Voorbeeld Opslag B.V.");
    }

    /** A customer of the self-storage chain, ordered by source and category as the caller orders them. */
    static List<AnswerItem> customerItems() {
        return List.of(
                new AnswerItem("crm", "email", "ann@example.nl", COLLECTED, List.of("marketing"), null, "customers.email"),
                new AnswerItem("crm", "name", "Ann", COLLECTED, List.of("customer-contract"), null, "customers.first_name"),
                new AnswerItem("vault", "company-details", "Ann's Opslag, Inc.", COLLECTED, List.of("customer-contract"),
                        "represented-organisation", null),
                new AnswerItem("vault", "name", "Ann \"de Vries\", Jr.\nline two", COLLECTED, List.of("customer-contract"),
                        "from-subject", null),
                new AnswerItem("vault", "visit-log", "2025-06-02T10:00 unit 12", null, List.of("access-control"), null, null));
    }

    static AccessContext customerContext(Lang lang) {
        return AccessContext.of(POLICY, lang, Set.of("email", "name", "company-details", "visit-log"), Set.of("customer"));
    }

    /** {@code n} items made as they are asked for: nothing but the iterator's counter stays in memory. */
    static Iterator<AnswerItem> generated(long n) {
        return new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public AnswerItem next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                long k = i++;
                String category = k < n / 2 ? "name" : "email";
                return new AnswerItem("vault", category, "value number " + k + " with \"quotes\", commas and ünïcode",
                        COLLECTED.plusSeconds(k), List.of("customer-contract"), "from-subject", null);
            }
        };
    }
}
