package nl.waarborg.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What anonymisation keeps of one item: generalised attributes that do not identify anyone on their own (the
 * category and month of collection, a year of birth, the first two digits of a Dutch postcode), never the
 * value itself, the subject or the item. Counted per group by the service and released only for groups of
 * at least k members.
 */
public final class Generalisation {

    /** One generalised attribute of an anonymised item. */
    public record Attribute(String name, String value) {}

    /** The group an attribute counts in. */
    public record Group(String rule, String category, YearMonth month, Attribute attribute) {}

    // yyyy-mm-dd or dd-mm-yyyy (also with / or .)
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})\\b");
    private static final Pattern DUTCH_DATE = Pattern.compile("\\b(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})\\b");
    private static final Pattern POSTCODE = Pattern.compile("\\b([1-9]\\d)\\d{2}\\s?[A-Za-z]{2}\\b");

    private final ZoneId zone;

    public Generalisation(ZoneId zone) {
        this.zone = zone;
    }

    /** The groups one item counts in: always the item itself per category and month, plus what its value gives. */
    public List<Group> of(String rule, String category, Instant collectedAt, String value) {
        YearMonth month = YearMonth.from(collectedAt.atZone(zone));
        List<Group> groups = new ArrayList<>(2);
        groups.add(new Group(rule, category, month, new Attribute("item", "-")));
        for (Attribute a : attributes(category, value)) {
            groups.add(new Group(rule, category, month, a));
        }
        return groups;
    }

    /** The generalised attributes of one value, by what its category holds. */
    static List<Attribute> attributes(String category, String value) {
        if (value == null) {
            return List.of();
        }
        List<Attribute> out = new ArrayList<>(1);
        if (category.contains("birth")) {
            birthYear(value).ifPresent(y -> out.add(new Attribute("birth-year", Integer.toString(y))));
        }
        if (category.contains("address") || category.contains("postcode")) {
            Matcher m = POSTCODE.matcher(value);
            if (m.find()) {
                out.add(new Attribute("postcode-area", m.group(1)));
            }
        }
        return out;
    }

    private static java.util.Optional<Integer> birthYear(String value) {
        Matcher iso = ISO_DATE.matcher(value);
        if (iso.find() && valid(iso.group(1), iso.group(2), iso.group(3))) {
            return java.util.Optional.of(Integer.parseInt(iso.group(1)));
        }
        Matcher nl = DUTCH_DATE.matcher(value);
        if (nl.find() && valid(nl.group(3), nl.group(2), nl.group(1))) {
            return java.util.Optional.of(Integer.parseInt(nl.group(3)));
        }
        return java.util.Optional.empty();
    }

    private static boolean valid(String y, String m, String d) {
        try {
            LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }
}
