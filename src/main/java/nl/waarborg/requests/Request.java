package nl.waarborg.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A data-subject request as stored: what is asked ({@code kinds}, and for an objection or a consent withdrawal the
 * {@code purposes}), how and when it came in, whose it is (Waarborg's subject, once found), its legal deadline and, when
 * extended, the later one, the identity check, and how it ended. {@code legalDeadline}: the first deadline without the
 * pause for identity, when the pause setting moved {@code deadline} (null otherwise); {@code restrictionGround}: the
 * Art. 18(1) ground of a restriction asked for. Holds no personal value.
 */
public record Request(UUID id, String reference, List<RequestKind> kinds, List<String> purposes, IntakeChannel channel,
                      String language, UUID subject, Instant receivedAt, String receivedBy, LocalDate deadline,
                      Instant deadlineEndsAt, LocalDate extendedTo, Instant extendedEndsAt, Instant extendedAt,
                      String extendedBy, String extensionReason, Identity identity, String identityMethod,
                      String identityBy, Instant identityAt, Status status, RefusalGround refusalGround,
                      String refusalReason, Instant closedAt, String closedBy, long policyVersion,
                      LocalDate legalDeadline, String restrictionGround) {

    public Request {
        kinds = List.copyOf(kinds);
        purposes = List.copyOf(purposes);
    }

    /** Where the request stands. */
    public enum Status {
        OPEN, REFUSED, COMPLETED;

        public String term() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The identity check (Art. 12(2), 12(6) GDPR). */
    public enum Identity {
        PENDING, VERIFIED, FAILED;

        public String term() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The request as it would be once extended: for the letter a preview shows before staff extend (docs/console.md
     * "Requests"); nothing is stored.
     */
    public Request asExtended(LocalDate to, Instant endsAt, Instant at, String by, String reason) {
        return new Request(id, reference, kinds, purposes, channel, language, subject, receivedAt, receivedBy, deadline,
                deadlineEndsAt, to, endsAt, at, by, reason, identity, identityMethod, identityBy, identityAt, status,
                refusalGround, refusalReason, closedAt, closedBy, policyVersion, legalDeadline, restrictionGround);
    }

    /** The request as it would be once refused (a preview's letter; nothing is stored). */
    public Request asRefused(RefusalGround ground, String reason, Instant at, String by) {
        return new Request(id, reference, kinds, purposes, channel, language, subject, receivedAt, receivedBy, deadline,
                deadlineEndsAt, extendedTo, extendedEndsAt, extendedAt, extendedBy, extensionReason, identity,
                identityMethod, identityBy, identityAt, Status.REFUSED, ground, reason, at, by, policyVersion,
                legalDeadline, restrictionGround);
    }

    /** The request as it would be once completed (a preview's letter; nothing is stored). */
    public Request asCompleted(Instant at, String by) {
        return new Request(id, reference, kinds, purposes, channel, language, subject, receivedAt, receivedBy, deadline,
                deadlineEndsAt, extendedTo, extendedEndsAt, extendedAt, extendedBy, extensionReason, identity,
                identityMethod, identityBy, identityAt, Status.COMPLETED, refusalGround, refusalReason, at, by,
                policyVersion, legalDeadline, restrictionGround);
    }

    /** The day of receipt in the organisation's {@code zone}. */
    public LocalDate receivedDay(java.time.ZoneId zone) {
        return LocalDate.ofInstant(receivedAt, zone);
    }

    /** The day the answer is due: the extended one when extended, else the first. */
    public LocalDate dueOn() {
        return extendedTo != null ? extendedTo : deadline;
    }

    /** The first moment the answer is late. */
    public Instant dueEndsAt() {
        return extendedEndsAt != null ? extendedEndsAt : deadlineEndsAt;
    }

    /** Whether the request is open past its deadline at {@code now}. */
    public boolean overdue(Instant now) {
        return status == Status.OPEN && !now.isBefore(dueEndsAt());
    }

    /** Why the deadline may not be extended at {@code now}, if it may not (Art. 12(3) GDPR). */
    public Optional<ExtensionRefusal> extensionRefusal(Instant now) {
        if (status != Status.OPEN) {
            return Optional.of(ExtensionRefusal.CLOSED);
        }
        if (extendedTo != null) {
            return Optional.of(ExtensionRefusal.ALREADY_EXTENDED);
        }
        // the person must be told within the first month: after its deadline the extension comes too late
        if (!now.isBefore(deadlineEndsAt)) {
            return Optional.of(ExtensionRefusal.FIRST_DEADLINE_PASSED);
        }
        return Optional.empty();
    }

    /** Why an extension is refused, each with what it means. */
    public enum ExtensionRefusal {
        CLOSED("closed", "the request is closed"),
        ALREADY_EXTENDED("already-extended", "the deadline was extended already; the law allows one extension of at "
                + "most two further months (Art. 12(3) GDPR)"),
        FIRST_DEADLINE_PASSED("first-deadline-passed", "the first deadline has passed: an extension must be told to "
                + "the person within the first month (Art. 12(3) GDPR)");

        private final String code;
        private final String message;

        ExtensionRefusal(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }
}
