package nl.waarborg.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.RetentionCalculator;

/**
 * Everything about one subject that decisions depend on, as an immutable snapshot in compact form: bitsets
 * over the ints of the {@link CompiledPolicy} it was built against. Built from the subject's recorded facts
 * with {@link #builder(CompiledPolicy)}; cached by {@link SubjectStateCache} and rebuilt when a fact changes.
 *
 * <p>The engine reads the fields directly (same package); nothing here changes after {@link Builder#build()}.
 */
public final class SubjectState {

    final CompiledPolicy policy;
    final UUID subject;
    /** Subject categories the subject belongs or has belonged to. */
    final long[] memberships;
    /** Purposes with consent given (and not withdrawn since). */
    final long[] consentGiven;
    /** Purposes whose consent the subject withdrew (and did not give again since). */
    final long[] consentWithdrawn;
    final long[] objectionUpheld;
    final long[] objectionPending;
    /** Data categories under an active restriction (Art. 18). */
    final long[] restricted;
    final int restrictionGrounds;
    /** Data categories past their retention period. */
    final long[] retentionOver;
    /** Data categories kept only for some purposes (rows of {@link #retainedFor}). */
    final long[] retentionLimited;
    /** Per category c, words [c * purposeWords, (c + 1) * purposeWords): the purposes it is kept for. */
    final long[] retainedFor;
    final int holds;

    // Copies every array, so a builder used again after build() cannot change a published state.
    private SubjectState(Builder b) {
        this.policy = b.policy;
        this.subject = b.subject;
        this.memberships = b.memberships.clone();
        this.consentGiven = b.consentGiven.clone();
        this.consentWithdrawn = b.consentWithdrawn.clone();
        this.objectionUpheld = b.objectionUpheld.clone();
        this.objectionPending = b.objectionPending.clone();
        this.restricted = b.restricted.clone();
        this.restrictionGrounds = b.restrictionGrounds;
        this.retentionOver = b.retentionOver.clone();
        this.retentionLimited = b.retentionLimited.clone();
        this.retainedFor = b.retainedFor == null ? new long[0] : b.retainedFor.clone();
        this.holds = b.holds;
    }

    public static Builder builder(CompiledPolicy policy) {
        return new Builder(Objects.requireNonNull(policy, "policy"));
    }

    /** A subject with no facts at all: no memberships, no consent, nothing restricted. */
    public static SubjectState empty(CompiledPolicy policy, UUID subject) {
        return builder(policy).subject(subject).build();
    }

    /** The compiled policy this state's ints refer to. */
    public CompiledPolicy policy() {
        return policy;
    }

    /** The subject, or null for a state built without one (tests, benchmarks). */
    public UUID subject() {
        return subject;
    }

    public boolean memberOf(int subjectCategory) {
        return test(memberships, 0, subjectCategory);
    }

    public boolean consentGiven(int purpose) {
        return test(consentGiven, 0, purpose);
    }

    public boolean consentWithdrawn(int purpose) {
        return test(consentWithdrawn, 0, purpose);
    }

    public boolean objectionUpheld(int purpose) {
        return test(objectionUpheld, 0, purpose);
    }

    public boolean objectionPending(int purpose) {
        return test(objectionPending, 0, purpose);
    }

    public boolean restricted(int category) {
        return test(restricted, 0, category);
    }

    /** The grounds of the active restrictions (for explanations; the decision needs only which data). */
    public Set<RestrictionGround> restrictionGrounds() {
        EnumSet<RestrictionGround> set = EnumSet.noneOf(RestrictionGround.class);
        for (RestrictionGround g : RestrictionGround.values()) {
            if ((restrictionGrounds & (1 << g.ordinal())) != 0) {
                set.add(g);
            }
        }
        return set;
    }

    public boolean retentionOver(int category) {
        return test(retentionOver, 0, category);
    }

    /** Whether the subject's data of the category may be used for the purpose, as far as retention goes. */
    public boolean retainedFor(int category, int purpose) {
        if (retentionOver(category)) {
            return false;
        }
        return !test(retentionLimited, 0, category)
                || test(retainedFor, category * policy.purposeWords(), purpose);
    }

