package nl.waarborg.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public register a controller is entered in, with the number's format (R1.1: who is responsible, so a person can
 * look the organisation up). Each kind belongs to the countries whose register it is; {@code OTHER} is any register
 * of a country not listed, checked for nothing but presence. docs/policy-format.md section 4.3 lists them.
 */
public enum RegistrationKind implements PolicyTerm {
    /** Netherlands: Kamer van Koophandel, 8 digits. */
    KVK("kvk", Set.of("NL"), "[0-9]{8}", "8 digits, e.g. 12345678"),
    /** Belgium: Kruispuntbank van Ondernemingen (ondernemingsnummer), 10 digits with a check of 97. */
    KBO("kbo", Set.of("BE"), "(BE)?[01][0-9]{3}\\.?[0-9]{3}\\.?[0-9]{3}", "10 digits starting with 0 or 1, e.g. 0123.456.749"),
    /** Luxembourg: Registre de commerce et des sociétés. */
    RCS("rcs", Set.of("LU"), "B ?[0-9]{1,6}", "B and up to 6 digits, e.g. B123456"),
    /** France: SIREN, 9 digits with a Luhn check. */
    SIREN("siren", Set.of("FR"), "[0-9]{3} ?[0-9]{3} ?[0-9]{3}", "9 digits, e.g. 732 829 320"),
    /** Germany: Handelsregister, register type and number (the court may follow). */
    HANDELSREGISTER("handelsregister", Set.of("DE"), "(HRA|HRB|GnR|PR|VR) ?[0-9]{1,6}( ?[A-Z]{1,2})?( .*)?",
            "HRA/HRB/GnR/PR/VR and a number, e.g. HRB 12345 (Amtsgericht Köln)"),
    /** Austria: Firmenbuchnummer, digits and a check letter. */
    FIRMENBUCH("firmenbuch", Set.of("AT"), "(FN ?)?[0-9]{1,6} ?[a-z]", "FN, up to 6 digits and a letter, e.g. FN 123456a"),
    /** Ireland: Companies Registration Office number. */
    CRO("cro", Set.of("IE"), "[0-9]{1,7}", "up to 7 digits, e.g. 123456"),
    /** Denmark: CVR number, 8 digits with a check of 11. */
    CVR("cvr", Set.of("DK"), "[0-9]{8}", "8 digits, e.g. 10150817"),
    /** Poland: Krajowy Rejestr Sądowy, 10 digits. */
    KRS("krs", Set.of("PL"), "[0-9]{10}", "10 digits, e.g. 0000123456"),
    /** Any other register: the number is shown as written. */
    OTHER("other", Set.of(), ".+", "the number as the register writes it");

    private final String term;
    private final Set<String> countries;
    private final Pattern format;
    private final String formatDescription;

    RegistrationKind(String term, Set<String> countries, String format, String formatDescription) {
        this.term = term;
        this.countries = countries;
        this.format = Pattern.compile(format);
        this.formatDescription = formatDescription;
    }

    @Override
    public String term() {
        return term;
    }

    /** The countries whose register this is; empty for {@link #OTHER}. */
    public Set<String> countries() {
        return countries;
    }

    public String formatDescription() {
        return formatDescription;
    }

    /** The register of a country, if this project knows it. */
    public static Optional<RegistrationKind> of(String country) {
        String c = country == null ? "" : country.toUpperCase(Locale.ROOT);
        for (RegistrationKind k : values()) {
            if (k.countries.contains(c)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code number} is written as this register writes its numbers, check digits included. */
    public boolean valid(String number) {
        String n = number == null ? "" : number.strip();
        if (!format.matcher(n).matches()) {
            return false;
        }
        String digits = n.replaceAll("[^0-9]", "");
        return switch (this) {
            // the last two digits are 97 minus the first eight modulo 97
            case KBO -> 97 - Long.parseLong(digits.substring(0, 8)) % 97 == Long.parseLong(digits.substring(8));
            case SIREN -> luhn(digits);
            case CVR -> weighted(digits, new int[] {2, 7, 6, 5, 4, 3, 2, 1}) % 11 == 0;
            case KVK, RCS, HANDELSREGISTER, FIRMENBUCH, CRO, KRS, OTHER -> true;
        };
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
