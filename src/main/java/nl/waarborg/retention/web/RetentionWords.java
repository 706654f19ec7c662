package nl.waarborg.retention.web;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.waarborg.pages.Texts;

/** Words for what the policy writes as terms: a period (P7D: "7 dagen"), a moment in the service's zone. */
public final class RetentionWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RetentionWords() {}

    /** An ISO period of the policy in words ("7 jaar en 6 maanden"); one the words cannot say stays as written. */
    public static String period(Texts t, String iso) {
        if (iso == null) {
            return "";
        }
        Period p;
        try {
            p = Period.parse(iso);
        } catch (DateTimeParseException e) {
            return iso; // a duration with hours (PT12H) and the like: the term is still exact
        }
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(t.t("retention.period.years", "n", p.getYears()));
        }
        if (p.getMonths() != 0) {
            parts.add(t.t("retention.period.months", "n", p.getMonths()));
        }
        if (p.getDays() != 0 || parts.isEmpty()) {
            parts.add(t.t("retention.period.days", "n", p.getDays()));
        }
        return parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " " + t.t("retention.period.and") + " "
                  + parts.getLast();
    }

    public static String day(Instant at, ZoneId zone) {
        return at == null ? "" : DAY.withZone(zone).format(at);
    }

    public static String minute(Instant at, ZoneId zone) {
        return at == null ? "" : MINUTE.withZone(zone).format(at);
    }
}
