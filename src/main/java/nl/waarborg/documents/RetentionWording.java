package nl.waarborg.documents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.RetentionRule;

/**
 * The policy's retention rules in the statement's words (Art. 13(2)(a), 15(1)(d) GDPR): what a rule covers, how long,
 * from when, what happens then, and what may keep data longer. One place for these sentences, so the statement's
 * table and the access answer (nl.waarborg.requests) say the same thing in the same words.
 */
public final class RetentionWording {

    /**
     * One rule in words. {@code what}: what it covers, and the lines that qualify it (the scope of a purpose-bound
     * rule, when it stops applying, that it applies only with consent); {@code keptLonger}: the holds that can extend
     * it (empty: none).
     */
    public record Row(String rule, List<String> what, String howLong, String from, String then, List<String> keptLonger) {
        public Row {
            what = List.copyOf(what);
            keptLonger = List.copyOf(keptLonger);
        }
    }

    private final Policy policy;
    private final Phrases p;
    private final Words w;

    public RetentionWording(Policy policy, Lang lang) {
        this(policy, Phrases.of(lang));
    }

    RetentionWording(Policy policy, Phrases phrases) {
        this.policy = policy;
        this.p = phrases;
        this.w = new Words(policy, phrases);
    }

    /** Every rule of the policy, in declaration order: the statement's table. */
    public List<Row> all() {
        return policy.retention().stream().map(this::row).toList();
    }

    /**
     * The rules that govern data of {@code category} held for a person in {@code subjectCategories} (any of them; empty:
     * not known, every rule for the category), in declaration order. A rule superseded by a category the person is in
     * no longer governs their data (policy-format.md, section 5).
     */
    public List<Row> covering(String category, Collection<String> subjectCategories) {
        Collection<String> subjects = subjectCategories == null || subjectCategories.isEmpty() ? null : subjectCategories;
        List<Row> out = new ArrayList<>();
        for (RetentionRule r : policy.retention()) {
            boolean superseded = subjects != null && r.supersededBy().stream().anyMatch(subjects::contains);
            if (r.covers(category, subjects, null) && !superseded) {
                out.add(row(r));
            }
        }
        return out;
    }

    /** The statement's column headings for {@link Row}: which data, how long, from when, then, kept longer. */
    public static List<String> header(Lang lang) {
        return Phrases.of(lang).retentionHeader();
    }

    private Row row(RetentionRule r) {
        List<String> what = new ArrayList<>();
        what.add(w.what(r));
        if (r.data().isEmpty() && !r.purposes().isEmpty() && !w.t(r.description()).isEmpty()) {
            what.add(Words.sentence(w.scopeOfPurposes(r))); // the policy's own words, then what they cover
        }
        if (!r.supersededBy().isEmpty()) {
            what.add(p.noLongerAppliesOnJoining(w.subjectNames(r.supersededBy())));
        }
        if (r.consentBound()) {
            what.add(p.whileConsent(w.purposeName(r.whileConsent()), w.ordinaryAnonymises(r)));
        }
        // a zero period from an event reads "until the end of the contract", counted from collection
        return new Row(r.id(), what, r.consentBound() ? p.withConsentUpTo(w.howLong(r)) : w.howLong(r),
                Words.untilEvent(r) ? p.startCollection() : w.start(r), w.end(r.end()), w.holds(r));
    }
}
