package nl.waarborg.breaches.service;

import java.time.Instant;
import java.util.List;
import nl.waarborg.breaches.Breach;
import nl.waarborg.breaches.BreachAction;
import nl.waarborg.breaches.BreachClock;
import nl.waarborg.breaches.EnisaSeverity;
import nl.waarborg.breaches.Nature;

/**
 * A breach as the API and the JSON export show it: the current version's facts in the register's terms, its
 * assessment, decisions and notifications, and the clock at the moment of asking (due in UTC and in the
 * organisation's zone, with its offset). Numbers of people and records are null when not known.
 */
public record BreachView(String reference, int version, String change, Instant changedAt, String changedBy,
                         String title, String summary, Instant occurredAt, Instant occurredUntil, Instant detectedAt,
                         Instant awareAt, Instant processorToldAt, String awarenessDelayReason, List<String> nature,
                         List<String> actions, List<String> systems, List<String> dataCategories,
                         List<String> specialCategories, Long approximatePeople, Long approximateRecords,
                         String processor, String otherOrganisations, List<String> countries, boolean crossBorder,
                         String measuresTaken, String measuresPlanned, boolean ongoing, String role,
                         AssessmentView assessment, ExemptionView exemption, DecisionsView decisions,
                         List<NotificationView> notifications, boolean open, Instant closedAt, ClockView clock) {

    /**
     * {@code state}: running, warning (less than an hour left), late, notified, not-required; {@code due}: the first
     * late moment in UTC, {@code dueLocal} the same moment in {@code zone} with its offset; {@code minutesLeft}
     * negative when late; {@code notifies}: the AP (controller) or the controller (processor).
     */
    public record ClockView(String state, Instant awareAt, Instant due, String awareLocal, String dueLocal, String zone,
                            String period, long minutesLeft, String notifies) {}

    public record SeverityView(double dataProcessingContext, double easeOfIdentification, double confidentiality,
                               double integrity, double availability, boolean maliciousIntent, double circumstances,
                               double score, String level, String method) {}

    public record AssessmentView(String level, String reasoning, SeverityView severity, boolean encryptedAtRest,
                                 boolean keysCompromised) {}

    public record ExemptionView(boolean granted, String reason, String provision) {}

    public record DecisionsView(Boolean notifyAuthority, String authorityReason, String notifySubjects,
                                String subjectsReason, String closeRefusal) {}

    public record NotificationView(String phase, Instant sentAt, String number, String delayReason, boolean late) {}

    static final String ENISA = "ENISA 2013, Recommendations for a methodology of the assessment of severity of "
            + "personal data breaches: SE = DPC x EI + CB";

    public static BreachView of(BreachVersion v, BreachClock c, Instant now) {
        Breach b = v.breach();
        BreachClock.State state = c.state(now, b.notified(), b.notificationNotRequired());
        ClockView clock = new ClockView(state.term(), c.awareAt(), c.due(), c.awareInZone().toOffsetDateTime().toString(),
                c.dueInZone().toOffsetDateTime().toString(), c.zone().getId(), c.period().toString(),
                c.left(now).toMinutes(), b.role() == nl.waarborg.breaches.BreachRole.PROCESSOR ? "controller" : "authority");
        AssessmentView assessment = b.assessment() == null ? null : new AssessmentView(b.assessment().level().term(),
                b.assessment().reasoning(), severity(b.assessment().severity()), b.assessment().encryptedAtRest(),
                b.assessment().keysCompromised());
        ExemptionView exemption = b.exemption() == null ? null
                : new ExemptionView(b.exemption().granted(), b.exemption().reason(), "Art. 34(3)(a) GDPR");
        DecisionsView decisions = new DecisionsView(b.decisions().notifyAuthority(), b.decisions().authorityReason(),
                b.decisions().notifySubjects() == null ? null : b.decisions().notifySubjects().term(),
                b.decisions().subjectsReason(), b.decisions().closeRefusal().orElse(null));
        return new BreachView(b.reference(), v.version(), v.change(), v.changedAt(), v.changedBy(), b.title(),
                b.summary(), b.occurredAt(), b.occurredUntil(), b.detectedAt(), b.awareAt(), b.processorToldAt(),
                b.awarenessDelayReason(), b.nature().stream().map(Nature::term).toList(),
                b.actions().stream().map(BreachAction::term).toList(), b.systems(), b.dataCategories(),
                b.specialCategories(), b.approximatePeople(), b.approximateRecords(), b.processor(),
                b.otherOrganisations(), b.countries(), b.crossBorder(), b.measuresTaken(), b.measuresPlanned(),
                b.ongoing(), b.role().term(), assessment, exemption, decisions,
                b.notifications().stream().map(n -> new NotificationView(n.phase().term(), n.sentAt(), n.number(),
                        n.delayReason(), n.late())).toList(), b.open(), b.closedAt(), clock);
    }

    private static SeverityView severity(EnisaSeverity s) {
        return s == null ? null : new SeverityView(s.dataProcessingContext(), s.easeOfIdentification(),
                s.confidentiality(), s.integrity(), s.availability(), s.maliciousIntent(), s.circumstances(), s.score(),
                s.level().term(), ENISA);
    }

}
