package nl.waarborg.breaches;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One breach as the register holds it in one version (docs/breaches.md): the facts staff record (Art. 33(3), 33(5)
 * GDPR), the assessment, the decisions and the notifications sent. Immutable: every change is a new version.
 *
 * @param reference            {@code BR-XXXX-XXXX} ({@link BreachReference})
 * @param title                a short name, in staff's words
 * @param summary              what happened, in staff's words
 * @param occurredAt           when it happened (null: not known; the start when it went on for a while)
 * @param occurredUntil        when it stopped, for a breach that went on (null: a moment, or not known, or ongoing)
 * @param detectedAt           when it was first noticed
 * @param awareAt              when the organisation became aware with reasonable certainty that personal data was
 *                             breached: the clock starts here (Art. 33(1); EDPB Guidelines 9/2022)
 * @param processorToldAt      when a processor that found it told the organisation (Art. 33(2)); null otherwise
 * @param awarenessDelayReason why awareness came more than 24 hours after detection (required then)
 * @param nature               confidentiality, integrity, availability (at least one)
 * @param actions              reading, copying, altering, deleting, loss, theft
 * @param systems              the policy's system ids the breach touched
 * @param dataCategories       the policy's data category ids concerned (Art. 33(3)(a))
 * @param specialCategories    those of them the policy marks as needing extra protection (special, criminal, national
 *                             id, children's), taken from the policy when recorded
 * @param approximatePeople    approximately how many people (Art. 33(3)(a)); null: not known
 * @param approximateRecords   approximately how many records, counted separately; null: not known
 * @param processor            a processor involved, by name
 * @param otherOrganisations   other organisations involved
 * @param countries            countries concerned (ISO 3166 codes), for a cross-border breach
 * @param crossBorder          whether people in other member states are affected (Art. 56: the lead authority)
 * @param measuresTaken        measures taken to address it (Art. 33(3)(d))
 * @param measuresPlanned      measures planned
 * @param ongoing              whether it is still going on
 * @param role                 the organisation's role: controller (notifies the AP) or processor (tells the controller)
 * @param assessment           the risk assessment (null until assessed)
 * @param exemption            the Art. 34(3)(a) exemption as it followed from the assessment (null until assessed)
 * @param decisions            the notification decisions so far
 * @param notifications        the notifications sent, in order
 * @param closedAt             when it was closed (null: open)
 */
public record Breach(String reference, String title, String summary, Instant occurredAt, Instant occurredUntil,
                     Instant detectedAt, Instant awareAt, Instant processorToldAt, String awarenessDelayReason,
                     Set<Nature> nature, Set<BreachAction> actions, List<String> systems, List<String> dataCategories,
                     List<String> specialCategories, Long approximatePeople, Long approximateRecords, String processor,
                     String otherOrganisations, List<String> countries, boolean crossBorder, String measuresTaken,
                     String measuresPlanned, boolean ongoing, BreachRole role, RiskAssessment assessment,
                     Exemption exemption, Decisions decisions, List<Notification> notifications, Instant closedAt) {

    /** Awareness more than this after detection needs a reason (issue 17; EDPB Guidelines 9/2022, para. 31-33). */
    public static final Duration AWARENESS_WITHOUT_REASON = Duration.ofHours(24);

    public Breach {
        if (title == null || title.isBlank()) {
            throw new BreachInputException("title", "a breach has a title");
        }
        if (detectedAt == null) {
            throw new BreachInputException("detectedAt", "when the breach was detected is required");
        }
        if (awareAt == null) {
            throw new BreachInputException("awareAt", "when the organisation became aware of the breach is required: "
                    + "the 72 hours of Art. 33(1) GDPR run from then");
        }
        if (awareAt.isBefore(detectedAt)) {
            throw new BreachInputException("awareAt", "awareness cannot come before detection");
        }
        if (occurredAt != null && occurredAt.isAfter(detectedAt)) {
            throw new BreachInputException("occurredAt", "a breach cannot have occurred after it was detected");
        }
        if (occurredUntil != null && (occurredAt == null || occurredUntil.isBefore(occurredAt))) {
            throw new BreachInputException("occurredUntil", "the end of a breach that went on follows its start");
        }
        if (Duration.between(detectedAt, awareAt).compareTo(AWARENESS_WITHOUT_REASON) > 0
                && (awarenessDelayReason == null || awarenessDelayReason.isBlank())) {
            throw new BreachInputException("awarenessDelayReason", "awareness came more than 24 hours after detection: "
                    + "say why (the clock of Art. 33(1) GDPR starts at awareness)");
        }
        if (nature == null || nature.isEmpty()) {
            throw new BreachInputException("nature", "at least one of confidentiality, integrity, availability");
        }
        if (approximatePeople != null && approximatePeople < 0) {
            throw new BreachInputException("approximatePeople", "a number of people is not negative (null: not known)");
        }
        if (approximateRecords != null && approximateRecords < 0) {
            throw new BreachInputException("approximateRecords", "a number of records is not negative (null: not known)");
        }
        if (role == null) {
            throw new BreachInputException("role", "controller or processor");
        }
        nature = Collections.unmodifiableSet(EnumSet.copyOf(nature));
        actions = actions == null || actions.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(BreachAction.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(actions));
        systems = list(systems);
        dataCategories = list(dataCategories);
        specialCategories = list(specialCategories);
        countries = list(countries);
        decisions = decisions == null ? Decisions.NONE : decisions;
        notifications = list(notifications);
    }

    private static <T> List<T> list(Collection<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** The notification clock: 72 hours for a controller, the processor's own period for a processor. */
    public BreachClock clock(Duration processorNotice, ZoneId zone) {
        return BreachClock.of(role, awareAt, processorNotice, zone);
    }

    /** Whether the initial notification was sent. */
    public boolean notified() {
        return notifications.stream().anyMatch(n -> n.phase() == Notification.Phase.INITIAL);
    }

    /** Whether it was decided that the AP (or the controller) need not be notified. */
    public boolean notificationNotRequired() {
        return Boolean.FALSE.equals(decisions.notifyAuthority());
    }

    public BreachClock.State state(Instant now, Duration processorNotice, ZoneId zone) {
        return clock(processorNotice, zone).state(now, notified(), notificationNotRequired());
    }

    public boolean open() {
        return closedAt == null;
    }

    /** This breach assessed: the exemption follows from the assessment and the breach's nature. */
    public Breach assessed(RiskAssessment a, boolean onlyVault) {
        Exemption e = Exemption.unintelligible(nature, onlyVault || a.encryptedAtRest(), a.keysCompromised());
        return new Breach(reference, title, summary, occurredAt, occurredUntil, detectedAt, awareAt, processorToldAt,
                awarenessDelayReason, nature, actions, systems, dataCategories, specialCategories, approximatePeople,
                approximateRecords, processor, otherOrganisations, countries, crossBorder, measuresTaken,
                measuresPlanned, ongoing, role, a, e, decisions, notifications, closedAt);
    }

    public Breach decided(Decisions d) {
        return new Breach(reference, title, summary, occurredAt, occurredUntil, detectedAt, awareAt, processorToldAt,
                awarenessDelayReason, nature, actions, systems, dataCategories, specialCategories, approximatePeople,
                approximateRecords, processor, otherOrganisations, countries, crossBorder, measuresTaken,
                measuresPlanned, ongoing, role, assessment, exemption, decisions.with(d), notifications, closedAt);
    }

    /**
     * This breach with a notification sent at {@code sentAt}: an initial one once, the other phases after it; an
     * initial one after the clock ran out only with the reasons for the delay (Art. 33(1)).
     */
    public Breach notifiedWith(Notification.Phase phase, Instant sentAt, String number, String delayReason,
                               BreachClock clock) {
        if (phase == Notification.Phase.INITIAL && notified()) {
            throw new BreachInputException("phase", "the initial notification was sent already: send a supplement, "
                    + "an amendment or a withdrawal (Art. 33(4) GDPR)");
        }
        if (phase != Notification.Phase.INITIAL && !notified()) {
            throw new BreachInputException("phase", "a " + phase.term() + " follows the initial notification");
        }
        if (sentAt.isBefore(awareAt)) {
            throw new BreachInputException("sentAt", "a notification is not sent before the organisation was aware");
        }
        boolean late = phase == Notification.Phase.INITIAL && clock.late(sentAt);
        if (late && (delayReason == null || delayReason.isBlank())) {
            throw new BreachInputException("delayReason", "the notification comes after the " + clock.period().toHours()
                    + " hours since awareness: the reasons for the delay are required (Art. 33(1) GDPR)");
        }
        List<Notification> all = new ArrayList<>(notifications);
        all.add(new Notification(phase, sentAt, number == null || number.isBlank() ? null : number.strip(),
                delayReason == null || delayReason.isBlank() ? null : delayReason.strip(), late));
        return new Breach(reference, title, summary, occurredAt, occurredUntil, detectedAt, awareAt, processorToldAt,
                awarenessDelayReason, nature, actions, systems, dataCategories, specialCategories, approximatePeople,
                approximateRecords, processor, otherOrganisations, countries, crossBorder, measuresTaken,
                measuresPlanned, ongoing, role, assessment, exemption, decisions, all, closedAt);
    }

    /** This breach closed at {@code at}; refused (with the term why) while a decision or its reason is missing. */
    public Breach closed(Instant at) {
        decisions.closeRefusal().ifPresent(refusal -> {
            throw new CannotCloseException(refusal);
        });
        return new Breach(reference, title, summary, occurredAt, occurredUntil, detectedAt, awareAt, processorToldAt,
                awarenessDelayReason, nature, actions, systems, dataCategories, specialCategories, approximatePeople,
                approximateRecords, processor, otherOrganisations, countries, crossBorder, measuresTaken,
                measuresPlanned, ongoing, role, assessment, exemption, decisions, notifications, at);
    }

    /** A breach cannot be closed without both notification decisions and their reasons. */
    public static final class CannotCloseException extends RuntimeException {
        private final String code;

        CannotCloseException(String code) {
            super("a breach is closed only once the decisions to notify the AP and the people affected are taken, "
                    + "each with its reason (" + code + ")");
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
