package nl.waarborg.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Policy.RetentionRule;

/**
 * The attestations systems Waarborg cannot reach need (connector {@code manual}: a CCTV recorder, a phone
 * platform): for every retention rule covering data such a system holds, its owner confirms at a fixed interval
 * that data past the rule's period has been deleted there. A system holds a category when a purpose lists both.
 * Due dates fall on midnight in the organisation's zone, every {@code interval} days counted from 2024-01-01
 * (a Monday), so every node and every run plans the same dates.
 */
public final class AttestationPlan {

    private static final LocalDate ANCHOR = LocalDate.of(2024, 1, 1);

    /** One standing duty: a rule on a system. */
    public record Duty(RetentionRule rule, DataSystem system, List<String> categories) {}

    /** One occurrence of a duty. */
    public record Task(String rule, String system, String owner, List<String> categories, String period, Instant dueAt) {}

    private final List<Duty> duties;
    private final ZoneId zone;
    private final int intervalDays;

    public AttestationPlan(Policy policy, ZoneId zone, int intervalDays) {
        if (intervalDays < 1) {
            throw new IllegalArgumentException("an attestation interval is at least one day");
        }
        this.zone = zone;
        this.intervalDays = intervalDays;
        List<Duty> found = new ArrayList<>();
        for (DataSystem system : policy.systems()) {
            if (system.connector() != Connector.MANUAL) {
                continue;
            }
            for (RetentionRule rule : policy.retention()) {
                Set<String> categories = new LinkedHashSet<>();
                for (Purpose purpose : policy.purposes()) {
                    if (!purpose.systems().contains(system.id())) {
                        continue;
                    }
                    // a purpose that names no subjects may hold data of any
                    List<String> subjects = purpose.subjects().isEmpty() ? null : purpose.subjects();
                    for (String data : purpose.data()) {
                        if (rule.covers(data, subjects, List.of(purpose.id()))) {
                            categories.add(data);
                        }
                    }
                }
                if (!categories.isEmpty()) {
                    found.add(new Duty(rule, system, List.copyOf(categories)));
                }
            }
        }
        this.duties = List.copyOf(found);
    }

    public List<Duty> duties() {
        return duties;
    }

    /** Every task due after {@code from} up to and including {@code until}, by due date. */
    public List<Task> dueBetween(Instant from, Instant until) {
        List<Task> tasks = new ArrayList<>();
        if (duties.isEmpty() || !until.isAfter(from)) {
            return tasks;
        }
        LocalDate fromDay = from.atZone(zone).toLocalDate();
        long offset = Math.floorMod(java.time.temporal.ChronoUnit.DAYS.between(ANCHOR, fromDay), intervalDays);
        LocalDate day = fromDay.minusDays(offset);
        for (; ; day = day.plusDays(intervalDays)) {
            Instant due = day.atStartOfDay(zone).toInstant();
            if (due.isAfter(until)) {
                break;
            }
            if (!due.isAfter(from)) {
                continue;
            }
            for (Duty d : duties) {
                tasks.add(new Task(d.rule().id(), d.system().id(), d.system().owner(), d.categories(),
                        d.rule().period().raw(), due));
            }
        }
        return tasks;
    }

    public Duration interval() {
        return Duration.ofDays(intervalDays);
    }
}
