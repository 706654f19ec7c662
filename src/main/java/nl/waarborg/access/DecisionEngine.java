package nl.waarborg.access;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import nl.waarborg.policy.CompiledPolicy;

/**
 * Decides one use of personal data: (role, purpose, subject, data categories, action, recipient) → allow, or
 * deny with every reason that applies. docs/decisions.md lists the checks in order with their requirements.
 *
 * <p>The int methods are the hot path: ints from the compiled policy, a category mask built once at the edge
 * ({@link CompiledPolicy#categoryMask(String...)}), no allocation on allow and none on a deny that names no
 * data category. The string methods are for callers at the edge; an id the policy does not declare gives an
 * {@code UNKNOWN_…} reason, never an exception.
 */
public final class DecisionEngine {

    /** No recipient: the use hands the data to nobody. */
    public static final int NO_RECIPIENT = -1;

    private static final long UNKNOWN_PURPOSE = DenyReason.UNKNOWN_PURPOSE.bit();
    private static final long UNKNOWN_ROLE = DenyReason.UNKNOWN_ROLE.bit();
    private static final long UNKNOWN_CATEGORY = DenyReason.UNKNOWN_CATEGORY.bit();
    private static final long UNKNOWN_RECIPIENT = DenyReason.UNKNOWN_RECIPIENT.bit();

    private DecisionEngine() {
    }

    /** One use with no recipient and no circumstances asserted. */
    public static Decision decide(CompiledPolicy policy, SubjectState subject, int role, int purpose,
                                  long[] categories, Action action, int recipient) {
        return decide(policy, subject, role, purpose, categories, action, recipient, 0, null);
    }

    /** One use of one data category: no mask needed. */
    public static Decision decide(CompiledPolicy policy, SubjectState subject, int role, int purpose,
                                  int category, Action action, int recipient) {
        return decide(policy, subject, role, purpose, category, null, action, recipient, 0, null);
    }

    /**
     * One use, in full.
     *
     * @param categories    mask over the policy's data categories ({@link CompiledPolicy#categoryMask})
     * @param recipient     the recipient's int, or {@link #NO_RECIPIENT}
     * @param circumstances {@link Circumstance#mask} of what the caller asserts about this use (0: nothing)
     * @param item          the retention of the one item decided about, overriding the subject state's
     *                      category-level retention; null to use the subject state's
     */
    public static Decision decide(CompiledPolicy policy, SubjectState subject, int role, int purpose,
                                  long[] categories, Action action, int recipient, int circumstances,
                                  ItemRetention item) {
        return decide(policy, subject, role, purpose, -1, Objects.requireNonNull(categories, "categories"), action,
                recipient, circumstances, item);
    }

