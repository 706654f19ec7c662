package nl.waarborg.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.access.Caller;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.vault.BenchCiphers;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.SubjectRequests;
import nl.waarborg.vault.Vault;
import nl.waarborg.vault.crypto.ValueCipher;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The vault's part of a data-subject request at scale (docs/benchmarks.md, "Requests: the vault's part (issue 16)",
 * scripts/bench-vault-requests), on the self-storage policy and a fresh embedded PostgreSQL:
 * <ol>
 *   <li>background: SUBJECTS subjects with ITEMS items each, loaded with INSERT … SELECT (not through the vault);</li>
 *   <li>{@code eraseForRequest} of a former customer with 10 items (3 kept by the fiscal rule, 7 erased), of a lead with
 *       10 items (nothing kept: crypto-shredded), and the plain {@code Vault.erase} of a former customer like the first,
 *       200 of each, interleaved, the order rotating; those subjects and items are stored through the vault;</li>
 *   <li>{@code exportAll} of a customer with 500 items, alone and with each item written as JSON;</li>
 *   <li>{@code exportAll} of a subject with BIG items (encrypted here and loaded with COPY), in this JVM (run it with
 *       {@code -Xmx512m}): the time and the heap's peak.</li>
 * </ol>
 * Usage: {@code VaultRequestBenchmark [SUBJECTS] [ITEMS] [BIG] [REPS]} (default 1000000 10 1000000 200).
 */
public final class VaultRequestBenchmark {

    private static final Caller STAFF = new Caller("bench", "management", List.of(), true);
    private static final Caller CRM = new Caller("crm", "customer-service",
            List.of("quote-requests", "customer-contract", "call-quality"), false);
    private static final Caller FINANCE = new Caller("finance", "finance", List.of("customer-contract", "legal-obligations"), false);

