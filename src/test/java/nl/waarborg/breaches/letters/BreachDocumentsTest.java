package nl.waarborg.breaches.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import nl.waarborg.BundleAgreement;
import nl.waarborg.documents.Doc;
import nl.waarborg.documents.DocRenderer;
import nl.waarborg.documents.PdfConformance;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.policy.Lang;
import org.junit.jupiter.api.Test;

/**
 * The breach documents: the AP draft follows the form's sections in both languages, moments in the organisation's zone
 * across the change to winter time, people and records apart, a late notification with its reason; the letter to the
 * people affected says only what the facts support.
 */
class BreachDocumentsTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final List<String> DRAFT_SECTIONS = List.of("phase", "contact", "law", "timeline", "nature", "data",
            "people", "organisations", "protection", "consequences", "follow-up", "international");
    private static final List<String> LETTER_SECTIONS = List.of("what-happened", "consequences", "what-we-do",
            "what-you-can-do", "contact", "complaint");

    /** Aware on Friday 23 October 2026 10:00 CEST; the clocks go back on Sunday 25 October; due Monday 09:00 CET. */
    private static BreachFacts facts(Instant notifiedAt, String delayReason) {
        return new BreachFacts("BR-2026-0007", "Opslag Noord B.V.", "Priya Jansen", "privacy@opslag-noord.example",
                "+31 20 555 0100", "Mr. D. de Vries", "fg@opslag-noord.example", "avg",
                Instant.parse("2026-10-22T20:00:00Z"), Instant.parse("2026-10-23T05:00:00Z"),
                Instant.parse("2026-10-23T06:30:00Z"), Instant.parse("2026-10-23T08:00:00Z"), null, null, notifiedAt,
                delayReason, new LinkedHashSet<>(List.of("integrity", "confidentiality")), Set.of("copying", "reading"),
                "Een medewerker stuurde een klantenbestand naar een verkeerd e-mailadres.",
                List.of("Naam", "E-mailadres", "Betaalgegevens (IBAN)"), true, 1200L, 1500L, 40000L, null,
                List.of("Huurders"), "Onze verwerker Mailhuis B.V.", List.of("België"), "Versleuteling van de database",
                true, "Mensen kunnen phishingmails krijgen.", "De ontvanger heeft het bestand verwijderd.",
                "Wij scholen onze medewerkers opnieuw.", false, "yes", "Het risico is hoog.", "initial", null);
    }

    /** As little as the register may know: an availability breach, nothing notified, nothing planned. */
    private static BreachFacts sparse(String phase, Instant notifiedAt) {
        return new BreachFacts("BR-2026-0008", "Opslag Noord B.V.", null, "privacy@opslag-noord.example", null, null,
                null, "avg", null, null, Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T10:00:00Z"),
                null, null, notifiedAt, null, Set.of("availability"), Set.of("deleting"), null, List.of("Naam"), false,
                null, null, null, null, List.of(), null, List.of(), null, false, null, null, null, false, "no", null,
                phase, null);
    }

    private static String text(Doc doc) {
        StringBuilder b = new StringBuilder(doc.title()).append('\n');
        for (Doc.Block block : doc.blocks()) {
            switch (block) {
                case Doc.Para p -> b.append(p.line().text()).append('\n');
                case Doc.Bullets l -> l.items().forEach(i -> b.append("- ").append(i.text()).append('\n'));
                case Doc.Heading h -> b.append("## ").append(h.text()).append('\n');
                case Doc.Table t -> b.append("[table]\n");
            }
        }
        return b.toString();
    }

    private static List<String> sections(Doc doc) {
        return doc.blocks().stream().filter(x -> x instanceof Doc.Heading).map(x -> ((Doc.Heading) x).id()).toList();
    }

    /** The text of the line that starts with {@code label}. */
    private static String field(Doc doc, String label) {
        return text(doc).lines().filter(l -> l.startsWith(label + ": ")).findFirst().orElseThrow(
                () -> new AssertionError("no line " + label));
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryTermItsWords() {
        Properties nl = BundleAgreement.assertNlAndEnAgree(BreachFacts.class, "breach");
        for (String n : BreachFacts.NATURES) {
            assertThat(nl.stringPropertyNames()).contains("nature." + n, "letter.nature." + n);
        }
        BreachFacts.ACTIONS.forEach(a -> assertThat(nl.stringPropertyNames()).contains("action." + a));
        BreachFacts.INFORMED.forEach(i -> assertThat(nl.stringPropertyNames()).contains("informed." + i));
        BreachFacts.PHASES.forEach(p -> assertThat(nl.stringPropertyNames()).contains("phase." + p));
        BreachFacts.LAWS.forEach(l -> assertThat(nl.stringPropertyNames()).contains("law." + l, "letter.why." + l,
                "letter.notified." + l, "timeline.due." + l, "timeline.late." + l));
        assertThat(BreachWords.NATURE_ORDER).containsExactlyInAnyOrderElementsOf(BreachFacts.NATURES);
        assertThat(BreachWords.ACTION_ORDER).containsExactlyInAnyOrderElementsOf(BreachFacts.ACTIONS);
    }

    @Test
    void theDraftSaysItIsADraftAndHasEverySectionOfTheApFormInBothLanguages() {
        for (Lang lang : Lang.values()) {
            for (BreachFacts f : List.of(facts(null, null), sparse("initial", null))) {
                Doc d = ApNotificationDraft.doc(f, lang, AMSTERDAM);
                assertThat(sections(d)).isEqualTo(DRAFT_SECTIONS);
                assertThat(((Doc.Para) d.blocks().getFirst()).line().text()).startsWith(lang == Lang.NL ? "CONCEPT" : "DRAFT");
                assertThat(text(d)).doesNotContain("{", "}", "..");
            }
        }
        String nl = text(ApNotificationDraft.doc(facts(null, null), Lang.NL, AMSTERDAM));
        assertThat(nl).contains("Opslag Noord B.V.", "Priya Jansen", "fg@opslag-noord.example", "artikel 33 AVG",
                "vertrouwelijkheid", "integriteit", "ingezien en gekopieerd", "- Betaalgegevens (IBAN)",
                "artikel 9 en 10 AVG", "Groepen personen: Huurders", "Mailhuis B.V.", "Versleuteling van de database",
                "artikel 34 lid 3 onder a AVG", "phishingmails", "opnieuw", "Betrokkenen ingelicht (artikel 34 AVG): ja",
                "Landen met betrokkenen: België", "artikel 56 AVG", "Nieuwe melding");
        // confidentiality named before integrity, whatever order the register kept
        assertThat(nl.indexOf("vertrouwelijkheid (")).isLessThan(nl.indexOf("integriteit ("));
        String en = text(ApNotificationDraft.doc(facts(null, null), Lang.EN, AMSTERDAM));
        assertThat(en).contains("Article 33 GDPR", "confidentiality", "read and copied", "Articles 9 and 10 GDPR",
                "Article 56 GDPR", "People affected informed (Article 34 GDPR): yes", "New notification");
    }

    @Test
    void momentsAreShownInTheOrganisationsZoneWithTheirOffsetAcrossTheChangeToWinterTime() {
        Doc nl = ApNotificationDraft.doc(facts(Instant.parse("2026-10-26T07:30:00Z"), null), Lang.NL, AMSTERDAM);
        assertThat(field(nl, "Met redelijke zekerheid bekend (hier begint de termijn)"))
                .endsWith("23 oktober 2026, 10:00 (UTC+02:00)");
        // 72 hours on, through the night the clocks went back: 09:00, not 10:00
        assertThat(field(nl, "Uiterlijk melden")).contains("26 oktober 2026, 09:00 (UTC+01:00)", "artikel 33 lid 1 AVG");
        assertThat(field(nl, "Gemeld bij de AP")).endsWith("26 oktober 2026, 08:30 (UTC+01:00)");
        assertThat(field(nl, "Het datalek vond plaats"))
                .isEqualTo("Het datalek vond plaats: van 22 oktober 2026, 22:00 (UTC+02:00) tot 23 oktober 2026, 07:00 (UTC+02:00)");
        Doc en = ApNotificationDraft.doc(facts(null, null), Lang.EN, AMSTERDAM);
        assertThat(field(en, "Notify by")).contains("26 October 2026, 09:00 (UTC+01:00)", "Article 33(1) GDPR");
        assertThat(field(en, "Notified to the AP")).endsWith("not yet (this is the draft)");
        // the same moments in another zone
        assertThat(field(ApNotificationDraft.doc(facts(null, null), Lang.EN, ZoneId.of("UTC")), "Notify by"))
                .contains("26 October 2026, 08:00 (UTC+00:00)");
    }

    @Test
    void peopleAndRecordsAreCountedApartAndApproximately() {
        Doc nl = ApNotificationDraft.doc(facts(null, null), Lang.NL, AMSTERDAM);
        assertThat(field(nl, "Aantal betrokken personen (artikel 33 lid 3 onder a AVG)")).endsWith(": tussen 1.200 en 1.500");
        assertThat(field(nl, "Aantal records (artikel 33 lid 3 onder a AVG)")).endsWith(": minstens 40.000");
        Doc en = ApNotificationDraft.doc(facts(null, null), Lang.EN, AMSTERDAM);
        assertThat(field(en, "Number of people affected (Article 33(3)(a) GDPR)")).endsWith(": between 1,200 and 1,500");
        assertThat(field(en, "Number of records (Article 33(3)(a) GDPR)")).endsWith(": at least 40,000");
        Doc unknown = ApNotificationDraft.doc(sparse("initial", null), Lang.EN, AMSTERDAM);
        assertThat(field(unknown, "Number of people affected (Article 33(3)(a) GDPR)")).endsWith(": unknown");
        assertThat(field(unknown, "Number of records (Article 33(3)(a) GDPR)")).endsWith(": unknown");
        BreachWords w = new BreachWords(Lang.EN, AMSTERDAM);
        assertThat(w.count(7L, 7L)).isEqualTo("about 7");
        assertThat(w.count(null, 30L)).isEqualTo("at most 30");
        assertThatThrownBy(() -> new BreachFacts("R", "O", null, null, null, null, null, "avg", null, null, Instant.EPOCH,
                Instant.EPOCH, null, null, null, null, Set.of(), Set.of(), null, List.of(), false, 10L, 5L, null, null,
                List.of(), null, List.of(), null, false, null, null, null, false, "no", null, "initial", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("people:");
    }

    @Test
    void aLateNotificationShowsHowLateAndTheReasonOrThatTheReasonIsMissing() {
        String late = text(ApNotificationDraft.doc(facts(Instant.parse("2026-10-26T12:00:00Z"),
                "Het forensisch onderzoek duurde tot maandagochtend."), Lang.NL, AMSTERDAM));
        assertThat(late).contains("te laat: 76 uur", "artikel 33 lid 1 AVG",
                "Reden van de vertraging: Het forensisch onderzoek duurde tot maandagochtend.");
        String lateEn = text(ApNotificationDraft.doc(facts(Instant.parse("2026-10-26T12:00:00Z"), "Forensics."),
                Lang.EN, AMSTERDAM));
        assertThat(lateEn).contains("late: 76 hours", "Reason for the delay: Forensics.");
        String noReason = text(ApNotificationDraft.doc(facts(Instant.parse("2026-10-26T12:00:00Z"), null), Lang.NL,
                AMSTERDAM));
        assertThat(noReason).contains("te laat", "Reden van de vertraging: nog in te vullen");
        // one minute before the deadline is in time: no lateness, no reason asked
        String inTime = text(ApNotificationDraft.doc(facts(Instant.parse("2026-10-26T07:59:00Z"), null), Lang.NL,
                AMSTERDAM));
        assertThat(inTime).doesNotContain("te laat", "Reden van de vertraging");
    }

    @Test
    void underTheTelecommunicatiewetTheDraftCountsTwentyFourHoursFromDetection() {
        BreachFacts f = facts(Instant.parse("2026-10-24T08:00:00Z"), "Weekend.");
        BreachFacts tw = new BreachFacts(f.reference(), f.controllerName(), f.contactName(), f.contactEmail(),
                f.contactPhone(), f.dpoName(), f.dpoEmail(), "telecommunicatiewet", f.occurredAt(), f.occurredUntil(),
                f.detectedAt(), f.awareAt(), f.processorToldAt(), f.awarenessDelayReason(), f.notifiedAt(),
                f.delayReason(), f.nature(), f.actions(), f.summary(), f.dataCategories(), f.specialCategories(),
                f.peopleMin(), f.peopleMax(), f.recordsMin(), f.recordsMax(), f.subjectCategories(),
                f.otherOrganisations(), f.countries(), f.measuresBefore(), f.encrypted(), f.consequences(),
                f.measuresTaken(), f.measuresPlanned(), f.ongoing(), f.subjectsInformed(), f.subjectsInformedReason(),
                f.phase(), f.apNumber());
        String nl = text(ApNotificationDraft.doc(tw, Lang.NL, AMSTERDAM));
        assertThat(nl).contains("artikel 11.3a van de Telecommunicatiewet", "24 oktober 2026, 08:30 (UTC+02:00)",
                "Verordening (EU) nr. 611/2013", "later dan 24 uur na het ontdekken: 25 uur", "Reden van de vertraging: Weekend.");
        assertThat(text(AffectedPersonLetter.doc(tw, Lang.NL, AMSTERDAM))).contains("artikel 11.3a lid 2 Telecommunicatiewet")
                .doesNotContain("artikel 34 AVG)");
    }

    @Test
    void aFollowUpNeedsTheApsNumberAndShowsItWhenKnown() {
        assertThat(text(ApNotificationDraft.doc(sparse("supplement", null), Lang.NL, AMSTERDAM)))
                .contains("Aanvulling op een eerdere melding", "artikel 33 lid 4 AVG",
                        "Meldnummer van de AP: Nog in te vullen: het meldnummer van de eerste melding");
        BreachFacts f = facts(null, null);
        BreachFacts amended = new BreachFacts(f.reference(), f.controllerName(), f.contactName(), f.contactEmail(),
                f.contactPhone(), f.dpoName(), f.dpoEmail(), f.governingLaw(), f.occurredAt(), f.occurredUntil(),
                f.detectedAt(), f.awareAt(), Instant.parse("2026-10-23T07:00:00Z"), f.awarenessDelayReason(),
                f.notifiedAt(), f.delayReason(), f.nature(), f.actions(), f.summary(), f.dataCategories(),
                f.specialCategories(), f.peopleMin(), f.peopleMax(), f.recordsMin(), f.recordsMax(),
                f.subjectCategories(), f.otherOrganisations(), f.countries(), f.measuresBefore(), f.encrypted(),
                f.consequences(), f.measuresTaken(), f.measuresPlanned(), f.ongoing(), "public-notice", null,
                "amendment", "M-123456");
        String en = text(ApNotificationDraft.doc(amended, Lang.EN, AMSTERDAM));
        assertThat(en).contains("Amendment of an earlier notification (Article 33(4) GDPR)",
                "AP notification number: M-123456", "Processor told us (Article 33(2) GDPR): 23 October 2026, 09:00",
                "Article 34(3)(c) GDPR", "Explanation: still to be filled in");
    }

    @Test
    void theLetterHasEverySectionInBothLanguagesAndNamesNoRecipient() {
        for (Lang lang : Lang.values()) {
            for (BreachFacts f : List.of(facts(Instant.parse("2026-10-25T10:00:00Z"), null), sparse("initial", null))) {
                Doc d = AffectedPersonLetter.doc(f, lang, AMSTERDAM);
                assertThat(sections(d)).isEqualTo(LETTER_SECTIONS);
                assertThat(text(d)).doesNotContain("{", "}", "..");
            }
        }
        String nl = text(AffectedPersonLetter.doc(facts(Instant.parse("2026-10-25T10:00:00Z"), null), Lang.NL, AMSTERDAM));
        assertThat(nl).startsWith("Datalek bij Opslag Noord B.V.").contains("Geachte heer, mevrouw,",
                "artikel 34 AVG", "verkeerd e-mailadres", "- Betaalgegevens (IBAN)", "phishingmails",
                "De ontvanger heeft het bestand verwijderd.", "Wij scholen",
                "op 25 oktober 2026 gemeld bij de Autoriteit Persoonsgegevens (artikel 33 AVG)",
                "Mr. D. de Vries", "fg@opslag-noord.example", "artikel 38 lid 4 AVG", "BR-2026-0007",
                "artikel 77 AVG", "bankafschriften", "Wees alert", "artikel 15 AVG", "versleuteld");
        // the day the breach began, in the organisation's zone: 22:00 CEST on the 22nd
        assertThat(nl).contains("begon op 22 oktober 2026", "ontdekten het op 23 oktober 2026");
        String en = text(AffectedPersonLetter.doc(facts(Instant.parse("2026-10-25T10:00:00Z"), null), Lang.EN, AMSTERDAM));
        assertThat(en).contains("Dear Sir or Madam,", "Article 34 GDPR", "Article 77 GDPR", "bank statements",
                "on 25 October 2026 (Article 33 GDPR)", "Article 38(4) GDPR");
        // the contact person is for the AP; the letter sends people to the officer
        assertThat(nl).doesNotContain("Priya Jansen");
    }

    @Test
    void theLetterSaysNothingTheFactsDoNotSupport() {
        for (Lang lang : Lang.values()) {
            String t = text(AffectedPersonLetter.doc(sparse("initial", null), lang, AMSTERDAM));
            assertThat(t.toLowerCase()).doesNotContain("politie", "police", "autoriteit persoonsgegevens (artikel 33",
                    "dutch data protection authority, on", "versleuteld", "encrypted", "nog doen", "will still do",
                    "bijzondere", "special categories", "bank", "wachtwoord", "password", "alert", "begon op",
                    "began on", "nog niet helemaal", "not fully");
            assertThat(t).contains(lang == Lang.NL ? "hoeft u nu niets te doen" : "you do not need to do anything now",
                    lang == Lang.NL ? "niet goed wat de gevolgen" : "do not know well yet",
                    "privacy@opslag-noord.example");
        }
        // a notification that was withdrawn is not mentioned as made
        assertThat(text(AffectedPersonLetter.doc(sparse("withdrawal", Instant.parse("2026-03-03T10:00:00Z")), Lang.NL,
                AMSTERDAM))).doesNotContain("gemeld bij de Autoriteit");
        assertThat(text(AffectedPersonLetter.doc(sparse("initial", Instant.parse("2026-03-03T10:00:00Z")), Lang.NL,
                AMSTERDAM))).contains("op 3 maart 2026 gemeld bij de Autoriteit Persoonsgegevens");
    }

    @Test
    void theLetterGivesAdvicePerKindOfDataInvolved() {
        BreachFacts s = sparse("initial", null);
        BreachFacts withKinds = new BreachFacts(s.reference(), s.controllerName(), s.contactName(), s.contactEmail(),
                s.contactPhone(), s.dpoName(), s.dpoEmail(), s.governingLaw(), s.occurredAt(), s.occurredUntil(),
                s.detectedAt(), s.awareAt(), null, null, null, null, Set.of("confidentiality"), Set.of("copying"), null,
                List.of("Wachtwoord (gehasht)", "BSN"), false, null, null, null, null, List.of(), null, List.of(),
                null, false, null, null, null, true, "yes", null, "initial", null);
        String nl = text(AffectedPersonLetter.doc(withKinds, Lang.NL, AMSTERDAM));
        assertThat(nl).contains("Verander uw wachtwoord", "identiteit misbruikt", "Wees alert", "nog niet helemaal opgelost")
                .doesNotContain("bankafschriften", "hoeft u nu niets");
        assertThat(AffectedPersonLetter.Advice.PAYMENT.matches(List.of("Payment details"))).isTrue();
        assertThat(AffectedPersonLetter.Advice.IDENTITY.matches(List.of("Absent"))).isFalse();
    }

    @Test
    void bothDocumentsRenderToPdfHtmlAndMarkdown() {
        for (Lang lang : Lang.values()) {
            for (Doc d : List.of(ApNotificationDraft.doc(facts(null, null), lang, AMSTERDAM),
                    AffectedPersonLetter.doc(facts(null, null), lang, AMSTERDAM))) {
                byte[] pdf = DocRenderer.render(d, lang, StatementFormat.PDF);
                assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
                assertThat(pdf.length).isGreaterThan(2000);
                assertThat(new String(DocRenderer.render(d, lang, StatementFormat.HTML), StandardCharsets.UTF_8))
                        .contains("<h2", d.title());
                assertThat(new String(DocRenderer.render(d, lang, StatementFormat.MD), StandardCharsets.UTF_8))
                        .contains("## ");
            }
        }
    }

    @Test
    void theProcessorsNoticeToTheControllerGivesWhatTheControllerNeedsAndLeavesTheDecisionsToIt() {
        Doc nl = ControllerNotice.doc(facts(null, null), "Gemeente Voorbeeld", Lang.NL, AMSTERDAM);
        Doc en = ControllerNotice.doc(sparse("initial", null), "Example Town", Lang.EN, AMSTERDAM);

        assertThat(sections(nl)).containsExactly("timeline", "what-happened", "data", "consequences", "measures", "contact");
        assertThat(text(nl)).contains("Gemeente Voorbeeld", "artikel 33, lid 2 AVG", "artikel 28, lid 3, onder f AVG",
                "23 oktober 2026", "klantenbestand", "Betaalgegevens (IBAN)", "phishingmails", "versleuteld",
                "fg@opslag-noord.example", "BR-2026-0007").doesNotContain("{");
        assertThat(field(nl, "Aantal betrokkenen")).doesNotContain("40");
        assertThat(field(nl, "Aantal gegevensrecords")).contains("40");
        assertThat(text(en)).contains("Example Town", "Article 33(2) GDPR", "You decide whether to notify",
                "not known yet").doesNotContain("encrypted");
    }

    @Test
    void theBreachDocumentsAreTaggedPdfUaWithEmbeddedFonts() throws Exception {
        for (Lang lang : Lang.values()) {
            for (Doc d : List.of(ApNotificationDraft.doc(facts(null, null), lang, AMSTERDAM),
                    AffectedPersonLetter.doc(facts(null, null), lang, AMSTERDAM),
                    ControllerNotice.doc(facts(null, null), "Gemeente Voorbeeld", lang, AMSTERDAM))) {
                PdfConformance.assertAccessible(DocRenderer.render(d, lang, StatementFormat.PDF), lang.code(), d.title());
            }
        }
    }
}