    // The one implementation: a single category (category >= 0, mask null) or a mask. Checks are all evaluated
    // so a denial names every reason, in the order of docs/decisions.md; only unknown ids stop early, as the
    // later checks mean nothing for them.
    private static Decision decide(CompiledPolicy policy, SubjectState subject, int role, int purpose, int category,
                                   long[] categories, Action action, int recipient, int circumstances,
                                   ItemRetention item) {
        Objects.requireNonNull(action, "action");
        long reasons = 0;
        // 1. Identity: every int must be one of this policy's, and the subject state built against it.
        if (subject.policy != policy) {
            reasons |= DenyReason.STALE_SUBJECT_STATE.bit();
        }
        if (purpose < 0 || purpose >= policy.purposeCount()) {
            reasons |= UNKNOWN_PURPOSE;
        }
        if (role < 0 || role >= policy.roleCount()) {
            reasons |= UNKNOWN_ROLE;
        }
        if (recipient < NO_RECIPIENT || recipient >= policy.recipientCount()) {
            reasons |= UNKNOWN_RECIPIENT;
        }
        if (categories == null ? category < 0 || category >= policy.categoryCount()
                : categories.length != policy.categoryWords()) { // a mask sized for another policy version
            reasons |= UNKNOWN_CATEGORY;
        }
        if (reasons != 0) {
            return Decision.Deny.of(reasons);
        }

        // 2. What the policy declares for the purpose.
        int flags = policy.flags(purpose);
        if ((flags & CompiledPolicy.HAS_BASIS) == 0) {
            reasons |= DenyReason.NO_LEGAL_BASIS.bit();
        }
        if ((flags & CompiledPolicy.DECLARES_SUBJECTS) != 0 && !inScope(policy, subject, purpose)) {
            reasons |= DenyReason.SUBJECT_CATEGORY_NOT_DECLARED.bit();
        }
        if (!policy.roleAllowed(purpose, role)) {
            reasons |= DenyReason.ROLE_NOT_ALLOWED.bit();
        }

        // 4. The subject's will: consent, objection. Keeping data (STORE) is retention's business, not theirs.
        boolean use = action != Action.STORE;
        if (use) {
            if ((flags & CompiledPolicy.NEEDS_CONSENT) != 0 && !bit(subject.consentGiven, purpose)) {
                reasons |= bit(subject.consentWithdrawn, purpose)
                        ? DenyReason.CONSENT_WITHDRAWN.bit() : DenyReason.NO_CONSENT.bit();
            }
            if (bit(subject.objectionUpheld, purpose)) {
                reasons |= DenyReason.OBJECTION_UPHELD.bit();
            }
        }

        // 5. The recipient.
        if (recipient != NO_RECIPIENT) {
            if (!policy.recipientDeclared(purpose, recipient)) {
                reasons |= DenyReason.RECIPIENT_NOT_DECLARED.bit();
            }
            if (policy.withoutSafeguard(recipient)) {
                reasons |= DenyReason.TRANSFER_WITHOUT_SAFEGUARD.bit();
            }
            if (policy.pseudonymisedOnly(recipient) && (circumstances & Circumstance.PSEUDONYMISED.bit()) == 0) {
                reasons |= DenyReason.PSEUDONYMISED_ONLY.bit();
            }
        } else if (action == Action.TRANSFER) {
            reasons |= DenyReason.NO_RECIPIENT.bit();
        }

        // 2, 3, 4 per data category: declared for the purpose, retention, restriction. One pass over the mask
        // words; the failing categories are only collected (allocating) when one fails.
        boolean restrictable = use && (circumstances & Circumstance.RESTRICTION_EXCEPTIONS) == 0;
        int words = policy.categoryWords();
        long any = 0;
        long[] failed = null;
        for (int w = 0; w < words; w++) {
            long c;
            if (categories != null) {
                c = categories[w];
            } else {
                c = (category >>> 6) == w ? 1L << category : 0;
            }
            if (c == 0) {
                continue;
            }
            any |= c;
            long undeclared = c & ~policy.categoryWord(purpose, w);
            long over;
            long legalOnly;
            if (item == null) {
                over = c & subject.retentionOver[w];
                long limited = c & subject.retentionLimited[w] & ~over;
                legalOnly = limited == 0 ? 0 : notRetainedFor(policy, subject, limited, w, purpose);
            } else {
                over = item.over() ? c : 0;
                legalOnly = !item.over() && !item.allows(purpose) ? c : 0;
            }
            long restricted = restrictable ? c & subject.restricted[w] : 0;
            if ((undeclared | over | legalOnly | restricted) != 0) {
                if (failed == null) {
                    failed = new long[Decision.Deny.PER_CATEGORY.length * words];
                }
                // Rows in the order of Decision.Deny.PER_CATEGORY.
                failed[w] = undeclared;
                failed[words + w] = over;
                failed[2 * words + w] = legalOnly;
                failed[3 * words + w] = restricted;
                reasons |= (undeclared != 0 ? DenyReason.CATEGORY_NOT_DECLARED_FOR_PURPOSE.bit() : 0)
                        | (over != 0 ? DenyReason.RETENTION_OVER.bit() : 0)
                        | (legalOnly != 0 ? DenyReason.LEGAL_OBLIGATION_ONLY.bit() : 0)
                        | (restricted != 0 ? DenyReason.RESTRICTION_ACTIVE.bit() : 0);
            }
        }
        if (any == 0) {
            reasons |= DenyReason.NO_CATEGORY.bit();
        }
        return reasons == 0 ? Decision.ALLOW : Decision.Deny.of(reasons, failed);
    }

