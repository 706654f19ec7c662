package nl.waarborg.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/**
 * Fills the demo CRM (examples/crm/schema.sql) with fictional customers at different stages, the same ones for the
 * same seed and day: names drawn from short lists of common Dutch first and last names (no real person is meant),
 * e-mail addresses at example.nl, streets of a town that does not exist, IBANs with the check digits 00 (never a real
 * account) and phone numbers in the unissued range 06-00. Dates are counted back from {@code today}, and stay at least
 * 30 days (call logs: 3 days) away from the moments the example policy's rules end, so that what the first sweep
 * deletes does not depend on the hour it runs.
 */
public final class DemoCustomers {

    /** The seed of the demo's data: the same customers every time. */
    public static final long SEED = 15L;
    /** How many customers the demo holds. */
    public static final int COUNT = 3000;

    /** The stages a demo customer is at; the share of each, in percent, adds up to 100. */
    public enum Stage {
        /** Asked for a quote, never rented: only name, e-mail and phone, created up to 2.5 years ago. */
        LEAD(20),
        /** Rents now: no contract end. */
        RUNNING(33),
        /** Rents now and has several invoices of the last three months. */
        DEBTOR(7),
        /** Contract ended between a month and seven years ago: the fiscal retention duty still runs. */
        ENDED_RECENTLY(20),
        /** Contract ended more than seven years ago: nothing is left to keep. */
        ENDED_LONG_AGO(15),
        /** Contract ended more than seven years ago, but a complaint was closed within the last two years. */
        COMPLAINT_CLOSED(5);

        final int percent;

        Stage(int percent) {
            this.percent = percent;
        }
    }

    private static final List<String> FIRST = List.of("Jan", "Piet", "Kees", "Henk", "Willem", "Daan", "Sem", "Lucas",
            "Bram", "Thijs", "Ruben", "Jeroen", "Mark", "Sander", "Tim", "Anna", "Emma", "Sophie", "Julia", "Lisa",
            "Sanne", "Eva", "Fleur", "Iris", "Lotte", "Femke", "Anouk", "Maria", "Inge", "Noor");
    private static final List<String> LAST = List.of("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk",
            "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
            "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer");
    private static final List<String> STREETS = List.of("Voorbeeldstraat", "Kluisweg", "Dorpsstraat", "Molenweg",
            "Kerkstraat", "Stationsweg", "Schoolstraat", "Lindelaan", "Beukenlaan", "Parkweg");
    private static final List<String> LOCATIONS = List.of("Voorbeeldstad-Noord", "Voorbeeldstad-Zuid", "Proefdorp",
            "Testerveen");
    private static final List<String> COMPANIES = List.of("Voorbeeld Verhuizingen B.V.", "Proef Handel V.O.F.",
            "Test & Zonen", "Demo Bouw B.V.");

    private DemoCustomers() {}

    /** The stage of customer {@code id} (1 to {@link #COUNT}): fixed by its number, so tests can count on it. */
    public static Stage stage(long id) {
        int slot = (int) ((id - 1) % 100);
        int upTo = 0;
        for (Stage s : Stage.values()) {
            upTo += s.percent;
            if (slot < upTo) {
                return s;
            }
        }
        throw new IllegalStateException("the stages' percentages do not add up to 100");
    }

