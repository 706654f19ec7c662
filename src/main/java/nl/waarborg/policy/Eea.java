package nl.waarborg.policy;

import java.util.Locale;
import java.util.Set;

/** The European Economic Area: EU member states plus Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2). */
public final class Eea {

    private static final Set<String> COUNTRIES = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private Eea() {
    }

    public static boolean contains(String country) {
        return country != null && COUNTRIES.contains(country.toUpperCase(Locale.ROOT));
    }
}
