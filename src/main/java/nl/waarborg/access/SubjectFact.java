package nl.waarborg.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.waarborg.policy.HoldKind;

/**
 * One recorded fact about a subject that decisions depend on, as the capabilities that own it store it
 * (consent, requests, vault, retention). A {@link SubjectState} is built from a subject's facts.
 */
public sealed interface SubjectFact {

    /** The subject belongs, or has belonged, to the subject category (visitor → lead → customer). */
    record Membership(String subjectCategory) implements SubjectFact {
        public Membership {
            Objects.requireNonNull(subjectCategory, "subjectCategory");
        }
    }

    /**
     * Consent for a purpose given ({@code given}) or withdrawn, at {@code at}; per purpose the latest fact
     * counts (null {@code at}: later than every other). Withdrawal is not retroactive (R3.7): it affects
     * decisions from now on, never the record of what was done before.
     */
    record Consent(String purpose, boolean given, Instant at) implements SubjectFact {
        public Consent {
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /** An objection (Art. 21) to a purpose and where it stands. */
    record Objection(String purpose, ObjectionStatus status) implements SubjectFact {
        public Objection {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(status, "status");
        }
    }

    /** An active restriction (Art. 18) of the given data categories; an empty list restricts all of them. */
    record Restriction(RestrictionGround ground, List<String> categories) implements SubjectFact {
        public Restriction {
            Objects.requireNonNull(ground, "ground");
            categories = List.copyOf(categories);
        }
    }

    /** The subject's data of a category is past its retention period. */
    record RetentionOver(String category) implements SubjectFact {
        public RetentionOver {
            Objects.requireNonNull(category, "category");
        }
    }

    /** The subject's data of a category is kept only for these purposes (their rules still run). */
    record RetainedOnlyFor(String category, List<String> purposes) implements SubjectFact {
        public RetainedOnlyFor {
            Objects.requireNonNull(category, "category");
            purposes = List.copyOf(purposes);
        }
    }

    /** An active hold (R2.4) on the subject's data. */
    record Hold(HoldKind kind) implements SubjectFact {
        public Hold {
            Objects.requireNonNull(kind, "kind");
        }
    }
}
