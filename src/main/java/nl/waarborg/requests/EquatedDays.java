package nl.waarborg.requests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The days equated with the generally recognised holidays by royal decree (art. 3(3) Algemene termijnenwet), a dated
 * list and not code: the decrees are authoritative, and a new decree is a few lines in a file. The bundled list is
 * {@code equated-days.tsv} beside this class; an organisation may read its own ({@link #read}).
 *
 * <p>The list says for which years it is complete ({@code firstYear} to {@code lastYear}); for any other year a
 * deadline is computed without that year's equated days and flagged. Good Friday is not in the list: art. 3(2) equates
 * it by law, and {@link HolidayCalendar} computes it.
 *
 * @param source    where the list was read from (a file name), for messages
 * @param firstYear the first year the list is complete for
 * @param lastYear  the last year the list is complete for; below {@code firstYear} when it is complete for none
 * @param days      the listed days, by date
 */
public record EquatedDays(String source, int firstYear, int lastYear, List<Holiday> days) {

    /** The file bundled with Waarborg, beside this class. */
    public static final String BUNDLED = "equated-days.tsv";

    private static final String COVERS = "covers";

    public EquatedDays {
        Objects.requireNonNull(source, "source");
        days = days.stream().sorted(Comparator.comparing(Holiday::date)).toList();
        if (days.stream().anyMatch(d -> !d.equated())) {
            throw new IllegalArgumentException(source + ": a listed day must be an equated day");
        }
    }

    /** A list that knows no equated day and is complete for no year: every deadline is flagged. */
    public static EquatedDays none() {
        return new EquatedDays("no list", 0, -1, List.of());
    }

    /** Whether the list holds every equated day of {@code year}. */
    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }

    /** The list bundled with Waarborg ({@link #BUNDLED}). */
    public static EquatedDays bundled() {
        try (InputStream in = EquatedDays.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a list: lines starting with {@code #} and blank lines are ignored; every other line is tab-separated,
     * either a day ({@code date, name nl, name en, source}) or the one {@code covers, first year, last year} row.
     *
     * @throws IllegalArgumentException naming {@code source} and the line, for a row that is not one of these, a date
     *                                  listed twice, or a second covers row
     */
    public static EquatedDays read(Reader in, String source) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<Holiday> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        int first = 0;
        int last = -1;
        boolean covers = false;
        int number = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String at = source + ":" + number + ": ";
            String[] f = line.split("\t", -1);
            if (f[0].strip().equals(COVERS)) {
                if (covers) {
                    throw new IllegalArgumentException(at + "a second covers row");
                }
                if (f.length != 3) {
                    throw new IllegalArgumentException(at + "a covers row is: covers, first year, last year (tab-separated)");
                }
                try {
                    first = Integer.parseInt(f[1].strip());
                    last = Integer.parseInt(f[2].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(at + "the years of a covers row must be numbers: " + line);
                }
                if (last < first) {
                    throw new IllegalArgumentException(at + "the last year covered is before the first");
                }
                covers = true;
                continue;
            }
            if (f.length != 4) {
                throw new IllegalArgumentException(at + "a row has " + f.length
                        + " columns, not 4 (date, name nl, name en, source; tab-separated)");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f[0].strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(at + "not a date (yyyy-mm-dd): " + f[0]);
            }
            if (!seen.add(date)) {
                throw new IllegalArgumentException(at + date + " is listed twice");
            }
            for (int i = 1; i < 4; i++) {
                if (f[i].isBlank()) {
                    throw new IllegalArgumentException(at + "column " + (i + 1) + " is empty");
                }
            }
            days.add(new Holiday(date, f[1].strip(), f[2].strip(), true, f[3].strip()));
        }
        return new EquatedDays(source, first, last, days);
    }
}
