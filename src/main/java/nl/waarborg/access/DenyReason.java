package nl.waarborg.access;

import java.util.Locale;

/**
 * Why a use is denied; machine-readable ({@link #code()}) and tied to the requirement it enforces. A denial
 * carries every reason that applies, as a bit mask ({@link #bit()}). Reasons marked per category also say
 * which of the requested data categories failed. docs/decisions.md explains each one.
 */
public enum DenyReason {
    /** The subject state was built against another compiled policy (another version): rebuild it. */
    STALE_SUBJECT_STATE("design principle 1", false, "the subject state belongs to another policy version"),
    UNKNOWN_PURPOSE("R1.5", false, "the purpose is not declared in the policy"),
    UNKNOWN_ROLE("R6.1", false, "the role is not declared in the policy"),
    UNKNOWN_CATEGORY("R1.3", false, "a data category is not declared in the policy"),
    UNKNOWN_RECIPIENT("R1.7", false, "the recipient is not declared in the policy"),
    NO_CATEGORY("design principle 2", false, "the request names no data category"),
    NO_LEGAL_BASIS("R1.6", false, "the purpose has no legal basis"),
    SUBJECT_CATEGORY_NOT_DECLARED("R1.2, R1.5", false, "the purpose does not use data of the subject's categories"),
    CATEGORY_NOT_DECLARED_FOR_PURPOSE("R1.5, R6.6", true, "the data category is not declared for the purpose"),
    ROLE_NOT_ALLOWED("R6.1", false, "the role may not use data for the purpose"),
    RETENTION_OVER("R2.1", true, "the retention period is over: the data must be deleted or anonymised"),
    /**
     * Only the purposes of the retention rules still running may use the data (typically a legal obligation). The
     * code stays {@code legal-obligation-only}; where the purposes are known the message names them
     * ({@link #retainedOnlyFor}).
     */
    LEGAL_OBLIGATION_ONLY("R2.2, R2.7", true, "retained only for the purposes of the retention rules still running"),
    NO_CONSENT("R1.6, R5.1", false, "the purpose needs consent and the subject has not given it"),
    CONSENT_WITHDRAWN("R3.7, R5.2", false, "the subject withdrew consent for the purpose"),
    OBJECTION_UPHELD("R3.6", false, "the subject objected to the purpose and the objection is upheld"),
    RESTRICTION_ACTIVE("R3.3", true, "processing is restricted: the data may only be stored"),
    NO_RECIPIENT("R1.7", false, "a transfer needs a recipient"),
    RECIPIENT_NOT_DECLARED("R1.7", false, "the recipient is not declared for the purpose"),
    TRANSFER_WITHOUT_SAFEGUARD("R1.8", false, "the recipient is outside the EEA without a transfer safeguard"),
    PSEUDONYMISED_ONLY("R6.5", false, "the recipient may receive pseudonymised data only"),
    /** Per item, in the vault's reads: the item was collected for other purposes (Art. 5(1)(b), 6(4) GDPR). */
    NOT_COLLECTED_FOR_PURPOSE("R1.5", false,
            "the item was not collected for the purpose, nor for a purpose the policy declares it compatible with");

    private static final DenyReason[] ALL = values();

    private final String requirement;
    private final boolean perCategory;
    private final String message;

    DenyReason(String requirement, boolean perCategory, String message) {
        this.requirement = requirement;
        this.perCategory = perCategory;
        this.message = message;
    }

    /** The bit of this reason in {@link Decision.Deny#reasonBits()}. */
    public long bit() {
        return 1L << ordinal();
    }

    /** Stable machine-readable code for APIs and the audit log, e.g. {@code role-not-allowed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The requirement ids (requirements.md) the check enforces. */
    public String requirement() {
        return requirement;
    }

    /** Whether the reason applies to some of the requested data categories rather than the whole request. */
    public boolean perCategory() {
        return perCategory;
    }

    public String message() {
        return message;
    }

    /**
     * The message of {@link #LEGAL_OBLIGATION_ONLY} naming the purposes that may still use the data, e.g. "retained
     * only for: fiscal-records, legal-claims" (purpose ids of the policy, sorted; never a personal value). Without
     * purposes: the general message.
     */
    public static String retainedOnlyFor(java.util.Collection<String> purposes) {
        if (purposes == null || purposes.isEmpty()) {
            return LEGAL_OBLIGATION_ONLY.message;
        }
        return "retained only for: " + String.join(", ", new java.util.TreeSet<>(purposes));
    }

    /**
     * The message for a use of the subject's data of these categories (the compiled policy's ids): for
     * {@link #LEGAL_OBLIGATION_ONLY} naming the purposes that may still use it, else {@link #message()}.
     */
    public String message(SubjectState state, int... categories) {
        if (this != LEGAL_OBLIGATION_ONLY) {
            return message;
        }
        java.util.Set<String> purposes = new java.util.TreeSet<>();
        for (int c : categories) {
            purposes.addAll(state.retainedForPurposes(c));
        }
        return retainedOnlyFor(purposes);
    }

    static DenyReason ofOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    static int count() {
        return ALL.length;
    }
}
