package nl.waarborg.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One entry of the audit log: who (actor and role) did what (action) for which purpose to which subject's
 * data (categories), how it ended (outcome and reasons) and under which policy version; with its place in
 * the hash chain (seq, the previous event's hash, its own hash).
 *
 * <p>An event holds <b>no personal values</b> (design principle 2): the subject is an internal id, data is
 * named by category, never by content, and every other field is a term (an id or a code such as
 * {@code consent-withdrawn}), never free text. {@link Draft} refuses anything that is not a term, so an
 * e-mail address or a name cannot slip in through a field meant for codes.
 *
 * <p>This type does not validate: a row read back from the database must become an event even when it was
 * tampered with, so that verification can name it instead of failing to read it.
 */
public record AuditEvent(long seq, Instant occurredAt, String actor, String role, String action, String purpose,
                         UUID subjectId, List<String> categories, Outcome outcome, List<String> reasons,
                         Long policyVersion, AuditHash prevHash, AuditHash hash) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        categories = List.copyOf(categories); // no copy when already unmodifiable
        reasons = List.copyOf(reasons);
    }

    /** A new draft: {@code actor} in {@code role} does {@code action}; allowed, no purpose, subject or data yet. */
    public static Draft draft(String actor, String role, String action) {
        return new Draft(actor, role, action, null, null, List.of(), Outcome.ALLOWED, List.of(), null);
    }

    /** What the caller knows about an event; the audit log adds seq, time and the hashes when it appends it. */
    public Draft toDraft() {
        return new Draft(actor, role, action, purpose, subjectId, categories, outcome, reasons, policyVersion);
    }

    /**
     * An event before it is appended. Every text is a term: letters, digits and {@code . _ : / + -}, starting
     * with a letter or digit, at most 200 characters; no spaces and no {@code @}, so no sentences, names or
     * e-mail addresses. A denial or failure names at least one reason.
     *
     * @param actor         who acted: a staff account, an API key, a system job ({@code system:retention})
     * @param role          the role the actor acted in ({@code DPO}, {@code front-desk})
     * @param action        what was done ({@code read}, {@code erase}, {@code export}, {@code transfer}, …)
     * @param purpose       the policy purpose id, or null when the action serves none (a login)
     * @param subjectId     the subject's internal id, or null when no subject is involved
     * @param categories    the data category ids touched (possibly none)
     * @param outcome       how it ended
     * @param reasons       codes that explain the outcome (the lint or decision rule ids)
     * @param policyVersion the stored policy version the decision was made under, or null
     */
    public record Draft(String actor, String role, String action, String purpose, UUID subjectId,
                        List<String> categories, Outcome outcome, List<String> reasons, Long policyVersion) {

        /** At most 200 characters and no whitespace or '@', so a field can hold a code but not a personal value. */
        private static final Pattern TERM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,199}");

        public Draft {
            term("actor", actor);
            term("role", role);
            term("action", action);
            if (purpose != null) {
                term("purpose", purpose);
            }
            categories = terms("category", categories);
            Objects.requireNonNull(outcome, "outcome");
            reasons = terms("reason", reasons);
            if (outcome != Outcome.ALLOWED && reasons.isEmpty()) {
                throw new IllegalArgumentException("an event with outcome " + outcome.word() + " needs a reason");
            }
            if (policyVersion != null && policyVersion <= 0) {
                throw new IllegalArgumentException("policy version ids are positive: " + policyVersion);
            }
        }

        public Draft purpose(String purpose) {
            return new Draft(actor, role, action, purpose, subjectId, categories, outcome, reasons, policyVersion);
        }

        public Draft subject(UUID subjectId) {
            return new Draft(actor, role, action, purpose, subjectId, categories, outcome, reasons, policyVersion);
        }

        public Draft categories(String... categories) {
            return new Draft(actor, role, action, purpose, subjectId, List.of(categories), outcome, reasons, policyVersion);
        }

        public Draft outcome(Outcome outcome, String... reasons) {
            return new Draft(actor, role, action, purpose, subjectId, categories, outcome, List.of(reasons), policyVersion);
        }

        public Draft policyVersion(long policyVersion) {
            return new Draft(actor, role, action, purpose, subjectId, categories, outcome, reasons, policyVersion);
        }

        private static void term(String field, String value) {
            if (value == null || !TERM.matcher(value).matches()) {
                // the value itself stays out of the message: it may be the very personal value refused here
                throw new IllegalArgumentException("audit " + field + " must be a term (an id or code: letters, "
                        + "digits and . _ : / + -, at most 200 characters); "
                        + (value == null ? "it is missing" : "the value given (" + value.length() + " characters) is not one"));
            }
        }

        private static List<String> terms(String field, List<String> values) {
            Objects.requireNonNull(values, field + " list");
            List<String> copy = new ArrayList<>(values.size());
            for (String v : values) {
                term(field, v);
                copy.add(v);
            }
            return List.copyOf(copy);
        }
    }
}
