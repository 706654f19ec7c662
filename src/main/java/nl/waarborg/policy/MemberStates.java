package nl.waarborg.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the GDPR leaves to each EU/EEA country and a policy must follow: its supervisory authority (Art. 51, 77) and its
 * age of digital consent (Art. 8(1): 16 unless national law sets 13 to 15). Read once from {@code member-states.tsv},
 * a table and not code, so a correction is one line.
 */
public final class MemberStates {

    /**
     * One country's rules. {@code authority} is null where no single authority supervises private organisations
     * (Germany: one per Land); {@code ageLaw} is the national provision that sets {@code digitalConsentAge}.
     */
    public record MemberState(String country, Policy.Authority authority, int digitalConsentAge, String ageLaw) {}

    private static final Map<String, MemberState> STATES = load();

    private MemberStates() {
    }

    public static Optional<MemberState> of(String country) {
        return country == null ? Optional.empty() : Optional.ofNullable(STATES.get(country.toUpperCase(Locale.ROOT)));
    }

    private static Map<String, MemberState> load() {
        Map<String, MemberState> out = new LinkedHashMap<>();
        try (InputStream in = MemberStates.class.getResourceAsStream("member-states.tsv")) {
            if (in == null) {
                throw new IllegalStateException("member-states.tsv is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    throw new IllegalStateException("member-states.tsv: a row has " + f.length + " columns, not 7");
                }
                Policy.Authority authority = f[1].isEmpty() ? null
                        : new Policy.Authority(f[1], blankToNull(f[3]), blankToNull(f[4]), blankToNull(f[2]));
                out.put(f[0], new MemberState(f[0], authority, Integer.parseInt(f[5]), f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