    /**
     * The purposes that may still use the subject's data of the category as far as its retention goes (ids of the
     * compiled policy's purposes); empty when the category is not limited to some purposes.
     */
    public List<String> retainedForPurposes(int category) {
        if (!test(retentionLimited, 0, category)) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (int p = 0; p < policy.purposeCount(); p++) {
            if (test(retainedFor, category * policy.purposeWords(), p)) {
                out.add(policy.purpose(p));
            }
        }
        return out;
    }

    public Set<HoldKind> holds() {
        EnumSet<HoldKind> set = EnumSet.noneOf(HoldKind.class);
        for (HoldKind k : HoldKind.values()) {
            if ((holds & (1 << k.ordinal())) != 0) {
                set.add(k);
            }
        }
        return set;
    }

    private static boolean test(long[] words, int offset, int bit) {
        return bit >= 0 && (words[offset + (bit >>> 6)] & (1L << bit)) != 0;
    }

    @Override
    public String toString() {
        return "SubjectState[" + subject + "]";
    }

    /**
     * Collects a subject's facts. Ids the policy does not declare (a fact recorded under an older policy
     * version) are skipped and listed in {@link #ignored()}: an unknown purpose's consent allows nothing, and
     * data of an unknown category cannot be asked for. Not thread-safe; one builder per state.
     */
    public static final class Builder {

        private final CompiledPolicy policy;
        private UUID subject;
        private final long[] memberships;
        private final long[] consentGiven;
        private final long[] consentWithdrawn;
        private final Instant[] consentAt;
        private final long[] objectionUpheld;
        private final long[] objectionPending;
        private final long[] restricted;
        private int restrictionGrounds;
        private final long[] retentionOver;
        private final long[] retentionLimited;
        private long[] retainedFor;
        private int holds;
        private final List<String> ignored = new ArrayList<>();

        private Builder(CompiledPolicy policy) {
            this.policy = policy;
            this.memberships = new long[policy.subjectCategoryWords()];
            this.consentGiven = new long[policy.purposeWords()];
            this.consentWithdrawn = new long[policy.purposeWords()];
            this.consentAt = new Instant[policy.purposeCount()];
            this.objectionUpheld = new long[policy.purposeWords()];
            this.objectionPending = new long[policy.purposeWords()];
            this.restricted = new long[policy.categoryWords()];
            this.retentionOver = new long[policy.categoryWords()];
            this.retentionLimited = new long[policy.categoryWords()];
        }

        public Builder subject(UUID subject) {
            this.subject = subject;
            return this;
        }

        public Builder apply(SubjectFact fact) {
            return switch (fact) {
                case SubjectFact.Membership m -> memberOf(m.subjectCategory());
                case SubjectFact.Consent c -> consent(c.purpose(), c.given(), c.at());
                case SubjectFact.Objection o -> objection(o.purpose(), o.status());
                case SubjectFact.Restriction r -> restrict(r.ground(), r.categories());
                case SubjectFact.RetentionOver r -> retention(r.category(), ItemRetention.OVER);
                case SubjectFact.RetainedOnlyFor r -> retention(r.category(), ItemRetention.onlyFor(policy, r.purposes()));
                case SubjectFact.Hold h -> hold(h.kind());
            };
        }

        public Builder applyAll(Iterable<? extends SubjectFact> facts) {
            for (SubjectFact fact : facts) {
                apply(fact);
            }
            return this;
        }

        public Builder memberOf(String subjectCategory) {
            int s = known(policy.subjectCategoryId(subjectCategory), "subject category", subjectCategory);
            if (s >= 0) {
                set(memberships, 0, s);
            }
            return this;
        }

        public Builder consentGiven(String purpose) {
            return consent(purpose, true, null);
        }

        public Builder consentWithdrawn(String purpose) {
            return consent(purpose, false, null);
        }

