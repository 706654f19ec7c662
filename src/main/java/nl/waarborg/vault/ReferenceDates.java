package nl.waarborg.vault;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An item's reference dates (the policy's item-dates) as the item row stores them, a JSON object of ids and calendar
 * dates in column {@code reference_dates} (V13__item_reference_dates.sql). Written and read here only: the ids are
 * policy ids (lower-case letters, digits, dashes) and the dates ISO dates, checked before storing, so neither needs
 * escaping.
 */
final class ReferenceDates {

    private static final Pattern ENTRY = Pattern.compile("\"([a-z0-9][a-z0-9-]*)\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");

    private ReferenceDates() {
    }

    /** The column's text (null for none), keys in order so that equal dates give equal text. */
    static String json(Map<String, LocalDate> dates) {
        if (dates.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(dates).forEach((id, day) -> {
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("an item date id is a policy id");
            }
            b.append(b.length() > 1 ? ", " : "").append('"').append(id).append("\": \"").append(day).append('"');
        });
        return b.append('}').toString();
    }

    /** The dates of the column's text (jsonb's output), none for null. */
    static Map<String, LocalDate> parse(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, LocalDate> dates = new TreeMap<>();
        Matcher m = ENTRY.matcher(json);
        while (m.find()) {
            dates.put(m.group(1), LocalDate.parse(m.group(2)));
        }
        return Map.copyOf(dates);
    }
}
