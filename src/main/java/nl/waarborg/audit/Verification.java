package nl.waarborg.audit;

/** The result of checking the audit chain: intact, or broken at a named event and why. */
public sealed interface Verification {

    boolean ok();

    /** Every event checked is in place and unchanged. {@code lastSeq} 0 and the genesis hash for an empty log. */
    record Ok(long events, long lastSeq, AuditHash lastHash) implements Verification {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /** The first event at which the chain does not hold, why, and the details a reader needs to look. */
    record Broken(long seq, Why why, String detail) implements Verification {
        @Override
        public boolean ok() {
            return false;
        }

        /** {@code audit chain broken at event SEQ: reason}, as the command line prints it. */
        public String message() {
            return "audit chain broken at event " + seq + ": " + reason();
        }

        /** The kind and the details in one phrase. */
        public String reason() {
            return why.phrase + ": " + detail;
        }
    }

    enum Why {
        /** The event's stored hash is not the hash of its content: a field was changed. */
        CONTENT_CHANGED("content changed"),
        /** The event's previous hash is not the stored hash of the event before it. */
        LINK_BROKEN("link broken"),
        /** An event is missing, or the events are out of order. */
        GAP("gap in seq"),
        /** The chain ends before (or after) the last event the log recorded appending, or with another hash. */
        HEAD_MISMATCH("end of chain differs from the recorded head"),
        /** A checkpoint kept outside the database names an event the log no longer has, or another hash for it. */
        CHECKPOINT_DIFFERS("differs from a checkpoint kept outside the database");

        final String phrase;

        Why(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }
}
