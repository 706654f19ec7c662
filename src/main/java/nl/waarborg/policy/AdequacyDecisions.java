package nl.waarborg.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The countries the European Commission has found to ensure an adequate level of protection (Art. 45 GDPR), where
 * {@code safeguard: adequacy} is a lawful basis for a transfer. Read once from {@code adequacy-decisions.tsv}, a dated
 * table and not code: the Commission's list is authoritative and a change to it is one line here.
 */
public final class AdequacyDecisions {

    /**
     * One decision. {@code scope} is null when the decision covers the whole country, else whom it covers (the
     * United States: organisations certified under the Data Privacy Framework; Canada: organisations under PIPEDA).
     */
    public record Decision(String country, String name, String reference, LocalDate date, String scope) {}

    private static final String FILE = "adequacy-decisions.tsv";
    private static final Map<String, Decision> DECISIONS = load();

    private AdequacyDecisions() {
    }

    public static Optional<Decision> of(String country) {
        return country == null ? Optional.empty()
                : Optional.ofNullable(DECISIONS.get(country.toUpperCase(Locale.ROOT)));
    }

    public static List<Decision> all() {
        return List.copyOf(DECISIONS.values());
    }

    private static Map<String, Decision> load() {
        Map<String, Decision> out = new LinkedHashMap<>();
        try (InputStream in = AdequacyDecisions.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new IllegalStateException(FILE + ": a row has " + f.length + " columns, not 5");
                }
                out.put(f[0], new Decision(f[0], f[1], f[2], LocalDate.parse(f[3]), f[4].isBlank() ? null : f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
