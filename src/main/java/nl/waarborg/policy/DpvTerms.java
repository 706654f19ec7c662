package nl.waarborg.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The W3C Data Privacy Vocabulary terms a data category's {@code dpv:} may name, as shipped in
 * {@code dpv-terms.txt} beside this class: every {@code pd:} concept of one DPV release and the {@code dpv:}
 * classes that are personal data. Only what is shipped is checked; an IRI outside DPV is the organisation's own
 * vocabulary and is taken as written.
 */
public final class DpvTerms {

    public static final String PD = "https://w3id.org/dpv/pd#";
    public static final String DPV = "https://w3id.org/dpv#";

    private static final DpvTerms SHIPPED = load();

    private final String version;
    private final Set<String> terms;

    private DpvTerms(String version, Set<String> terms) {
        this.version = version;
        this.terms = terms;
    }

    /** The shipped list. */
    public static DpvTerms shipped() {
        return SHIPPED;
    }

    /** The DPV release the list was taken from, e.g. "2.3". */
    public String version() {
        return version;
    }

    /** Every known term, prefixed: "pd:EmailAddress", "dpv:PersonalData". */
    public Set<String> all() {
        return terms;
    }

    /** How a policy's {@code dpv:} value reads, once its spelling variants are folded. */
    public sealed interface Written {
        /** A term in a DPV namespace this list covers: "pd:BrowsingBehaviour". */
        record Dpv(String prefixed) implements Written {}

        /** An IRI outside DPV: nothing here can check it. */
        record Foreign(String iri) implements Written {}

        /** A prefix that is neither pd:, dpv-pd: nor dpv: (and not an IRI). */
        record UnknownPrefix(String prefix) implements Written {}
    }

    /**
     * Folds "pd:X", "dpv-pd:X", bare "X" and "https://w3id.org/dpv/pd#X" to "pd:X", and "dpv:X" and
     * "https://w3id.org/dpv#X" to "dpv:X" (the same folding the JSON-LD register uses).
     */
    public static Written read(String value) {
        String t = value.strip();
        if (t.startsWith(PD)) {
            return new Written.Dpv("pd:" + t.substring(PD.length()));
        }
        if (t.startsWith(DPV)) {
            return new Written.Dpv("dpv:" + t.substring(DPV.length()));
        }
        if (t.startsWith("http://") || t.startsWith("https://")) {
            return new Written.Foreign(t);
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            return new Written.Dpv("pd:" + t);
        }
        String prefix = t.substring(0, colon);
        String local = t.substring(colon + 1);
        return switch (prefix) {
            case "pd", "dpv-pd" -> new Written.Dpv("pd:" + local);
            case "dpv" -> new Written.Dpv("dpv:" + local);
            default -> new Written.UnknownPrefix(prefix);
        };
    }

    public boolean known(String prefixed) {
        return terms.contains(prefixed);
    }

    private static DpvTerms load() {
        try (InputStream in = DpvTerms.class.getResourceAsStream("dpv-terms.txt")) {
            if (in == null) {
                throw new IllegalStateException("dpv-terms.txt is missing from the classpath");
            }
            String version = null;
            Set<String> terms = new LinkedHashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (l.startsWith("# dpv-version:")) {
                    version = l.substring("# dpv-version:".length()).strip();
                } else if (!l.isEmpty() && !l.startsWith("#")) {
                    terms.add(l);
                }
            }
            if (version == null) {
                throw new IllegalStateException("dpv-terms.txt names no dpv-version");
            }
            return new DpvTerms(version, Collections.unmodifiableSet(terms)); // file order: suggestions are stable
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
