package nl.waarborg.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.access.service.SubjectRestraints;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.RetentionCalculator;
import nl.waarborg.policy.RetentionStart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which of a subject's items an erasure request (Art. 17 GDPR) must leave, and on what ground: the exceptions of
 * Art. 17(3) as the policy expresses them (docs/vault.md, "A data-subject request"). Per item, the first that applies:
 * <ol>
 *   <li>a hold active on the item's data: {@code legal-claim} for a legal-claim hold (Art. 17(3)(e)), {@code hold}
 *       for another kind (an incident, a complaint being handled): a hold preserves data until it is released,
 *       as {@link Vault#erase} refuses to erase a subject under one;</li>
 *   <li>a retention rule still running (its period not ended, or not started) for a purpose on the legal basis
 *       {@code legal-obligation} that the item is held for: {@code legal-obligation} (Art. 17(3)(b)), until the
 *       rule's end;</li>
 *   <li>a rule for a purpose on the basis {@code contract} that the item is held for, whose period starts at a
 *       lifecycle event that has not happened yet: the contract still runs, so the data is still necessary for
 *       it (Art. 17(1)(a) does not apply): {@code contract}. A rule that counts from collection is a maximum, not
 *       a contract that runs, and keeps nothing here.</li>
 * </ol>
 * The rules are resolved as retention resolves them ({@link RetentionCalculator}), from the same facts: the
 * subject's categories, events and holds. Standing consent is left out: a rule that governs only while consent
 * stands is no ground to refuse erasure (Art. 17(1)(b)).
 */
@Component
class RetainedItems {

    private final ExpiringItems items;
    private final SubjectRestraints restraints;
    private final ZoneId zone;

    RetainedItems(ExpiringItems items, SubjectRestraints restraints,
                  @Value("${waarborg.zone:Europe/Amsterdam}") ZoneId zone) {
        this.items = items;
        this.restraints = restraints;
        this.zone = zone;
    }

    /** Why an item is kept: ground, the purpose it is kept for (null for a hold), until when (null: unknown). */
    record Ground(String ground, String purpose, LocalDate until) {
        static final String LEGAL_OBLIGATION = "legal-obligation";
        static final String CONTRACT = "contract";
        static final String LEGAL_CLAIM = "legal-claim";
        static final String HOLD = "hold";
    }

    /** An item of the subject and the ground that keeps it (null: it goes). */
    record Verdict(UUID item, String category, Ground kept) {}

    /** Whether a hold is active on any of the subject's data. */
    boolean held(UUID subject) {
        return restraints.activeHolds(List.of(subject)).containsKey(subject);
    }

    /** Every item of the subject with its verdict at {@code now}; call under the subject's lock. */
    List<Verdict> of(UUID subject, Policy policy, Instant now) {
        List<ExpiringItems.ItemFacts> facts = items.itemsOf(List.of(subject));
        if (facts.isEmpty()) {
            return List.of();
        }
        ExpiringItems.SubjectHistory history = items.histories(List.of(subject)).get(subject);
        SubjectRestraints.ActiveHolds holds = restraints.activeHolds(List.of(subject))
                .getOrDefault(subject, SubjectRestraints.ActiveHolds.NONE);
        RetentionCalculator calculator = new RetentionCalculator(policy, zone);
        RetentionCalculator.Subject who = new RetentionCalculator.Subject(history.joined(), history.lastEvents(),
                holds.whole(), Map.of(), holds.byCategory());
        return facts.stream().map(f -> new Verdict(f.id(), f.category(), ground(calculator, policy, f, who, holds, now)))
                .toList();
    }

    private Ground ground(RetentionCalculator calculator, Policy policy, ExpiringItems.ItemFacts item,
                          RetentionCalculator.Subject subject, SubjectRestraints.ActiveHolds holds, Instant now) {
        Set<HoldKind> held = EnumSet.noneOf(HoldKind.class);
        held.addAll(holds.whole());
        held.addAll(holds.byCategory().getOrDefault(item.category(), Set.of()));
        if (!held.isEmpty()) {
            return new Ground(held.contains(HoldKind.LEGAL_CLAIM) ? Ground.LEGAL_CLAIM : Ground.HOLD, null, null);
        }
        RetentionCalculator.Outcome outcome = calculator.resolve(new RetentionCalculator.Item(item.category(),
                Set.copyOf(item.purposes()), item.collectedAt(), item.dates()), subject);
        Ground legal = null;
        Ground contract = null;
        for (RetentionCalculator.RuleEnd r : outcome.governing()) {
            Optional<Instant> end = r.endsAt();
            if (end.isPresent() && !end.get().isAfter(now)) {
                continue; // ended: keeps nothing any more
            }
            List<String> purposes = r.rule().purposes().isEmpty() ? item.purposes()
                    : item.purposes().stream().filter(r.rule().purposes()::contains).toList();
            LocalDate until = end.map(e -> LocalDate.ofInstant(e, zone)).orElse(null);
            String obligation = firstOn(policy, purposes, LegalBasis.LEGAL_OBLIGATION);
            if (obligation != null && (legal == null || later(until, legal.until()))) {
                legal = new Ground(Ground.LEGAL_OBLIGATION, obligation, until);
            }
            String performed = firstOn(policy, purposes, LegalBasis.CONTRACT);
            if (performed != null && contract == null && notStarted(r.rule().start(), subject)) {
                contract = new Ground(Ground.CONTRACT, performed, null);
            }
        }
        return legal != null ? legal : contract;
    }

    // Null (not known) is the latest: a rule whose period has not started may keep the item longest.
    private static boolean later(LocalDate a, LocalDate b) {
        return b != null && (a == null || a.isAfter(b));
    }

    private static String firstOn(Policy policy, List<String> purposes, LegalBasis basis) {
        for (String p : purposes) {
            Optional<Policy.Purpose> purpose = policy.purpose(p);
            if (purpose.isPresent() && purpose.get().basis() == basis) {
                return p;
            }
        }
        return null;
    }

    private static boolean notStarted(RetentionStart start, RetentionCalculator.Subject subject) {
        return start instanceof RetentionStart.AfterEvents(List<String> events)
                && events.stream().noneMatch(subject.lastEvents()::containsKey);
    }
}
