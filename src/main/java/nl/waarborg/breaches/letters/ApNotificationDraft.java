package nl.waarborg.breaches.letters;

import static nl.waarborg.breaches.letters.BreachWords.blank;
import static nl.waarborg.breaches.letters.BreachWords.field;
import static nl.waarborg.breaches.letters.BreachWords.para;
import static nl.waarborg.breaches.letters.BreachWords.section;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.waarborg.documents.Doc;
import nl.waarborg.policy.Lang;

/**
 * The draft of the notification to the Autoriteit Persoonsgegevens (Art. 33 GDPR; art. 11.3a Telecommunicatiewet),
 * section by section in the order of the AP's notification form, so staff can copy each answer into the form
 * (docs/breaches.md, "Documents"). It is not itself a notification, and says so at the top. Where a fact the form asks
 * for is missing, the draft says what is still to be filled in instead of leaving a blank.
 */
public final class ApNotificationDraft {

    /** Art. 33(1) GDPR: 72 hours from awareness. */
    static final Duration GDPR_PERIOD = Duration.ofHours(72);
    /** Regulation (EU) 611/2013, art. 2(2): 24 hours from detection, where feasible (Telecommunicatiewet). */
    static final Duration TELECOM_PERIOD = Duration.ofHours(24);
    /** More than this between detection and awareness needs a reason (the register's rule, issue 17). */
    static final Duration AWARENESS_WITHOUT_REASON = Duration.ofHours(24);

    private ApNotificationDraft() {
    }

    /** The draft in {@code lang}, every moment in the organisation's {@code zone} with its UTC offset. */
    public static Doc doc(BreachFacts f, Lang lang, ZoneId zone) {
        BreachWords w = new BreachWords(lang, zone);
        List<Doc.Block> b = new ArrayList<>();
        b.add(new Doc.Para(Doc.Line.of(new Doc.Strong(w.text("draft.notice")))));
        b.add(para(w.text("draft.how")));

        b.add(section("phase", w.text("phase.title")));
        b.add(field(w.text("phase.label"), w.text("phase." + f.phase())));
        if (!blank(f.apNumber())) {
            b.add(field(w.text("phase.number"), f.apNumber()));
        } else {
            b.add(field(w.text("phase.number"), "initial".equals(f.phase()) ? w.text("phase.number.later")
                    : missing(w, w.text("phase.number.needed"))));
        }

        b.add(section("contact", w.text("contact.title")));
        b.add(field(w.text("contact.organisation"), f.controllerName()));
        b.add(field(w.text("contact.person"), orMissing(w, f.contactName())));
        b.add(field(w.text("contact.email"), orMissing(w, f.contactEmail())));
        b.add(field(w.text("contact.phone"), orMissing(w, f.contactPhone())));
        if (!blank(f.dpoName()) || !blank(f.dpoEmail())) {
            b.add(field(w.text("contact.dpo"), joinPresent(f.dpoName(), f.dpoEmail())));
        }

        b.add(section("law", w.text("law.title")));
        b.add(para(w.text("law." + f.governingLaw())));

        timeline(f, w, b);

        b.add(section("nature", w.text("nature.title")));
        b.add(field(w.text("nature.summary"), orMissing(w, f.summary())));
        List<String> natures = BreachWords.NATURE_ORDER.stream().filter(f.nature()::contains).toList();
        b.add(field(w.text("nature.kind"), natures.isEmpty() ? missing(w, w.text("nature.kind"))
                : w.join(natures.stream().map(n -> w.text("nature." + n)).toList())));
        List<String> actions = BreachWords.ACTION_ORDER.stream().filter(f.actions()::contains).toList();
        if (!actions.isEmpty()) {
            b.add(field(w.text("nature.actions"), w.join(actions.stream().map(a -> w.text("action." + a)).toList())));
        }

        b.add(section("data", w.text("data.title")));
        if (f.dataCategories().isEmpty()) {
            b.add(para(missing(w, w.text("data.categories"))));
        } else {
            b.add(para(w.text("data.categories") + ":"));
            b.add(new Doc.Bullets(f.dataCategories().stream().map(Doc.Line::of).toList()));
        }
        b.add(para(w.text(f.specialCategories() ? "data.special.yes" : "data.special.no")));

        // the form asks for people and for records apart: one person may have many records
        b.add(section("people", w.text("people.title")));
        b.add(field(w.text("people.people"), w.count(f.peopleMin(), f.peopleMax())));
        b.add(field(w.text("people.records"), w.count(f.recordsMin(), f.recordsMax())));
        if (!f.subjectCategories().isEmpty()) {
            b.add(field(w.text("people.groups"), w.join(f.subjectCategories())));
        }

        b.add(section("organisations", w.text("organisations.title")));
        b.add(para(blank(f.otherOrganisations()) ? w.text("organisations.none") : f.otherOrganisations()));

        b.add(section("protection", w.text("protection.title")));
        b.add(para(w.text(f.encrypted() ? "protection.encrypted.yes" : "protection.encrypted.no")));
        if (!blank(f.measuresBefore())) {
            b.add(field(w.text("protection.measures"), f.measuresBefore()));
        }

        b.add(section("consequences", w.text("consequences.title")));
        b.add(para(orMissing(w, f.consequences())));

        b.add(section("follow-up", w.text("follow-up.title")));
        b.add(field(w.text("follow-up.taken"), orMissing(w, f.measuresTaken())));
        if (!blank(f.measuresPlanned())) {
            b.add(field(w.text("follow-up.planned"), f.measuresPlanned()));
        }
        b.add(para(w.text(f.ongoing() ? "follow-up.ongoing" : "follow-up.ended")));
        b.add(field(w.text("follow-up.informed"), w.text("informed." + f.subjectsInformed())));
        if (!blank(f.subjectsInformedReason())) {
            b.add(field(w.text("follow-up.informed.reason"), f.subjectsInformedReason()));
        } else if (!"yes".equals(f.subjectsInformed())) {
            // not telling them is allowed only on the grounds of Art. 34(1) or 34(3), and the AP asks which
            b.add(field(w.text("follow-up.informed.reason"), w.text("draft.missing")));
        }

        b.add(section("international", w.text("international.title")));
        if (f.countries().isEmpty()) {
            b.add(para(w.text("international.none")));
        } else {
            b.add(field(w.text("international.countries"), w.join(f.countries())));
            b.add(para(w.text("international.lead")));
        }
        return new Doc(lang.term(), w.text("draft.title", f.reference()), b);
    }