        /** Consent given or withdrawn at {@code at}; the latest fact per purpose counts (null: latest of all). */
        public Builder consent(String purpose, boolean given, Instant at) {
            int p = known(policy.purposeId(purpose), "purpose", purpose);
            if (p < 0) {
                return this;
            }
            Instant previous = consentAt[p];
            if (previous != null && at != null && at.isBefore(previous)) {
                return this; // an older fact than the one already applied
            }
            consentAt[p] = at == null ? Instant.MAX : at;
            clear(given ? consentWithdrawn : consentGiven, p);
            set(given ? consentGiven : consentWithdrawn, 0, p);
            return this;
        }

        /**
         * Records an objection. To a direct-marketing purpose it is upheld at once, whatever the status given
         * (Art. 21(3), R3.6): there is nothing to weigh.
         */
        public Builder objection(String purpose, ObjectionStatus status) {
            int p = known(policy.purposeId(purpose), "purpose", purpose);
            if (p < 0) {
                return this;
            }
            if ((policy.flags(p) & CompiledPolicy.DIRECT_MARKETING) != 0) {
                status = ObjectionStatus.UPHELD;
            }
            clear(objectionUpheld, p);
            clear(objectionPending, p);
            switch (status) {
                case UPHELD -> set(objectionUpheld, 0, p);
                case PENDING -> set(objectionPending, 0, p);
                case REJECTED -> { } // processing goes on: compelling grounds were found
            }
            return this;
        }

        /** Restricts all of the subject's data. */
        public Builder restrict(RestrictionGround ground) {
            return restrict(ground, List.of());
        }

        /** Restricts the subject's data of the given categories; none given restricts all of them. */
        public Builder restrict(RestrictionGround ground, Collection<String> categories) {
            restrictionGrounds |= 1 << ground.ordinal();
            if (categories.isEmpty()) {
                for (int c = 0; c < policy.categoryCount(); c++) {
                    set(restricted, 0, c);
                }
            }
            for (String category : categories) {
                int c = known(policy.categoryId(category), "data category", category);
                if (c >= 0) {
                    set(restricted, 0, c);
                }
            }
            return this;
        }

        public Builder restrict(RestrictionGround ground, String... categories) {
            return restrict(ground, List.of(categories));
        }

        public Builder retentionOver(String category) {
            return retention(category, ItemRetention.OVER);
        }

        public Builder retainedOnlyFor(String category, String... purposes) {
            return retention(category, ItemRetention.onlyFor(policy, List.of(purposes)));
        }

        /** The retention of the subject's data of a category, from the retention calculator's outcome at {@code now}. */
        public Builder retention(String category, RetentionCalculator.Outcome outcome, Instant now) {
            return retention(category, ItemRetention.of(policy, outcome, now));
        }

        /**
         * The retention of the subject's data of a category. Given more than once for a category (several items),
         * the most protective combination counts: over if any is over, and only the purposes every limit allows.
         * Where one item differs from the rest, decide about it with its own {@link ItemRetention}.
         */
        public Builder retention(String category, ItemRetention retention) {
            int c = known(policy.categoryId(category), "data category", category);
            if (c < 0) {
                return this;
            }
            if (retention.over()) {
                set(retentionOver, 0, c);
            }
            if (retention.retainedFor() != null) {
                int words = policy.purposeWords();
                if (retainedFor == null) {
                    retainedFor = new long[policy.categoryCount() * words];
                }
                boolean first = !test(retentionLimited, 0, c);
                for (int w = 0; w < words; w++) {
                    long allowed = retention.retainedFor()[w];
                    retainedFor[c * words + w] = first ? allowed : retainedFor[c * words + w] & allowed;
                }
                set(retentionLimited, 0, c);
            }
            return this;
        }

        public Builder hold(HoldKind kind) {
            holds |= 1 << kind.ordinal();
            return this;
        }

        /** Facts skipped because the policy does not declare their id ("purpose old-newsletter", …). */
        public List<String> ignored() {
            return List.copyOf(ignored);
        }

        public SubjectState build() {
            return new SubjectState(this);
        }

        private int known(int id, String kind, String name) {
            if (id < 0) {
                ignored.add(kind + " " + name);
            }
            return id;
        }

        private static void set(long[] words, int offset, int bit) {
            words[offset + (bit >>> 6)] |= 1L << bit;
        }

        private static void clear(long[] words, int bit) {
            words[bit >>> 6] &= ~(1L << bit);
        }
    }
}
