package nl.waarborg.breaches.service;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.waarborg.breaches.Breach;
import nl.waarborg.breaches.Decisions;
import nl.waarborg.breaches.Notification;
import nl.waarborg.breaches.letters.AffectedPersonLetter;
import nl.waarborg.breaches.letters.ApNotificationDraft;
import nl.waarborg.breaches.letters.BreachFacts;
import nl.waarborg.breaches.letters.ControllerNotice;
import nl.waarborg.documents.Doc;
import nl.waarborg.documents.DocRenderer;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.stereotype.Service;

/**
 * The documents of a breach (docs/breaches.md, "Documents"): the register's current version and the policy in force put
 * into {@link BreachFacts}, written as the AP notification draft or the letter to the people affected.
 *
 * <p>How the register's facts are read: the likely consequences (Art. 33(3)(c)) are the risk assessment's reasoning;
 * the measures taken beforehand are the encryption at rest the assessment records; the people informed follow the
 * decision on the people affected ({@code yes} is {@code planned} until staff record otherwise); the phase, the
 * notification's moment, its delay reason and the AP's number come from the notifications sent; the governing law is
 * the GDPR (the policy format has no Telecommunicatiewet setting yet).
 */
@Service
public class BreachDocuments {

    /** Which document. */
    public enum Kind { NOTIFICATION_DRAFT, LETTER, CONTROLLER_NOTICE }

    private final Breaches breaches;
    private final ActivePolicy policy;

    BreachDocuments(Breaches breaches, ActivePolicy policy) {
        this.breaches = breaches;
        this.policy = policy;
    }

    /**
     * {@code processing}: for the notice to a controller, the policy's processing for it ({@code as-processor} id);
     * null when the policy declares exactly one.
     */
    public byte[] render(String reference, Kind kind, Lang lang, StatementFormat format, String processing) {
        Breach b = breaches.find(reference).breach();
        Policy p = policy.policy();
        Lang language = lang != null ? lang : p.statement().languages().getFirst();
        BreachFacts facts = facts(b, p, language);
        Doc doc = switch (kind) {
            case NOTIFICATION_DRAFT -> ApNotificationDraft.doc(facts, language, breaches.properties().zone());
            case LETTER -> AffectedPersonLetter.doc(facts, language, breaches.properties().zone());
            case CONTROLLER_NOTICE -> ControllerNotice.doc(facts, controller(b, p, processing), language,
                    breaches.properties().zone());
        };
        return DocRenderer.render(doc, language, format);
    }

    /** The controller the organisation processes for, told of a breach it found as processor (Art. 33(2)). */
    private static String controller(Breach b, Policy p, String processing) {
        if (b.role() != nl.waarborg.breaches.BreachRole.PROCESSOR) {
            throw new NotProcessorsBreachException();
        }
        List<Policy.ProcessorActivity> activities = p.asProcessor();
        if (processing == null) {
            if (activities.size() != 1) {
                throw new nl.waarborg.input.InvalidInputException("processing", "name the processing for the controller "
                        + "(the policy's as-processor id): the policy declares " + activities.size());
            }
            return activities.getFirst().controllerName();
        }
        return activities.stream().filter(a -> a.id().equals(processing)).findFirst()
                .map(Policy.ProcessorActivity::controllerName)
                .orElseThrow(() -> new nl.waarborg.input.InvalidInputException("processing",
                        "the policy declares no as-processor processing with this id"));
    }

    static BreachFacts facts(Breach b, Policy p, Lang lang) {
        Policy.Controller c = p.controller();
        Policy.Contact contact = c == null ? null : c.contact();
        Policy.Dpo dpo = c == null ? null : c.dpo();
        List<Notification> sent = b.notifications();
        Notification initial = sent.stream().filter(n -> n.phase() == Notification.Phase.INITIAL).findFirst().orElse(null);
        Notification last = sent.isEmpty() ? null : sent.getLast();
        String number = sent.stream().map(Notification::number).filter(x -> x != null && !x.isBlank())
                .reduce((first, second) -> second).orElse(null);
        Decisions d = b.decisions();
        String informed = d.notifySubjects() == null ? "no" : switch (d.notifySubjects()) {
            case YES -> "planned";
            case NO -> "no";
            case PUBLIC_NOTICE -> "public-notice";
        };
        boolean encrypted = b.assessment() != null && b.assessment().encryptedAtRest();
        Set<String> subjectCategories = new LinkedHashSet<>();
        p.purposes().stream().filter(x -> x.data().stream().anyMatch(b.dataCategories()::contains))
                .forEach(x -> subjectCategories.addAll(x.subjects()));
        return new BreachFacts(b.reference(), c == null ? "" : c.name(), c == null ? null : c.name(),
                contact == null ? null : contact.email(), contact == null ? null : contact.phone(),
                dpo == null ? null : dpo.name(), dpo == null ? null : dpo.email(), "avg", b.occurredAt(),
                b.occurredUntil(), b.detectedAt(), b.awareAt(), b.processorToldAt(), b.awarenessDelayReason(),
                initial == null ? null : initial.sentAt(), initial == null ? null : initial.delayReason(),
                b.nature().stream().map(n -> n.name().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(
                        java.util.TreeSet::new)),
                b.actions().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(
                        java.util.TreeSet::new)),
                b.summary(), b.dataCategories().stream().map(id -> p.dataCategories().stream()
                        .filter(x -> x.id().equals(id)).findFirst().map(x -> x.name().in(lang)).orElse(id)).toList(),
                !b.specialCategories().isEmpty(), b.approximatePeople(), b.approximatePeople(), b.approximateRecords(),
                b.approximateRecords(), subjectCategories.stream().sorted(Comparator.naturalOrder()).map(id ->
                        p.subjectCategories().stream().filter(x -> x.id().equals(id)).findFirst()
                                .map(x -> x.name().in(lang)).orElse(id)).toList(),
                join(b.processor(), b.otherOrganisations()), b.countries(), null, encrypted,
                b.assessment() == null ? null : b.assessment().reasoning(), b.measuresTaken(), b.measuresPlanned(),
                b.ongoing(), informed, d.subjectsReason(), last == null ? "initial" : last.phase().term(), number);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + "; " + b;
    }

    /** The notice to a controller is for a breach the organisation found as processor. */
    static final class NotProcessorsBreachException extends nl.waarborg.input.ApiException {
        NotProcessorsBreachException() {
            super(org.springframework.http.HttpStatus.CONFLICT, "Not a processor's breach", "the organisation is the "
                    + "controller for this breach: it notifies the AP itself (notification-draft), there is no controller "
                    + "to tell");
        }
    }
}
