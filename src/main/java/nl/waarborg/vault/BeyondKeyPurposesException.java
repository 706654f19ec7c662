package nl.waarborg.vault;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An application key asked for something its purposes do not cover (docs/vault.md, "Purpose limitation"): a
 * subject category it may not join, an event it may not record, a subject outside its purposes, a date further
 * back than the policy lets applications record, an item date further ahead than it lets them give. 403; the detail names policy ids only, never a personal value.
 */
public final class BeyondKeyPurposesException extends ErrorResponseException {

    /** The machine-readable reasons, also in the audit event of the refusal. */
    public enum Reason {
        CATEGORY_NOT_JOINABLE("category-not-joinable-for-key"),
        EVENT_NOT_RECORDABLE("event-not-recordable-for-key"),
        SUBJECT_OUTSIDE_PURPOSES("subject-outside-key-purposes"),
        BACK_DATED_BEYOND_LIMIT("back-dated-beyond-limit"),
        ITEM_DATE_BEYOND_LIMIT("item-date-beyond-limit");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    BeyondKeyPurposesException(Reason reason, UUID subject, String detail) {
        super(HttpStatus.FORBIDDEN, problem(reason, subject, detail), null);
        this.reason = reason;
    }

    private static ProblemDetail problem(Reason reason, UUID subject, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        p.setTitle("Not within the purposes of this key");
        p.setProperty("reason", reason.code());
        if (subject != null) {
            p.setProperty("subject", subject);
        }
        return p;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason.code() + ": " + getBody().getDetail();
    }
}