    private static boolean inScope(CompiledPolicy policy, SubjectState subject, int purpose) {
        long[] memberships = subject.memberships;
        for (int w = 0; w < memberships.length; w++) {
            if ((memberships[w] & policy.subjectWord(purpose, w)) != 0) {
                return true;
            }
        }
        return false;
    }

    // The categories among `limited` (word w) whose retention no longer allows the purpose.
    private static long notRetainedFor(CompiledPolicy policy, SubjectState subject, long limited, int w, int purpose) {
        int purposeWords = policy.purposeWords();
        long purposeBit = 1L << purpose;
        long failing = 0;
        for (long bits = limited; bits != 0; bits &= bits - 1) {
            int c = (w << 6) + Long.numberOfTrailingZeros(bits);
            if ((subject.retainedFor[c * purposeWords + (purpose >>> 6)] & purposeBit) == 0) {
                failing |= bits & -bits;
            }
        }
        return failing;
    }

    private static boolean bit(long[] words, int bit) {
        return (words[bit >>> 6] & (1L << bit)) != 0;
    }

    // ---- many decisions ----

    /**
     * The same use for many subjects (a list screen, an export run): {@code out[i]} is the decision for
     * {@code subjects[i]}. Allocates nothing beyond what single decisions do.
     *
     * @return how many were allowed
     */
    public static int decideEach(CompiledPolicy policy, SubjectState[] subjects, int role, int purpose,
                                 long[] categories, Action action, int recipient, int circumstances, Decision[] out) {
        if (out.length < subjects.length) {
            throw new IllegalArgumentException("out holds " + out.length + " decisions, " + subjects.length + " needed");
        }
        int allowed = 0;
        for (int i = 0; i < subjects.length; i++) {
            Decision d = decide(policy, subjects[i], role, purpose, categories, action, recipient, circumstances, null);
            out[i] = d;
            if (d == Decision.ALLOW) {
                allowed++;
            }
        }
        return allowed;
    }

    /** Many uses for one subject, by string ids; the decisions in the order of the requests. */
    public static List<Decision> decideAll(CompiledPolicy policy, SubjectState subject, List<DecisionRequest> requests) {
        return requests.stream().map(r -> decide(policy, subject, r)).toList();
    }

    // ---- the string edge ----

    /** One use by string ids; {@code recipient} null for none. */
    public static Decision decide(CompiledPolicy policy, SubjectState subject, String role, String purpose,
                                  Collection<String> categories, Action action, String recipient) {
        return decide(policy, subject, new DecisionRequest(role, purpose, categories, action, recipient, List.of()));
    }

    /** One use by string ids; ids the policy does not declare give {@code UNKNOWN_…} reasons. */
    public static Decision decide(CompiledPolicy policy, SubjectState subject, DecisionRequest request) {
        long unknown = 0;
        int p = policy.purposeId(request.purpose());
        int r = policy.roleId(request.role());
        int rc = request.recipient() == null ? NO_RECIPIENT : policy.recipientId(request.recipient());
        unknown |= p < 0 ? UNKNOWN_PURPOSE : 0;
        unknown |= r < 0 ? UNKNOWN_ROLE : 0;
        unknown |= request.recipient() != null && rc < 0 ? UNKNOWN_RECIPIENT : 0;
        long[] mask = policy.newCategoryMask();
        for (String category : request.categories()) {
            int c = policy.categoryId(category);
            if (c < 0) {
                unknown |= UNKNOWN_CATEGORY;
            } else {
                CompiledPolicy.addCategory(mask, c);
            }
        }
        if (unknown != 0) {
            return Decision.Deny.of(unknown | (subject.policy != policy ? DenyReason.STALE_SUBJECT_STATE.bit() : 0));
        }
        return decide(policy, subject, r, p, mask, request.action(), rc, Circumstance.mask(request.circumstances()),
                null);
    }
}
