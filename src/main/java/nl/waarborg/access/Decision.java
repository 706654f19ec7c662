package nl.waarborg.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.waarborg.policy.CompiledPolicy;

/**
 * The answer to one use of personal data: {@link #ALLOW}, the one shared allowance, or a {@link Deny} with
 * every reason that applies. Deciding never allocates on allow, and not on a deny that names no data category
 * (a small shared table of denials by reason mask).
 */
public sealed interface Decision permits Decision.Allow, Decision.Deny {

    /** The allowance; every allowed decision is this instance. */
    Decision ALLOW = Allow.INSTANCE;

    boolean allowed();

    /** The reasons as a mask of {@link DenyReason#bit()}; 0 when allowed. */
    long reasonBits();

    /** The reasons, in the order of {@link DenyReason}; empty when allowed. */
    Set<DenyReason> reasons();

    default boolean has(DenyReason reason) {
        return (reasonBits() & reason.bit()) != 0;
    }

    /** Machine-readable codes of the reasons, e.g. {@code [role-not-allowed, no-consent]}. */
    default List<String> codes() {
        return reasons().stream().map(DenyReason::code).toList();
    }

    /** The allowance. An enum, so there is exactly one. */
    enum Allow implements Decision {
        INSTANCE;

        @Override
        public boolean allowed() {
            return true;
        }

        @Override
        public long reasonBits() {
            return 0;
        }

        @Override
        public Set<DenyReason> reasons() {
            return Collections.emptySet();
        }

        @Override
        public String toString() {
            return "ALLOW";
        }
    }

    /**
     * A denial. For the reasons that apply per data category ({@link DenyReason#perCategory()}) it also says
     * which of the requested categories failed, by their int in the compiled policy.
     */
    final class Deny implements Decision {

        private static final long[] NONE = new long[0];
        // The per-category reasons, in the order their rows are laid out in `failed`.
        static final DenyReason[] PER_CATEGORY = {DenyReason.CATEGORY_NOT_DECLARED_FOR_PURPOSE,
                DenyReason.RETENTION_OVER, DenyReason.LEGAL_OBLIGATION_ONLY, DenyReason.RESTRICTION_ACTIVE};

        // A lossy, lock-free table of the denials that name no category, by reason mask: a deny of the same
        // kind is answered with the same instance, so the hot path does not allocate on deny either. Racy
        // writes are harmless: Deny is immutable with final fields (safely published), a lost write costs one
        // allocation.
        private static final int TABLE_BITS = 10;
        private static final Deny[] TABLE = new Deny[1 << TABLE_BITS];

        private final long reasons;
        // PER_CATEGORY.length rows of category-mask words: row k = the categories failing PER_CATEGORY[k].
        private final long[] failed;

        private Deny(long reasons, long[] failed) {
            this.reasons = reasons;
            this.failed = failed;
        }

        /** A denial naming no category: shared from the table. */
        static Deny of(long reasons) {
            int slot = (int) ((reasons * 0x9E3779B97F4A7C15L) >>> (64 - TABLE_BITS));
            Deny cached = TABLE[slot];
            if (cached != null && cached.reasons == reasons) {
                return cached;
            }
            Deny deny = new Deny(reasons, NONE);
            TABLE[slot] = deny;
            return deny;
        }

        /** A denial naming categories; {@code failed} is owned by the new instance. */
        static Deny of(long reasons, long[] failed) {
            return failed == null ? of(reasons) : new Deny(reasons, failed);
        }

        static int row(DenyReason reason) {
            for (int k = 0; k < PER_CATEGORY.length; k++) {
                if (PER_CATEGORY[k] == reason) {
                    return k;
                }
            }
            return -1;
        }

        @Override
        public boolean allowed() {
            return false;
        }

        @Override
        public long reasonBits() {
            return reasons;
        }

        @Override
        public Set<DenyReason> reasons() {
            EnumSet<DenyReason> set = EnumSet.noneOf(DenyReason.class);
            for (long bits = reasons; bits != 0; bits &= bits - 1) {
                set.add(DenyReason.ofOrdinal(Long.numberOfTrailingZeros(bits)));
            }
            return set;
        }

        /** The requested categories that failed any per-category reason, ascending. */
        public int[] failedCategoryIds() {
            int words = failed.length / PER_CATEGORY.length;
            long[] union = new long[words];
            for (int k = 0; k < PER_CATEGORY.length; k++) {
                for (int w = 0; w < words; w++) {
                    union[w] |= failed[k * words + w];
                }
            }
            return ids(union, 0, words);
        }

        /** The requested categories that failed {@code reason}, ascending; empty for a reason not per category. */
        public int[] failedCategoryIds(DenyReason reason) {
            int k = row(reason);
            if (k < 0 || failed.length == 0) {
                return new int[0];
            }
            int words = failed.length / PER_CATEGORY.length;
            return ids(failed, k * words, words);
        }

        /** The ids of the categories that failed, as declared in the policy. */
        public List<String> failedCategories(CompiledPolicy policy) {
            return names(policy, failedCategoryIds());
        }

        public List<String> failedCategories(CompiledPolicy policy, DenyReason reason) {
            return names(policy, failedCategoryIds(reason));
        }

        private static List<String> names(CompiledPolicy policy, int[] ids) {
            List<String> names = new ArrayList<>(ids.length);
            for (int id : ids) { // a hand-made mask may carry bits past the last category
                names.add(id < policy.categoryCount() ? policy.category(id) : "#" + id);
            }
            return names;
        }

        private static int[] ids(long[] words, int offset, int length) {
            int count = 0;
            for (int w = 0; w < length; w++) {
                count += Long.bitCount(words[offset + w]);
            }
            int[] ids = new int[count];
            int i = 0;
            for (int w = 0; w < length; w++) {
                for (long bits = words[offset + w]; bits != 0; bits &= bits - 1) {
                    ids[i++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                }
            }
            return ids;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Deny d && d.reasons == reasons && Arrays.equals(d.failed, failed);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(reasons) * 31 + Arrays.hashCode(failed);
        }

        @Override
        public String toString() {
            return "DENY" + codes() + (failed.length == 0 ? "" : " categories " + Arrays.toString(failedCategoryIds()));
        }
    }
}
