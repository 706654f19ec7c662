package nl.waarborg.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.waarborg.policy.Policy.Hold;
import nl.waarborg.policy.Policy.RetentionRule;

/**
 * Applies the retention semantics of docs/policy-format.md to one item: which rules govern it, when each
 * ends, and so when the item must go and how. Pure and allocation-light; periods are added in the
 * organisation's time zone so "P6M" means six calendar months there.
 */
public final class RetentionCalculator {

    private final List<RetentionRule> rules;
    private final ZoneId zone;

    public RetentionCalculator(Policy policy, ZoneId zone) {
        this.rules = policy.retention();
        this.zone = zone;
    }

    /**
     * What is known about an item: its category, purposes, collection moment, and the dates it carries of its own
     * (the policy's {@code item-dates}, such as its invoice date).
     */
    public record Item(String dataCategory, Set<String> purposes, Instant collectedAt, Map<String, LocalDate> dates) {

        public Item {
            dates = dates == null ? Map.of() : dates;
        }

        /** An item that carries no dates of its own. */
        public Item(String dataCategory, Set<String> purposes, Instant collectedAt) {
            this(dataCategory, purposes, collectedAt, Map.of());
        }
    }

    /**
     * What is known about its subject: when it joined each category, the latest occurrence of each lifecycle
     * event, the holds now active on all of the subject's data (by kind), the purposes its consent now stands for
     * (given, not withdrawn, not expired), each with the moment it lapses by itself ({@link #NO_EXPIRY} when it does
     * not): a {@code while-consent} rule governs only while that consent stands; and the holds active on some data
     * categories only (by category, then kind): those extend only items of their categories.
     */
    public record Subject(Map<String, Instant> joined, Map<String, Instant> lastEvents, Set<HoldKind> activeHolds,
                          Map<String, Instant> consents, Map<String, Set<HoldKind>> categoryHolds) {

        /** The lapse moment of a consent given without an expiry. */
        public static final Instant NO_EXPIRY = Instant.MAX;

        /** A subject with no standing consent, whose holds, if any, are all on the whole of its data. */
        public Subject(Map<String, Instant> joined, Map<String, Instant> lastEvents, Set<HoldKind> activeHolds) {
            this(joined, lastEvents, activeHolds, Map.of(), Map.of());
        }

        /** Whether a hold of this kind is active on the subject's data of this category. */
        public boolean holds(HoldKind kind, String dataCategory) {
            if (activeHolds.contains(kind)) {
                return true;
            }
            Set<HoldKind> onCategory = categoryHolds.get(dataCategory);
            return onCategory != null && onCategory.contains(kind);
        }
    }

    /** One governing rule's verdict: its end (empty while its start event has not happened or a hold is open). */
    public record RuleEnd(RetentionRule rule, Optional<Instant> endsAt) {}

    /** The item's fate: its due date (empty: kept for now), the action then, and the rule that decides it. */
    public record Outcome(Optional<Instant> dueAt, EndAction action, List<RuleEnd> governing) {

        public boolean governed() {
            return !governing.isEmpty();
        }

        /** Rules still running at {@code now}: only their purposes may use the item (legal retention only, etc.). */
        public List<RetentionRule> runningAt(Instant now) {
            return governing.stream().filter(r -> r.endsAt().isEmpty() || r.endsAt().get().isAfter(now))
                    .map(RuleEnd::rule).toList();
        }
    }

    public Outcome resolve(Item item, Subject subject) {
        List<RuleEnd> governing = new ArrayList<>();
        for (RetentionRule rule : rules) {
            if (governs(rule, item, subject)) {
                governing.add(new RuleEnd(rule, end(rule, item, subject)));
            }
        }
        if (governing.isEmpty() || governing.stream().anyMatch(r -> r.endsAt().isEmpty())) {
            return new Outcome(Optional.empty(), EndAction.DELETE, List.copyOf(governing));
        }
        // Latest end wins; on a tie, delete (the more protective action) wins over anonymise.
        RuleEnd decisive = governing.stream().max(Comparator.comparing((RuleEnd r) -> r.endsAt().get())
                .thenComparing(r -> r.rule().end() == EndAction.DELETE)).orElseThrow();
        return new Outcome(decisive.endsAt(), decisive.rule().end(), List.copyOf(governing));
    }

    private static boolean governs(RetentionRule rule, Item item, Subject subject) {
        return rule.covers(item.dataCategory(), subject.joined().keySet(), item.purposes())
                && rule.supersededBy().stream().noneMatch(subject.joined()::containsKey)
                // without standing consent the rule does not exist for the item: the other rules decide, and once
                // their periods have passed (consent withdrawn late) the item is due at once
                && (!rule.consentBound() || subject.consents().containsKey(rule.whileConsent()));
    }

    private Optional<Instant> end(RetentionRule rule, Item item, Subject subject) {
        Optional<Instant> end = periodEnd(rule, item, subject);
        if (!rule.consentBound()) {
            return end;
        }
        // a consent that lapses by itself ends the rule then: the date is right without waiting for the expiry to be
        // recorded, and the forecast sees it coming
        Instant lapses = subject.consents().get(rule.whileConsent());
        if (lapses.equals(Subject.NO_EXPIRY)) {
            return end;
        }
        return Optional.of(end.filter(e -> e.isBefore(lapses)).orElse(lapses));
    }

    private Optional<Instant> periodEnd(RetentionRule rule, Item item, Subject subject) {
        Optional<Instant> start = start(rule.start(), item, subject);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        if (rule.round() != null) {
            start = Optional.of(rule.round().apply(start.get(), zone));
        }
        RetentionPeriod period = rule.period();
        if (!period.isConcrete() && !period.isZero()) {
            return Optional.empty(); // "as long as necessary" gives no date; lint rejects such policies
        }
        for (Hold hold : rule.holds()) {
            if (subject.holds(hold.kind(), item.dataCategory())) {
                if (hold.max() == null) {
                    return Optional.empty(); // an open-ended hold keeps the item until it is released
                }
                if (hold.max().isConcrete() && hold.max().exceeds(period.value())) {
                    period = hold.max();
                }
            }
        }
        return Optional.of(start.get().atZone(zone).plus(period.value()).toInstant());
    }

    /**
     * Where the rule's period starts, before rounding. An item stored without the date a rule starts at (stored before
     * the policy declared that date: the vault refuses new items of the date's categories without it) counts from its
     * collection, so that it is never kept without end.
     */
    private Optional<Instant> start(RetentionStart start, Item item, Subject subject) {
        return switch (start) {
            case RetentionStart.AtCollection c -> Optional.of(item.collectedAt());
            case RetentionStart.AtItemDate(String date) -> {
                LocalDate day = item.dates().get(date);
                yield Optional.of(day == null ? item.collectedAt() : day.atStartOfDay(zone).toInstant());
            }
            case RetentionStart.AfterEvents(List<String> events) -> events.stream()
                    .map(subject.lastEvents()::get).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder());
        };
    }
}