    /** Inserts {@code count} customers with their rentals, invoices and call logs, in the caller's transaction. */
    public static void fill(Connection c, LocalDate today, long seed, int count) throws SQLException {
        Random random = new Random(seed);
        long rentalId = 0;
        long invoiceId = 0;
        long callId = 0;
        try (PreparedStatement customers = c.prepareStatement("INSERT INTO customers (id, first_name, last_name, email, "
                + "phone, birth_date, id_document, company, billing_address, iban, created_at, contract_end, "
                + "complaint_closed_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement rentals = c.prepareStatement("INSERT INTO rentals (id, customer_id, unit, location, "
                     + "starts_on, ends_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement invoices = c.prepareStatement("INSERT INTO invoices (id, customer_id, number, amount, "
                     + "invoice_date) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement calls = c.prepareStatement("INSERT INTO call_logs (id, customer_id, started_at, "
                     + "duration_seconds) VALUES (?, ?, ?, ?)")) {
            for (long id = 1; id <= count; id++) {
                Stage stage = stage(id);
                String first = FIRST.get(random.nextInt(FIRST.size()));
                String last = LAST.get(random.nextInt(LAST.size()));
                LocalDate sevenYearsAgo = today.minusYears(7);
                // when the customer came, and when the contract ended (null: it runs, or never began)
                LocalDate created;
                LocalDate ended = null;
                LocalDate complaint = null;
                switch (stage) {
                    case LEAD -> created = awayFrom(today.minusDays(1 + random.nextInt(900)), today.minusMonths(6));
                    case RUNNING, DEBTOR -> created = today.minusDays(200 + random.nextInt(2800));
                    case ENDED_RECENTLY -> {
                        ended = between(random, today.minusYears(7).plusDays(30), today.minusDays(30));
                        created = ended.minusDays(200 + random.nextInt(2500));
                    }
                    case ENDED_LONG_AGO, COMPLAINT_CLOSED -> {
                        ended = between(random, today.minusYears(12), sevenYearsAgo.minusDays(30));
                        created = ended.minusDays(200 + random.nextInt(2500));
                        if (stage == Stage.COMPLAINT_CLOSED) {
                            complaint = today.minusDays(30 + random.nextInt(700));
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                boolean lead = stage == Stage.LEAD;
                customers.setLong(1, id);
                customers.setString(2, first);
                customers.setString(3, last);
                customers.setString(4, (first + "." + last).toLowerCase().replace(' ', '-') + "." + id + "@example.nl");
                customers.setString(5, String.format("06-00%06d", id));
                customers.setObject(6, lead ? null : Date.valueOf(LocalDate.of(1950 + random.nextInt(55),
                        1 + random.nextInt(12), 1 + random.nextInt(28))), Types.DATE);
                boolean business = !lead && random.nextInt(5) == 0;
                customers.setString(7, lead || business ? null : "DEMO" + String.format("%06d", id));
                customers.setString(8, business ? COMPANIES.get(random.nextInt(COMPANIES.size())) : null);
                customers.setString(9, lead ? null : STREETS.get(random.nextInt(STREETS.size())) + " " + (1 + random.nextInt(200))
                        + ", 1234 AB Voorbeeldstad");
                customers.setString(10, lead ? null : String.format("NL00DEMO%010d", id));
                customers.setTimestamp(11, at(created, random));
                customers.setObject(12, ended == null ? null : Date.valueOf(ended), Types.DATE);
                customers.setObject(13, complaint == null ? null : at(complaint, random), Types.TIMESTAMP);
                customers.setString(14, lead ? "prospect" : ended == null ? "active" : "former");
                customers.addBatch();

                LocalDate until = ended != null ? ended : today;
                if (!lead) {
                    int units = 1 + (random.nextInt(4) == 0 ? 1 : 0);
                    for (int u = 0; u < units; u++) {
                        LocalDate starts = created.plusDays(random.nextInt(14));
                        rentals.setLong(1, ++rentalId);
                        rentals.setLong(2, id);
                        rentals.setString(3, (char) ('A' + random.nextInt(6)) + "-" + (100 + random.nextInt(400)));
                        rentals.setString(4, LOCATIONS.get(random.nextInt(LOCATIONS.size())));
                        rentals.setDate(5, Date.valueOf(starts));
                        rentals.setObject(6, ended == null ? null : Date.valueOf(ended), Types.DATE);
                        rentals.setTimestamp(7, at(created, random));
                        rentals.addBatch();
                    }
                    // invoices: a few over the contract; a debtor's last ones are of the last three months
                    int n = stage == Stage.DEBTOR ? 3 : 1 + random.nextInt(3);
                    for (int k = 0; k < n; k++) {
                        LocalDate on = stage == Stage.DEBTOR ? today.minusDays(5 + random.nextInt(85))
                                : between(random, created.plusDays(1), until.minusDays(1));
                        invoices.setLong(1, ++invoiceId);
                        invoices.setLong(2, id);
                        invoices.setString(3, "F" + String.format("%07d", invoiceId));
                        invoices.setBigDecimal(4, BigDecimal.valueOf(2500 + random.nextInt(30000), 2));
                        invoices.setDate(5, Date.valueOf(on));
                        invoices.addBatch();
                    }
                }
                // call logs: some older than the year call logs are kept, some not (none within 3 days of it)
                int n = random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    LocalDate on = between(random, created, until);
                    // a lead's call goes with the lead six months on, a customer's after a year
                    on = awayFrom(on, lead ? today.minusMonths(6) : today.minusYears(1));
                    calls.setLong(1, ++callId);
                    calls.setLong(2, id);
                    calls.setTimestamp(3, at(on, random));
                    calls.setInt(4, 30 + random.nextInt(900));
                    calls.addBatch();
                }
                if (id % 500 == 0 || id == count) {
                    customers.executeBatch();
                    rentals.executeBatch();
                    invoices.executeBatch();
                    calls.executeBatch();
                }
            }
        }
    }

    /** {@code day}, or 4 days after {@code edge} when it lies within 3 days of it: clear of a rule's end. */
    private static LocalDate awayFrom(LocalDate day, LocalDate edge) {
        return !day.isBefore(edge.minusDays(3)) && !day.isAfter(edge.plusDays(3)) ? edge.plusDays(4) : day;
    }

    private static LocalDate between(Random random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    // during office hours, so that the day does not change with the time zone
    private static Timestamp at(LocalDate day, Random random) {
        return Timestamp.valueOf(LocalDateTime.of(day, LocalTime.of(9 + random.nextInt(8), random.nextInt(60))));
    }
}
