package nl.waarborg.breaches.letters;

import static nl.waarborg.breaches.letters.BreachWords.blank;
import static nl.waarborg.breaches.letters.BreachWords.field;
import static nl.waarborg.breaches.letters.BreachWords.para;
import static nl.waarborg.breaches.letters.BreachWords.section;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.waarborg.documents.Doc;
import nl.waarborg.policy.Lang;

/**
 * When the organisation is the processor: the notice to the controller it processes for (Art. 33(2) GDPR: "without undue
 * delay after becoming aware"), with what the controller needs to decide on its own notification and to write it
 * (Art. 33(3)): the timeline, what happened, the data, the numbers of people and of records, the likely consequences,
 * the measures, and whom to contact; and that the processor assists (Art. 28(3)(f)). The decisions to notify the AP
 * and the people affected are the controller's, not the processor's: the notice says so and takes none of them.
 */
public final class ControllerNotice {

    private ControllerNotice() {
    }

    /** The notice to {@code controller} (its name, from the policy's processing for it), in {@code lang}. */
    public static Doc doc(BreachFacts f, String controller, Lang lang, ZoneId zone) {
        BreachWords w = new BreachWords(lang, zone);
        List<Doc.Block> b = new ArrayList<>();
        b.add(field(w.text("controller.to.label"), blank(controller) ? w.text("controller.unknown") : controller));
        b.add(para(w.text("controller.intro", f.controllerName())));

        b.add(section("timeline", w.text("controller.timeline")));
        if (f.occurredAt() != null) {
            b.add(field(w.text("controller.occurred"), w.moment(f.occurredAt())));
        }
        b.add(field(w.text("controller.detected"), w.moment(f.detectedAt())));
        b.add(field(w.text("controller.aware"), w.moment(f.awareAt())));

        b.add(section("what-happened", w.text("controller.what")));
        if (!blank(f.summary())) {
            b.add(para(f.summary()));
        }
        List<String> natures = BreachWords.NATURE_ORDER.stream().filter(f.nature()::contains)
                .map(n -> w.text("nature." + n)).toList();
        b.add(field(w.text("controller.nature"), w.join(natures)));
        List<String> actions = BreachWords.ACTION_ORDER.stream().filter(f.actions()::contains)
                .map(a -> w.text("action." + a)).toList();
        if (!actions.isEmpty()) {
            b.add(field(w.text("controller.actions"), w.join(actions)));
        }
        if (f.ongoing()) {
            b.add(para(w.text("controller.ongoing")));
        }

        b.add(section("data", w.text("controller.data")));
        if (!f.dataCategories().isEmpty()) {
            b.add(new Doc.Bullets(f.dataCategories().stream().map(Doc.Line::of).toList()));
        }
        b.add(field(w.text("controller.people"), w.count(f.peopleMin(), f.peopleMax())));
        b.add(field(w.text("controller.records"), w.count(f.recordsMin(), f.recordsMax())));

        b.add(section("consequences", w.text("controller.consequences")));
        b.add(para(blank(f.consequences()) ? w.text("controller.unknown") : f.consequences()));

        b.add(section("measures", w.text("controller.measures")));
        if (f.encrypted()) {
            b.add(para(w.text("controller.encrypted")));
        }
        if (!blank(f.measuresTaken())) {
            b.add(para(f.measuresTaken()));
        }
        if (!blank(f.measuresPlanned())) {
            b.add(para(f.measuresPlanned()));
        }
        if (blank(f.measuresTaken()) && blank(f.measuresPlanned()) && !f.encrypted()) {
            b.add(para(w.text("controller.unknown")));
        }

        b.add(section("contact", w.text("controller.contact.title")));
        String who = !blank(f.dpoEmail()) ? f.dpoEmail() : !blank(f.contactEmail()) ? f.contactEmail() : f.contactPhone();
        b.add(para(w.text("controller.contact", blank(who) ? f.controllerName() : who, f.reference())));
        return new Doc(lang.term(), w.text("controller.title", f.reference()), b);
    }
}
