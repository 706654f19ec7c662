package nl.waarborg.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A policy compiled to dense lookup tables for the decision hot path (docs/decisions.md).
 *
 * <p>Every id of purposes, data categories, roles, recipients and subject categories is interned to a dense
 * int (its position in the policy). Callers turn a string id into its int once, at the edge
 * ({@link #purposeId(String)} …), and decide with ints; every table lookup is then an array load and a bit
 * test. Sets of data categories, roles, recipients and subject categories are bitsets in {@code long} words,
 * so a policy of any size works and a policy of up to 64 of each needs one word per set.
 *
 * <p>Immutable and safe to share between threads. Compile once per policy version: subject states and
 * category masks built against one compiled policy are not valid for another (the engine checks identity).
 */
public final class CompiledPolicy {

    /** The purpose has a legal basis (a policy without one loads, but nothing may be done for it). */
    public static final int HAS_BASIS = 1;
    /** Consent is required: basis {@code consent}, or Art. 9(2)(a) explicit consent for special data. */
    public static final int NEEDS_CONSENT = 1 << 1;
    public static final int DIRECT_MARKETING = 1 << 2;
    public static final int LEGITIMATE_INTEREST = 1 << 3;
    public static final int LEGAL_OBLIGATION = 1 << 4;
    /** The subject may object (Art. 21); the policy's {@code objectable}. */
    public static final int OBJECTABLE = 1 << 5;
    /** Consent may be withdrawn (R3.7); the policy's {@code withdrawable}. */
    public static final int WITHDRAWABLE = 1 << 6;
    /** The purpose lists subject categories; without them it may use data of any subject. */
    public static final int DECLARES_SUBJECTS = 1 << 7;

    private final Policy policy;

    private final Interned purposes;
    private final Interned categories;
    private final Interned roles;
    private final Interned recipients;
    private final Interned subjectCategories;

    // Per purpose p, words [p * xWords, (p + 1) * xWords) of each flat table: one row per purpose, laid out
    // contiguously so one decision touches one or two cache lines.
    private final long[] purposeCategories;
    private final long[] purposeRoles;
    private final long[] purposeRecipients;
    private final long[] purposeSubjects;
    private final int[] purposeFlags;
    private final LegalBasis[] purposeBasis;

    private final long[] recipientsWithoutSafeguard;
    private final long[] recipientsOutsideEea;
    private final long[] recipientsPseudonymisedOnly;

    private CompiledPolicy(Policy policy) {
        this.policy = policy;
        this.purposes = Interned.of(policy.purposes(), Policy.Purpose::id);
        this.categories = Interned.of(policy.dataCategories(), Policy.DataCategory::id);
        this.roles = Interned.of(policy.roles(), Policy.Role::id);
        this.recipients = Interned.of(policy.recipients(), Policy.Recipient::id);
        this.subjectCategories = Interned.of(policy.subjectCategories(), Policy.SubjectCategory::id);

        int n = purposes.size();
        this.purposeCategories = new long[n * categories.words()];
        this.purposeRoles = new long[n * roles.words()];
        this.purposeRecipients = new long[n * recipients.words()];
        this.purposeSubjects = new long[n * subjectCategories.words()];
        this.purposeFlags = new int[n];
        this.purposeBasis = new LegalBasis[n];
        for (int p = 0; p < n; p++) {
            Policy.Purpose purpose = policy.purposes().get(p);
            setAll(purposeCategories, p * categories.words(), categories, purpose.data());
            setAll(purposeRoles, p * roles.words(), roles, purpose.roles());
            setAll(purposeRecipients, p * recipients.words(), recipients, purpose.recipients());
            setAll(purposeSubjects, p * subjectCategories.words(), subjectCategories, purpose.subjects());
            purposeBasis[p] = purpose.basis();
            purposeFlags[p] = flags(purpose);
        }

        this.recipientsWithoutSafeguard = new long[recipients.words()];
        this.recipientsOutsideEea = new long[recipients.words()];
        this.recipientsPseudonymisedOnly = new long[recipients.words()];
        for (int r = 0; r < recipients.size(); r++) {
            Policy.Recipient recipient = policy.recipients().get(r);
            if (recipient.outsideEea()) {
                set(recipientsOutsideEea, r);
                if (recipient.safeguard() == null || recipient.safeguard() == Safeguard.NONE) {
                    set(recipientsWithoutSafeguard, r);
                }
            }
            if (recipient.pseudonymisedOnly()) {
                set(recipientsPseudonymisedOnly, r);
            }
        }
    }

    /** Compiles a loaded policy. Costs microseconds per purpose; do it once per policy version. */
    public static CompiledPolicy compile(Policy policy) {
        return new CompiledPolicy(Objects.requireNonNull(policy, "policy"));
    }

    private static int flags(Policy.Purpose purpose) {
        int flags = 0;
        LegalBasis basis = purpose.basis();
        if (basis != null) {
            flags |= HAS_BASIS;
        }
        if (basis == LegalBasis.CONSENT || purpose.art9() == Art9Condition.EXPLICIT_CONSENT) {
            flags |= NEEDS_CONSENT;
        }
        if (purpose.directMarketing()) {
            flags |= DIRECT_MARKETING;
        }
        if (basis == LegalBasis.LEGITIMATE_INTEREST) {
            flags |= LEGITIMATE_INTEREST;
        }
        if (basis == LegalBasis.LEGAL_OBLIGATION) {
            flags |= LEGAL_OBLIGATION;
        }
        // Art. 21(2): an objection to direct marketing is always possible, whatever the file says
        // (lint reports direct-marketing-not-objectable; the decision does not depend on the author noticing).
        if (purpose.objectable() || purpose.directMarketing()) {
            flags |= OBJECTABLE;
        }
        if (purpose.withdrawable() || basis == LegalBasis.CONSENT) {
            flags |= WITHDRAWABLE;
        }
        if (!purpose.subjects().isEmpty()) {
            flags |= DECLARES_SUBJECTS;
        }
        return flags;
    }

    private static void setAll(long[] table, int offset, Interned ids, List<String> names) {
        for (String name : names) {
            int id = ids.id(name);
            if (id >= 0) { // the loader rejects undefined references; a hand-built Policy may still carry one
                table[offset + (id >>> 6)] |= 1L << id;
            }
        }
    }

    private static void set(long[] words, int bit) {
        words[bit >>> 6] |= 1L << bit;
    }

    private static boolean test(long[] words, int offset, int bit) {
        return (words[offset + (bit >>> 6)] & (1L << bit)) != 0;
    }

    /** The policy this was compiled from. */
    public Policy policy() {
        return policy;
    }

    // ---- the edge: string ids to ints and back (-1 for an id the policy does not declare) ----

    public int purposeId(String id) {
        return purposes.id(id);
    }

    public int categoryId(String id) {
        return categories.id(id);
    }

    public int roleId(String id) {
        return roles.id(id);
    }

    public int recipientId(String id) {
        return recipients.id(id);
    }

    public int subjectCategoryId(String id) {
        return subjectCategories.id(id);
    }

    public String purpose(int purpose) {
        return purposes.name(purpose);
    }

    public String category(int category) {
        return categories.name(category);
    }

    public String role(int role) {
        return roles.name(role);
    }

    public String recipient(int recipient) {
        return recipients.name(recipient);
    }

    public String subjectCategory(int subjectCategory) {
        return subjectCategories.name(subjectCategory);
    }

    public int purposeCount() {
        return purposes.size();
    }

    public int categoryCount() {
        return categories.size();
    }

    public int roleCount() {
        return roles.size();
    }

    public int recipientCount() {
        return recipients.size();
    }

    public int subjectCategoryCount() {
        return subjectCategories.size();
    }

    /** Words in a data-category mask ({@link #newCategoryMask()}). */
    public int categoryWords() {
        return categories.words();
    }

    /** Words in a purpose mask. */
    public int purposeWords() {
        return purposes.words();
    }

    /** Words in a subject-category mask. */
    public int subjectCategoryWords() {
        return subjectCategories.words();
    }

    /** An empty data-category mask of the right size, to fill with {@link #addCategory(long[], int)}. */
    public long[] newCategoryMask() {
        return new long[categories.words()];
    }

    /** Adds a category to a mask; returns the mask. */
    public static long[] addCategory(long[] mask, int category) {
        mask[category >>> 6] |= 1L << category;
        return mask;
    }

    /**
     * The mask of the given categories, built once at the edge and reused for every decision about them.
     *
     * @throws IllegalArgumentException for an id the policy does not declare (callers that must not throw use
     *                                  {@link #categoryId(String)} and decide what an unknown id means)
     */
    public long[] categoryMask(Collection<String> ids) {
        long[] mask = newCategoryMask();
        for (String id : ids) {
            int c = categories.id(id);
            if (c < 0) {
                throw new IllegalArgumentException("data category not declared in the policy: " + id);
            }
            addCategory(mask, c);
        }
        return mask;
    }

    public long[] categoryMask(String... ids) {
        return categoryMask(List.of(ids));
    }

    // ---- the hot path: ints in, bits out ----

    /** The purpose's flags: {@link #HAS_BASIS}, {@link #NEEDS_CONSENT}, … */
    public int flags(int purpose) {
        return purposeFlags[purpose];
    }

    public LegalBasis basis(int purpose) {
        return purposeBasis[purpose];
    }

    /** Word {@code word} of the set of data categories the purpose declares. */
    public long categoryWord(int purpose, int word) {
        return purposeCategories[purpose * categories.words() + word];
    }

    /** Word {@code word} of the set of subject categories the purpose declares. */
    public long subjectWord(int purpose, int word) {
        return purposeSubjects[purpose * subjectCategories.words() + word];
    }

    public boolean declaresCategory(int purpose, int category) {
        return test(purposeCategories, purpose * categories.words(), category);
    }

    public boolean roleAllowed(int purpose, int role) {
        return test(purposeRoles, purpose * roles.words(), role);
    }

    public boolean recipientDeclared(int purpose, int recipient) {
        return test(purposeRecipients, purpose * recipients.words(), recipient);
    }

    /** The recipient processes data outside the EEA without a Chapter V safeguard (R1.8). */
    public boolean withoutSafeguard(int recipient) {
        return test(recipientsWithoutSafeguard, 0, recipient);
    }

    public boolean outsideEea(int recipient) {
        return test(recipientsOutsideEea, 0, recipient);
    }

    /** The recipient may receive pseudonymised data only (R6.5). */
    public boolean pseudonymisedOnly(int recipient) {
        return test(recipientsPseudonymisedOnly, 0, recipient);
    }

    @Override
    public String toString() {
        return "CompiledPolicy[" + purposes.size() + " purposes, " + categories.size() + " data categories, "
                + roles.size() + " roles, " + recipients.size() + " recipients]";
    }

    /** One kind of id interned to the dense ints 0…size-1, in policy order. */
    private record Interned(Map<String, Integer> ids, String[] names, int words) {

        static <T> Interned of(List<T> declared, Function<T, String> id) {
            Map<String, Integer> ids = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (T t : declared) {
                String name = id.apply(t);
                if (name != null && ids.putIfAbsent(name, names.size()) == null) {
                    names.add(name);
                }
            }
            // At least one word, so an empty set is still a valid (all-zero) mask.
            return new Interned(Map.copyOf(ids), names.toArray(String[]::new), Math.max(1, (names.size() + 63) >>> 6));
        }

        int id(String name) {
            if (name == null) {
                return -1;
            }
            Integer id = ids.get(name);
            return id == null ? -1 : id;
        }

        String name(int id) {
            return names[id];
        }

        int size() {
            return names.length;
        }
    }
}
