package nl.waarborg.breaches;

import java.util.Optional;

/**
 * The two decisions every breach needs, each with its reason (Art. 33(5) GDPR: the register documents the facts,
 * effects and remedial action; the EDPB asks for the reasoning of a decision not to notify too). Either may be taken
 * first; a breach is closed only once both are taken with their reasons.
 *
 * @param notifyAuthority whether the AP is (or was) notified (Art. 33(1)); null: not decided
 * @param authorityReason why (required with the decision)
 * @param notifySubjects  whether the people affected are told (Art. 34(1)), or a public notice takes its place
 *                        (Art. 34(3)(c), disproportionate effort); null: not decided
 * @param subjectsReason  why (required with the decision)
 */
public record Decisions(Boolean notifyAuthority, String authorityReason, SubjectsNotice notifySubjects,
                        String subjectsReason) {

    public static final Decisions NONE = new Decisions(null, null, null, null);

    public Decisions {
        if (notifyAuthority != null && blank(authorityReason)) {
            throw new BreachInputException("authorityReason", "the decision to notify the AP or not needs its reason "
                    + "(Art. 33(5) GDPR)");
        }
        if (notifySubjects != null && blank(subjectsReason)) {
            throw new BreachInputException("subjectsReason", "the decision to tell the people affected or not needs "
                    + "its reason (Art. 34 GDPR)");
        }
    }

    /** These decisions with {@code later}'s taken in their place where it takes one. */
    public Decisions with(Decisions later) {
        return new Decisions(later.notifyAuthority != null ? later.notifyAuthority : notifyAuthority,
                later.notifyAuthority != null ? later.authorityReason : authorityReason,
                later.notifySubjects != null ? later.notifySubjects : notifySubjects,
                later.notifySubjects != null ? later.subjectsReason : subjectsReason);
    }

    /** Why the breach cannot be closed yet (a term), or empty when both decisions are taken with their reasons. */
    public Optional<String> closeRefusal() {
        if (notifyAuthority == null || blank(authorityReason)) {
            return Optional.of("authority-decision-missing");
        }
        if (notifySubjects == null || blank(subjectsReason)) {
            return Optional.of("subjects-decision-missing");
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * {@code yes}: the people affected are told (Art. 34(1)); {@code no}: not (no high risk, or Art. 34(3)(a) or (b));
     * {@code public-notice}: a public communication instead, as telling each would take disproportionate effort
     * (Art. 34(3)(c)).
     */
    public enum SubjectsNotice {
        YES, NO, PUBLIC_NOTICE;

        public String term() {
            return Term.of(this);
        }

        public static SubjectsNotice of(String field, String term) {
            return Term.required(SubjectsNotice.class, field, term);
        }
    }
}