    private static void timeline(BreachFacts f, BreachWords w, List<Doc.Block> b) {
        b.add(section("timeline", w.text("timeline.title")));
        b.add(field(w.text("timeline.occurred"), occurred(f, w)));
        b.add(field(w.text("timeline.detected"), w.moment(f.detectedAt())));
        if (f.processorToldAt() != null) {
            b.add(field(w.text("timeline.processor"), w.moment(f.processorToldAt())));
        }
        b.add(field(w.text("timeline.aware"), w.moment(f.awareAt())));
        if (Duration.between(f.detectedAt(), f.awareAt()).compareTo(AWARENESS_WITHOUT_REASON) > 0) {
            b.add(field(w.text("timeline.aware.reason"), orMissing(w, f.awarenessDelayReason())));
        }
        Instant due = deadline(f);
        b.add(field(w.text("timeline.due"), w.text(f.telecom() ? "timeline.due.telecommunicatiewet" : "timeline.due.avg",
                w.moment(due))));
        if (f.notifiedAt() == null) {
            b.add(field(w.text("timeline.notified"), w.text("timeline.notified.not-yet")));
        } else {
            b.add(field(w.text("timeline.notified"), w.moment(f.notifiedAt())));
        }
        boolean late = f.notifiedAt() != null && f.notifiedAt().isAfter(due);
        if (late) {
            long hours = Duration.between(f.telecom() ? f.detectedAt() : f.awareAt(), f.notifiedAt()).toHours();
            b.add(para(w.text(f.telecom() ? "timeline.late.telecommunicatiewet" : "timeline.late.avg", hours)));
        }
        // a reason staff gave ahead of a notification that will be late is shown too: the form asks for it
        if (late || !blank(f.delayReason())) {
            b.add(field(w.text("timeline.late.reason"), orMissing(w, f.delayReason())));
        }
    }

    /** When the notification is due: Art. 33(1) GDPR, or Regulation (EU) 611/2013 art. 2(2) under the Tw. */
    static Instant deadline(BreachFacts f) {
        return f.telecom() ? f.detectedAt().plus(TELECOM_PERIOD) : f.awareAt().plus(GDPR_PERIOD);
    }

    private static String occurred(BreachFacts f, BreachWords w) {
        if (f.occurredAt() == null && f.occurredUntil() == null) {
            return w.text("timeline.occurred.unknown");
        }
        if (f.occurredAt() == null) {
            return w.text("timeline.occurred.until", w.moment(f.occurredUntil()));
        }
        if (f.occurredUntil() == null) {
            return f.ongoing() ? w.text("timeline.occurred.since", w.moment(f.occurredAt())) : w.moment(f.occurredAt());
        }
        return w.text("timeline.occurred.between", w.moment(f.occurredAt()), w.moment(f.occurredUntil()));
    }

    private static String orMissing(BreachWords w, String value) {
        return blank(value) ? w.text("draft.missing") : value;
    }

    private static String missing(BreachWords w, String what) {
        return w.text("draft.missing.what", what);
    }

    private static String joinPresent(String... parts) {
        return String.join(", ", java.util.Arrays.stream(parts).filter(p -> !blank(p)).toList());
    }
}