    public static void main(String[] args) throws Exception {
        long subjects = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int perSubject = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long big = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path dir = Files.createTempDirectory("waarborg-request-bench");
        try {
            run(dir, subjects, perSubject, big, reps);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir, long subjects, int perSubject, long big, int reps) throws Exception {
        System.out.printf("JVM max heap %,d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + dir, "--logging.config=classpath:waarborg-cli-logback.xml",
                        "--waarborg.policy=classpath:examples/self-storage.yaml",
                        "--waarborg.retention.sweep-interval=PT0S")) { // nothing sweeps behind the measurements
            DataSource ds = ctx.getBean(DataSource.class);
            long version = ctx.getBean(ActivePolicy.class).version().id();
            Vault vault = ctx.getBean(Vault.class);
            SubjectRequests requests = ctx.getBean(SubjectRequests.class);

            long t0 = System.nanoTime();
            exec(ds, "INSERT INTO subject (id, created_at) SELECT gen_random_uuid(), now() FROM generate_series(1, " + subjects + ")");
            exec(ds, "INSERT INTO subject_membership (subject_id, subject_category, joined_at) SELECT id, 'customer', now() FROM subject");
            System.out.printf("loaded %,d subjects in %.1f s%n", subjects, (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            // the items of the background, as a customer's: their rows and indexes are what the measured statements
            // walk past; values are not read
            exec(ds, "INSERT INTO item (id, subject_id, category, purposes, source, system, collected_at, policy_version, "
                    + "value, due_at, end_action, retention_rule, scheduled_under) SELECT gen_random_uuid(), s.id, "
                    + "(ARRAY['name','email','phone','rental-details','call-metadata'])[1 + i % 5], ARRAY['customer-contract'], "
                    + "'from-subject', 'crm', now() - i * interval '1 day', " + version
                    + ", '\\x0102030405060708090a0b0c0d0e0f'::bytea, NULL, 'delete', 'customers-contract', " + version
                    + " FROM subject s, generate_series(1, " + perSubject + ") i");
            exec(ds, "VACUUM ANALYZE");
            long total = count(ds, "SELECT count(*) FROM item");
            System.out.printf("loaded %,d items across %,d subjects with INSERT … SELECT in %.1f s%n", total, subjects,
                    (System.nanoTime() - t1) / 1e9);

            // ---- (1) erasure ----
            int warm = 20;
            int rounds = reps + warm;
            List<UUID> former = formerCustomers(vault, rounds);
            List<UUID> leads = leads(vault, rounds);
            List<UUID> plain = formerCustomers(vault, rounds);
            long[] partial = new long[rounds];
            long[] shred = new long[rounds];
            long[] baseline = new long[rounds];
            long erasedItems = 0;
            long keptItems = 0;
            for (int i = 0; i < rounds; i++) {
                for (int step = 0; step < 3; step++) {
                    int way = (step + i) % 3;
                    long s = System.nanoTime();
                    switch (way) {
                        case 0 -> {
                            SubjectRequests.Erasure e = requests.eraseForRequest(STAFF, former.get(i), "WB-BENCH-" + i);
                            erasedItems += e.erased();
                            keptItems += e.kept().stream().mapToLong(SubjectRequests.Kept::count).sum();
                        }
                        case 1 -> {
                            if (!requests.eraseForRequest(STAFF, leads.get(i), "WB-BENCH-L" + i).keyDestroyed()) {
                                throw new IllegalStateException("a lead was not shredded");
                            }
                        }
                        default -> vault.erase(STAFF, plain.get(i));
                    }
                    long e = System.nanoTime() - s;
                    (way == 0 ? partial : way == 1 ? shred : baseline)[i] = e;
                }
            }
            if (erasedItems != 7L * rounds || keptItems != 3L * rounds) {
                throw new IllegalStateException("erased " + erasedItems + ", kept " + keptItems);
            }
            System.out.printf("(1) %d subjects of each kind, interleaved, the order rotating (the first %d of each were "
                    + "warm-up and are left out):%n", rounds, warm);
            report("    eraseForRequest, former customer, 10 items: 7 erased, 3 kept (fiscal), audited", partial, warm);
            report("    eraseForRequest, lead, 10 items: none kept, key destroyed, subject deleted, audited", shred, warm);
            report("    baseline Vault.erase, former customer, 10 items (key destroyed, subject deleted, audited)", baseline, warm);

            // ---- (2) export of 500 items ----
            UUID five = customerWith(vault, 500);
            ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
            int exports = Math.max(reps, 100);
            long[] alone = new long[exports];
            long[] json = new long[exports];
            for (int i = 0; i < exports + 20; i++) {
                long[] n = {0};
                long s = System.nanoTime();
                requests.exportAll(STAFF, five, "WB-EXPORT-" + i, item -> n[0] += item.value().length());
                long e = System.nanoTime() - s;
                CountingStream out = new CountingStream();
                long s2 = System.nanoTime();
                try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                    g.writeStartObject();
                    g.writeArrayFieldStart("items");
                    requests.exportAll(STAFF, five, "WB-EXPORT-J" + i, item -> {
                        try {
                            mapper.writeValue(g, item);
                        } catch (java.io.IOException x) {
                            throw new java.io.UncheckedIOException(x);
                        }
                    });
                    g.writeEndArray();
                    g.writeEndObject();
                }
                long e2 = System.nanoTime() - s2;
                if (i >= 20) {
                    alone[i - 20] = e;
                    json[i - 20] = e2;
                }
            }
            System.out.printf("(2) exportAll of a customer with 500 items, %d exports after 20 warm-up:%n", exports);
            report("    the vault's part (decrypted, handed to a sink that only counts)", alone, 0);
            report("    the same with each item written as JSON (Jackson, to a byte counter)", json, 0);

            // ---- (3) a subject with BIG items, streamed ----
            UUID huge = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("customer"))))
                    .getFirst();
            long t2 = System.nanoTime();
            copyItems(ds, BenchCiphers.of(ctx, huge), huge, big, version);
            exec(ds, "ANALYZE item");
            System.out.printf("(3) loaded %,d encrypted items of one subject with COPY in %.1f s%n", big,
                    (System.nanoTime() - t2) / 1e9);
            for (int run = 1; run <= 2; run++) {
                System.gc();
                long before = usedHeap();
                List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).toList();
                pools.forEach(MemoryPoolMXBean::resetPeakUsage);
                long[] n = {0, 0};
                long s = System.nanoTime();
                long streamed = requests.exportAll(STAFF, huge, "WB-HUGE-" + run, item -> {
                    n[0]++;
                    n[1] += item.value().length();
                });
                double seconds = (System.nanoTime() - s) / 1e9;
                long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                if (streamed != big || n[0] != big) {
                    throw new IllegalStateException("streamed " + streamed);
                }
                System.out.printf("    run %d: %,d items (%,d characters of values) streamed in %.1f s = %,.0f items/s; "
                                + "heap used before %,d MB, peak during (sum of the heap pools' peaks) %,d MB of %,d MB max%n",
                        run, streamed, n[1], seconds, streamed / seconds, before / (1024 * 1024), peak / (1024 * 1024),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
        }
    }

    /** Former customers with 10 items each, stored through the vault, their contracts ended. */
    private static List<UUID> formerCustomers(Vault vault, int n) {
        List<UUID> ids = vault.createSubjects(STAFF, newSubjects(n, "customer"));
        List<NewItem> fiscal = new ArrayList<>();
        List<NewItem> other = new ArrayList<>();
        for (UUID s : ids) {
            fiscal.add(item(s, "payment-details", "NL91ABNA0417164300", "crm", "customer-contract", "legal-obligations"));
            fiscal.add(item(s, "payment-details", "NL02RABO0123456789", "crm", "customer-contract", "legal-obligations"));
            fiscal.add(item(s, "name", "Anna Jansen", "crm", "customer-contract", "legal-obligations"));
            other.add(item(s, "email", "anna@example.nl", "crm", "customer-contract"));
            other.add(item(s, "phone", "+31 6 1234 5678", "crm", "customer-contract"));
            other.add(item(s, "birth-date", "1980-01-01", "crm", "customer-contract"));
            other.add(item(s, "rental-details", "unit 17", "crm", "customer-contract"));
            other.add(item(s, "rental-details", "Voorbeeldstad", "crm", "customer-contract"));
            other.add(item(s, "call-metadata", "2026-03-01 10:00 4m", "phone-platform", "call-quality"));
            other.add(item(s, "call-metadata", "2026-03-02 11:00 7m", "phone-platform", "call-quality"));
        }
        vault.addItems(FINANCE, fiscal);
        vault.addItems(CRM, other);
        for (UUID s : ids) {
            vault.recordEvent(CRM, s, "contract-ended", null);
        }
        return ids;
    }

    /** Leads with 10 items each: nothing of theirs must be kept. */
    private static List<UUID> leads(Vault vault, int n) {
        List<UUID> ids = vault.createSubjects(STAFF, newSubjects(n, "lead"));
        List<NewItem> items = new ArrayList<>();
        for (UUID s : ids) {
            for (int i = 0; i < 10; i++) {
                items.add(item(s, List.of("name", "email", "phone").get(i % 3), "lead value " + i, "crm", "quote-requests"));
            }
        }
        vault.addItems(CRM, items);
        return ids;
    }

    private static UUID customerWith(Vault vault, int n) {
        UUID s = vault.createSubjects(STAFF, newSubjects(1, "customer")).getFirst();
        List<NewItem> items = new ArrayList<>();
        String[] categories = {"name", "email", "phone", "rental-details", "birth-date"};
        for (int i = 0; i < n; i++) {
            items.add(item(s, categories[i % categories.length], "value number " + i + " of this customer", "crm",
                    "customer-contract"));
        }
        vault.addItems(CRM, items);
        return s;
    }

    private static List<Vault.NewSubject> newSubjects(int n, String category) {
        List<Vault.NewSubject> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Vault.NewSubject(List.of(), List.of(), List.of(category)));
        }
        return out;
    }

    private static NewItem item(UUID subject, String category, String value, String system, String... purposes) {
        return new NewItem(subject, category, value, List.of(purposes), "from-subject", system, null);
    }

    /** {@code n} items of one subject, encrypted with its key, streamed into COPY in chunks (bounded memory). */
    private static void copyItems(DataSource ds, ValueCipher cipher, UUID subject, long n, long version) throws Exception {
        String[] categories = {"name", "email", "phone", "rental-details", "call-metadata"};
        HexFormat hex = HexFormat.of();
        Instant base = Instant.now().minusSeconds(n);
        try (Connection c = ds.getConnection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY item (id, subject_id, category, purposes, "
                    + "source, system, collected_at, policy_version, value, end_action, retention_rule, scheduled_under) "
                    + "FROM STDIN");
            StringWriter chunk = new StringWriter();
            for (long i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                String category = categories[(int) (i % categories.length)];
                byte[] value = cipher.encrypt(id, category, "value " + i + " of the subject with many items");
                chunk.append(id.toString()).append('\t').append(subject.toString()).append('\t').append(category)
                        .append("\t{customer-contract}\tfrom-subject\tcrm\t").append(base.plusSeconds(i).toString())
                        .append('\t').append(Long.toString(version)).append("\t\\\\x").append(hex.formatHex(value))
                        .append("\tdelete\tcustomers-contract\t").append(Long.toString(version)).append('\n');
                if (i % 10_000 == 9_999 || i == n - 1) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk = new StringWriter();
                }
            }
            copy.endCopy();
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void report(String what, long[] nanos, int skip) {
        long[] s = Arrays.copyOfRange(nanos, skip, nanos.length);
        Arrays.sort(s);
        System.out.printf("%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d)%n", what, s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.9)] / 1e6, s[Math.min(s.length - 1, (int) (s.length * 0.99))] / 1e6,
                s[s.length - 1] / 1e6, s.length);
    }

    private static long exec(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
            return Math.max(0, st.getUpdateCount());
        }
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Counts the bytes written, keeps none. */
    private static final class CountingStream extends OutputStream {
        long n;

        @Override
        public void write(int b) {
            n++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            n += len;
        }
    }
}
