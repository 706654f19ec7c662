package nl.waarborg.breaches.letters;

import static nl.waarborg.breaches.letters.BreachWords.blank;
import static nl.waarborg.breaches.letters.BreachWords.para;
import static nl.waarborg.breaches.letters.BreachWords.section;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.waarborg.documents.Doc;
import nl.waarborg.policy.Lang;

/**
 * The letter to the people affected by a breach, in plain language (Art. 34(2) GDPR; art. 11.3a(2) Telecommunicatiewet):
 * what happened, the likely consequences, what we did and still do, what you can do, whom to contact, and the right to
 * complain to the AP (docs/breaches.md, "Documents"). One letter goes to many people, so it holds no value of the
 * recipient: no name, no address, no data of theirs. Every sentence rests on a fact the register holds; a sentence
 * whose fact is absent (the AP notified, encryption, planned measures) is left out rather than guessed.
 */
public final class AffectedPersonLetter {

    private AffectedPersonLetter() {
    }

    /**
     * Advice for what a person can do, chosen from the names of the data categories involved. The register holds only
     * display names here, so the match is on words in either language; a category no advice matches gets none, and the
     * generic advice for a confidentiality breach still applies.
     */
    enum Advice {
        PASSWORD("wachtwoord|password|inlog|login|credential|pincode|pin code"),
        PAYMENT("betaal|bank|iban|rekeningnummer|account number|creditcard|credit card|payment"),
        IDENTITY("burgerservicenummer|\\bbsn\\b|paspoort|passport|identiteitsbewijs|identity document|identity card|"
                + "rijbewijs|driving licen|id-kaart|id card");

        private final Pattern words;

        Advice(String words) {
            this.words = Pattern.compile(words, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        boolean matches(List<String> categories) {
            return categories.stream().anyMatch(c -> words.matcher(c).find());
        }

        String key() {
            return "advice." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The letter in {@code lang}; days as they are in the organisation's {@code zone}. */
    public static Doc doc(BreachFacts f, Lang lang, ZoneId zone) {
        BreachWords w = new BreachWords(lang, zone);
        String law = f.governingLaw();
        List<Doc.Block> b = new ArrayList<>();
        b.add(para(w.text("letter.salutation")));
        b.add(para(w.text("letter.intro", f.controllerName())));
        b.add(para(w.text("letter.why." + law)));

        b.add(section("what-happened", w.text("letter.happened.title")));
        if (f.occurredAt() != null) {
            b.add(para(w.text("letter.happened.when", w.day(f.occurredAt()), w.day(f.detectedAt()))));
        } else {
            b.add(para(w.text("letter.happened.found", w.day(f.detectedAt()))));
        }
        if (!blank(f.summary())) {
            b.add(para(f.summary()));
        }
        for (String n : BreachWords.NATURE_ORDER) {
            if (f.nature().contains(n)) {
                b.add(para(w.text("letter.nature." + n)));
            }
        }
        if (!f.dataCategories().isEmpty()) {
            b.add(para(w.text("letter.data")));
            b.add(new Doc.Bullets(f.dataCategories().stream().map(Doc.Line::of).toList()));
        }
        if (f.specialCategories()) {
            b.add(para(w.text("letter.data.special")));
        }
        if (f.encrypted()) {
            b.add(para(w.text("letter.encrypted")));
        }
        if (f.ongoing()) {
            b.add(para(w.text("letter.ongoing")));
        }

        b.add(section("consequences", w.text("letter.consequences.title")));
        b.add(para(blank(f.consequences()) ? w.text("letter.consequences.unknown") : f.consequences()));

        b.add(section("what-we-do", w.text("letter.measures.title")));
        if (!blank(f.measuresTaken())) {
            b.add(para(w.text("letter.measures.taken")));
            b.add(para(f.measuresTaken()));
        }
        if (!blank(f.measuresPlanned())) {
            b.add(para(w.text("letter.measures.planned")));
            b.add(para(f.measuresPlanned()));
        }
        // only a notification that was made is mentioned, and not once it was withdrawn
        if (f.notifiedAt() != null && !"withdrawal".equals(f.phase())) {
            b.add(para(w.text("letter.notified." + law, w.day(f.notifiedAt()))));
        }

        b.add(section("what-you-can-do", w.text("letter.advice.title")));
        List<String> advice = new ArrayList<>();
        for (Advice a : Advice.values()) {
            if (a.matches(f.dataCategories())) {
                advice.add(w.text(a.key()));
            }
        }
        if (f.nature().contains("confidentiality")) {
            advice.add(w.text("advice.phishing"));
        }
        if (f.nature().contains("integrity")) {
            advice.add(w.text("advice.check"));
        }
        if (advice.isEmpty()) {
            b.add(para(w.text("advice.none")));
        } else {
            b.add(new Doc.Bullets(advice.stream().map(Doc.Line::of).toList()));
        }

        b.add(section("contact", w.text("letter.contact.title")));
        if (!blank(f.dpoEmail())) {
            b.add(para(blank(f.dpoName()) ? w.text("letter.contact.dpo.email", f.dpoEmail())
                    : w.text("letter.contact.dpo", f.dpoName(), f.dpoEmail())));
        } else {
            String how = String.join(", ", java.util.stream.Stream.of(f.contactName(), f.contactEmail(), f.contactPhone())
                    .filter(x -> !blank(x)).toList());
            b.add(para(how.isEmpty() ? w.text("letter.contact.organisation", f.controllerName())
                    : w.text("letter.contact.person", how)));
        }
        b.add(para(w.text("letter.contact.reference", f.reference())));

        b.add(section("complaint", w.text("letter.complaint.title")));
        b.add(para(w.text("letter.complaint")));

        b.add(para(w.text("letter.closing")));
        b.add(para(f.controllerName()));
        return new Doc(lang.term(), w.text("letter.title", f.controllerName()), b);
    }
}
