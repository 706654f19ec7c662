package nl.waarborg.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "Sentences that promise or state something wrong": each corrected sentence quoted in Dutch and English,
 * with the article it follows (docs/statement.md lists them). A small Dutch policy is varied per case.
 */
class StatementSentencesTest {

    private static final String BASE = """
            waarborg: 1
            statement:
              version: "1"
              effective: 2026-01-01
            controller:
              name: Winkel B.V.
              address: {street: Dorpsstraat 1, postcode: 1000 AA, city: Amsterdam}
              contact: {email: privacy@winkel.test}
            subject-categories:
              - id: customer
                name: {nl: Klanten, en: Customers}
            data-categories:
              - id: email
                name: {nl: E-mailadres, en: E-mail address}
              - id: health
                name: {nl: Gezondheid, en: Health}
                special: true
            purposes:
            PURPOSES
            retention:
              - id: all
                period: P1Y
            RECIPIENTS
            rights:
              response-time: P1M
              extension: P2M
              free-of-charge: FREE
            """;

    private static final String ORDERS = """
              - id: orders
                name: {nl: Bestellingen, en: Orders}
                legal-basis: contract
                data: [email]
            """;

    private static String render(String yaml, Lang lang) {
        Policy policy = PolicyLoader.load("sentences.yaml", yaml.getBytes(UTF_8)).orThrow().policy();
        return new String(StatementRenderer.render(policy, lang, StatementFormat.MD), UTF_8);
    }

    private static String policy(String purposes, String recipients, boolean free) {
        return BASE.replace("PURPOSES\n", purposes).replace("RECIPIENTS\n", recipients)
                .replace("FREE", Boolean.toString(free));
    }

    private static String statement(String purposes, Lang lang) {
        return render(policy(purposes, "", true), lang);
    }

    // ---- fees: Art. 12(5), 15(3) ----------------------------------------------------------------

    @Test
    void withoutFreeOfChargeARequestIsStillFreeAndOnlyAnUnfoundedOrExcessiveOneOrFurtherCopiesCost() {
        assertThat(render(policy(ORDERS, "", false), Lang.NL)).contains("Een verzoek is gratis. Alleen als een verzoek "
                + "duidelijk ongegrond of buitensporig is, bijvoorbeeld omdat u het steeds herhaalt, mogen wij een redelijke "
                + "vergoeding vragen of het verzoek weigeren. Vraagt u meer dan één kopie van uw gegevens, dan kunnen wij "
                + "voor de extra kopieën een redelijke vergoeding vragen.").doesNotContain("Voor een verzoek kunnen wij");
        assertThat(render(policy(ORDERS, "", false), Lang.EN)).contains("A request is free of charge. Only if a request "
                + "is manifestly unfounded or excessive, for example because you keep repeating it, may we charge a "
                + "reasonable fee or refuse the request. If you ask for more than one copy of your data, we may charge a "
                + "reasonable fee for the further copies.").doesNotContain("We may charge a reasonable fee for a request");
    }

    @Test
    void freeOfChargeSaysFreeAndPromisesNothingMore() {
        assertThat(render(policy(ORDERS, "", true), Lang.NL)).contains("Een verzoek kost u niets.")
                .doesNotContain("vergoeding");
        assertThat(render(policy(ORDERS, "", true), Lang.EN)).contains("A request costs you nothing.")
                .doesNotContain("fee");
    }

    // ---- transfers: Art. 45, 46, 47, 49, 13(1)(f) --------------------------------------------------

    private static final String ABROAD = """
            recipients:
              - id: swiss
                name: {nl: Zwitserse dienst, en: Swiss service}
                role: processor
                countries: [CH]
                safeguard: adequacy
                processing-agreement: 2025-01-01
              - id: us-certified
                name: {nl: Analysebureau, en: Analytics agency}
                role: processor
                countries: [US]
                safeguard: adequacy
                dpf-certified: true
                processing-agreement: 2025-01-01
              - id: us-uncertified
                name: {nl: Adviesbureau, en: Consultancy}
                role: processor
                countries: [US]
                safeguard: adequacy
                processing-agreement: 2025-01-01
              - id: mailer
                name: {nl: E-maildienst, en: E-mail service}
                role: processor
                countries: [US]
                safeguard: scc
                transfer-assessment: 2025-01-01
                processing-agreement: 2025-01-01
              - id: group
                name: {nl: Moederbedrijf, en: Parent company}
                role: controller
                countries: [IN]
                safeguard: bcr
                transfer-assessment: 2025-01-01
              - id: travel
                name: {nl: Reisbureau, en: Travel agency}
                role: controller
                countries: [BR]
                safeguard: derogation
              - id: unknown
                name: {nl: Drukkerij, en: Printer}
                role: processor
                countries: [CN]
                processing-agreement: 2025-01-01
            systems:
              - id: backup
                name: {nl: Reservekopie, en: Backup}
                owner: IT
                connector: manual
                countries: [US]
                safeguard: scc
            """;

    private static final String SHARING = """
              - id: orders
                name: {nl: Bestellingen, en: Orders}
                legal-basis: contract
                data: [email]
                recipients: [swiss, us-certified, us-uncertified, mailer, group, travel, unknown]
            """;

    @Test
    void eachSafeguardKindHasItsOwnSentenceInDutch() {
        String md = render(policy(SHARING, ABROAD, true), Lang.NL);
        // each safeguard kind is one sentence introducing a list of the recipients and systems it concerns (issue 14)
        assertThat(md).contains(
                "Voor deze ontvangers en systemen heeft de Europese Commissie besloten dat persoonsgegevens in hun land "
                        + "voldoende beschermd zijn:\n\n- Zwitserse dienst (Zwitserland)",
                "Deze ontvangers in de Verenigde Staten zijn gecertificeerd onder het EU-VS-kader voor gegevensbescherming "
                        + "(EU-US Data Privacy Framework). Voor organisaties met die certificering heeft de Europese Commissie "
                        + "besloten dat zij persoonsgegevens voldoende beschermen:\n\n- Analysebureau (Verenigde Staten)",
                "Voor deze ontvangers en systemen hebben wij die certificering niet vastgelegd:\n\n- Adviesbureau (Verenigde Staten)",
                "Met deze ontvangers, en voor deze systemen, hebben wij de standaardcontractbepalingen van de Europese "
                        + "Commissie afgesproken:\n\n- E-maildienst (Verenigde Staten)\n- Reservekopie (Verenigde Staten)",
                "Standaardcontractbepalingen zijn een vaste tekst voor een contract, door de Europese Commissie vastgesteld.",
                "Voor deze ontvangers gelden bindende bedrijfsvoorschriften: regels voor het beschermen van persoonsgegevens "
                        + "binnen hun concern, goedgekeurd door een toezichthouder op privacy. Het gaat om:\n\n- Moederbedrijf (India)",
                "Voor deze ontvangers en systemen is er geen besluit van de Europese Commissie en geen waarborg die uw "
                        + "gegevens even goed beschermt:\n\n- Reisbureau (Brazilië)",
                "Wij geven uw gegevens daar alleen door in de bijzondere gevallen die de wet noemt (een uitzondering van "
                        + "artikel 49 AVG)",
                "Let op de risico’s: de wet daar kan uw gegevens minder goed beschermen, en overheidsinstanties "
                        + "daar kunnen uw gegevens mogelijk inzien.",
                "Voor deze ontvangers en systemen hebben wij geen besluit van de Europese Commissie en geen andere waarborg "
                        + "vastgelegd:\n\n- Drukkerij (China)",
                "Een kopie van deze afspraken kunt u opvragen via [privacy@winkel.test](mailto:privacy@winkel.test).",
                "De besluiten van de Europese Commissie staan op haar website, " + commissionPage(),
                "Welke organisaties gecertificeerd zijn, ziet u op [" + StatementBuilder.DPF_LIST,
                "| Verenigde Staten | buiten de EER: zie ‘Gegevens buiten Europa’ |");
        assertThat(md).doesNotContain("even goed beschermen; welke", "SCC");
    }

    @Test
    void eachSafeguardKindHasItsOwnSentenceInEnglish() {
        String md = render(policy(SHARING, ABROAD, true), Lang.EN);
        assertThat(md).contains(
                "For these recipients and systems, the European Commission has decided that personal data is adequately "
                        + "protected in their country:\n\n- Swiss service (Switzerland)",
                "These recipients in the United States are certified under the EU-US Data Privacy Framework. For "
                        + "organisations with that certification, the European Commission has decided that they protect "
                        + "personal data adequately:\n\n- Analytics agency (United States)",
                "For these recipients and systems we have not recorded that certification:\n\n- Consultancy (United States)",
                "With these recipients, and for these systems, we have agreed the standard contractual clauses of the "
                        + "European Commission:\n\n- E-mail service (United States)\n- Backup (United States)",
                "Standard contractual clauses are a fixed contract text set by the European Commission",
                "For these recipients, binding corporate rules apply: rules for protecting personal data within their group "
                        + "of companies, approved by a data protection supervisory authority. They are:\n\n- Parent company (India)",
                "For these recipients and systems there is no decision of the European Commission and no safeguard that "
                        + "protects your data equally well:\n\n- Travel agency (Brazil)",
                "We transfer your data there only in the specific cases the law names (a derogation under Article 49 GDPR)",
                "Please note the risks: the law there may protect your data less well, and authorities there may be able to access it.",
                "For these recipients and systems we have not recorded a decision of the European Commission or any other "
                        + "safeguard:\n\n- Printer (China)",
                "You can ask for a copy of these agreements at [privacy@winkel.test](mailto:privacy@winkel.test).",
                "The decisions of the European Commission are published on its website, " + commissionPage(),
                "| United States | outside the EEA: see ‘Data outside Europe’ |");
        assertThat(md).doesNotContain("just as well", "SCCs", "exception of Article 49");
    }

    /** The Commission's page as Markdown writes it: its address holds '_', so an autolink, which no escape breaks. */
    private static String commissionPage() {
        return "<" + StatementBuilder.ADEQUACY_DECISIONS + ">";
    }

    // ---- overpromises: Art. 33(1), 34, 20(2), 12(4), 21 --------------------------------------------

    @Test
    void breachPortabilityAndRefusalSayNoMoreThanTheLaw() {
        String security = """
                security:
                  need-to-know: true
                """;
        String nl = render(policy(ORDERS, security, true), Lang.NL);
        assertThat(nl).contains("Wij melden het aan de Autoriteit Persoonsgegevens, tenzij het waarschijnlijk geen risico "
                        + "voor u of anderen oplevert. Is het risico voor u hoog, dan laten wij het u ook zelf weten.",
                "sturen wij ze rechtstreeks naar een andere organisatie, als dat technisch mogelijk is.",
                "Voeren wij een verzoek niet of niet helemaal uit, dan laten wij u binnen de termijn weten waarom. Bent u het "
                        + "daar, of met een verlenging, niet mee eens, dan kunt u een klacht indienen bij de Autoriteit "
                        + "Persoonsgegevens of naar de rechter stappen.",
                "Gebruiken wij uw gegevens omdat wij daar zelf een gerechtvaardigd belang bij hebben, of voor een taak van "
                        + "algemeen belang, dan kunt u daartegen bezwaar maken");
        String en = render(policy(ORDERS, security, true), Lang.EN);
        assertThat(en).contains("We report it to the Autoriteit Persoonsgegevens, unless it is unlikely to result in a risk "
                        + "to you or others. If the risk to you is high, we also tell you directly.",
                "we send it directly to another organisation, where technically feasible.",
                "If we do not act on a request, or only in part, we tell you why within that period. If you disagree with "
                        + "that, or with an extension, you can complain to the Autoriteit Persoonsgegevens or go to court.",
                "If we use your data because of a legitimate interest of our own, or for a task in the public interest, you "
                        + "can object");
    }

    @Test
    void profilingOffersObjectionOnlyWhereTheLawGivesIt() {
        String purposes = """
                  - id: offers
                    name: {nl: Aanbiedingen, en: Offers}
                    legal-basis: consent
                    profiling: true
                    data: [email]
                  - id: credit
                    name: {nl: Kredietcheck, en: Credit check}
                    legal-basis: contract
                    profiling: true
                    data: [email]
                  - id: fraud
                    name: {nl: Fraudeonderzoek, en: Fraud checks}
                    legal-basis: legitimate-interest
                    interest: {nl: fraude voorkomen, en: preventing fraud}
                    profiling: true
                    data: [email]
                  - id: mailing
                    name: {nl: Mailing, en: Mailing}
                    legal-basis: legitimate-interest
                    interest: {nl: klanten informeren, en: informing customers}
                    direct-marketing: true
                    profiling: true
                    data: [email]
                """;
        String nl = statement(purposes, Lang.NL);
        assertThat(nl).contains("Aanbiedingen: wij maken een profiel van u. Dit doen wij alleen met uw toestemming. U kunt "
                        + "die op elk moment intrekken; dan stoppen wij ermee.",
                "Kredietcheck: wij maken een profiel van u.\n",
                "Fraudeonderzoek: wij maken een profiel van u. U kunt daar bezwaar tegen maken (zie ‘Uw rechten’).",
                "Mailing: wij maken een profiel van u. U kunt daar op elk moment bezwaar tegen maken; dan stoppen wij ermee.");
        String en = statement(purposes, Lang.EN);
        assertThat(en).contains("Offers: we build a profile of you. We do this only with your consent. You can withdraw it "
                        + "at any time; we will then stop.",
                "Credit check: we build a profile of you.\n",
                "Fraud checks: we build a profile of you. You can object to this (see ‘Your rights’).",
                "Mailing: we build a profile of you. You can object to this at any time; we will then stop.");
    }

    // ---- cookies and direct marketing: AP and ACM (Telecommunicatiewet art. 11.7, 11.7a) ----------------

    @Test
    void cookiesNameTheApForComplaintsAndTheAcmForThePlacingRules() {
        String purposes = """
                  - id: analytics
                    name: {nl: Websitestatistiek, en: Website statistics}
                    legal-basis: consent
                    cookies: [analytics, tracking]
                    data: [email]
                """;
        assertThat(statement(purposes, Lang.NL)).contains("Een klacht over cookies en de persoonsgegevens die daarmee "
                + "worden verzameld kunt u indienen bij de Autoriteit Persoonsgegevens. De Autoriteit Consument & Markt (ACM) "
                + "houdt toezicht op de regels van de Telecommunicatiewet over het plaatsen van cookies (artikel 11.7a).")
                .doesNotContain("Op cookies en direct marketing houdt");
        assertThat(statement(purposes, Lang.EN)).contains("A complaint about cookies and the personal data collected with "
                + "them goes to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens). The Netherlands Authority "
                + "for Consumers and Markets (ACM) supervises the rules of the Dutch Telecommunications Act on placing "
                + "cookies (article 11.7a).");
    }

    @Test
    void cookiesAndElectronicMarketingTogetherNameBothRules() {
        String purposes = """
                  - id: analytics
                    name: {nl: Websitestatistiek, en: Website statistics}
                    legal-basis: consent
                    cookies: [tracking]
                    data: [email]
                  - id: mailing
                    name: {nl: Mailing, en: Mailing}
                    legal-basis: consent
                    direct-marketing: true
                    marketing-channels: [sms]
                    data: [email]
                """;
        assertThat(statement(purposes, Lang.NL)).contains("Een klacht over cookies en de persoonsgegevens die daarmee "
                + "worden verzameld, of over het gebruik van uw gegevens voor direct marketing, kunt u indienen bij de "
                + "Autoriteit Persoonsgegevens. De Autoriteit Consument & Markt (ACM) houdt toezicht op de regels van de "
                + "Telecommunicatiewet over het plaatsen van cookies (artikel 11.7a) en over ongevraagde reclame per e-mail, "
                + "sms of telefoon (artikel 11.7).");
        assertThat(statement(purposes, Lang.EN)).contains("A complaint about cookies and the personal data collected with "
                + "them, or about the use of your data for direct marketing, goes to the Dutch Data Protection Authority "
                + "(Autoriteit Persoonsgegevens). The Netherlands Authority for Consumers and Markets (ACM) supervises the "
                + "rules of the Dutch Telecommunications Act on placing cookies (article 11.7a) and on unsolicited marketing "
                + "by e-mail, text message or phone (article 11.7).");
    }

    @Test
    void directMarketingNamesTheAcmOnlyForElectronicOrUndeclaredChannels() {
        String byMail = """
                  - id: mailing
                    name: {nl: Mailing, en: Mailing}
                    legal-basis: consent
                    direct-marketing: true
                    marketing-channels: [email]
                    data: [email]
                """;
        assertThat(statement(byMail, Lang.NL)).contains("Een klacht over het gebruik van uw gegevens voor direct marketing "
                + "kunt u indienen bij de Autoriteit Persoonsgegevens. De Autoriteit Consument & Markt (ACM) houdt toezicht "
                + "op de regels van de Telecommunicatiewet over ongevraagde reclame per e-mail, sms of telefoon (artikel 11.7).");
        assertThat(statement(byMail, Lang.EN)).contains("unsolicited marketing by e-mail, text message or phone (article 11.7).");
        assertThat(statement(byMail.replace("    marketing-channels: [email]\n", ""), Lang.NL)).contains("(ACM)");
        assertThat(statement(byMail.replace("[email]\n    data", "[post]\n    data"), Lang.NL)).doesNotContain("ACM");
    }

    // ---- automated decisions: Art. 13(2)(f) ---------------------------------------------------------

    @Test
    void anAutomatedDecisionSaysWhatItMeansForYouOnlyInThePolicysWords() {
        String purposes = """
                  - id: check
                    name: {nl: Kredietcheck, en: Credit check}
                    legal-basis: contract
                    automated-decision: true
                    automated-logic: {nl: Wij kijken naar uw betaalgeschiedenis., en: We look at your payment history.}
                    automated-significance: {nl: "zonder positieve uitkomst kunt u niet online huren; aan de balie kan het wel", en: "without a positive outcome you cannot rent online; you can still rent at the desk"}
                    data: [email]
                """;
        assertThat(statement(purposes, Lang.NL)).contains("Kredietcheck: een computer neemt hier zelfstandig een besluit "
                + "over u. Wij kijken naar uw betaalgeschiedenis. Wat dit besluit voor u betekent: zonder positieve uitkomst "
                + "kunt u niet online huren; aan de balie kan het wel. U kunt vragen dat een medewerker het besluit bekijkt");
        assertThat(statement(purposes, Lang.EN)).contains("We look at your payment history. What this decision means for "
                + "you: without a positive outcome you cannot rent online; you can still rent at the desk. You can ask for a person");
        String without = purposes.replaceAll("    automated-significance: .*\n", "");
        assertThat(statement(without, Lang.NL)).doesNotContain("Wat dit besluit voor u betekent");
        assertThat(statement(without, Lang.EN)).doesNotContain("What this decision means for you");
    }

    // ---- missing Art. 13/14 items -----------------------------------------------------------------

    @Test
    void provisionSaysWhetherYouMustGiveTheDataAndWhatHappensIfNot() {
        String purposes = ORDERS + """
                    provision:
                      requirement: contract-entry
                      consequence: {nl: wij kunnen uw bestelling dan niet leveren, en: we cannot deliver your order}
                """;
        assertThat(statement(purposes, Lang.NL)).contains("Zonder deze gegevens kunnen wij geen overeenkomst met u sluiten. "
                + "Als u de gegevens niet geeft: wij kunnen uw bestelling dan niet leveren.");
        assertThat(statement(purposes, Lang.EN)).contains("Without this data we cannot enter into a contract with you. "
                + "If you do not provide the data: we cannot deliver your order.");
        assertThat(statement(purposes.replace("contract-entry", "statutory"), Lang.NL))
                .contains("De wet verplicht u deze gegevens aan ons te geven.");
        assertThat(statement(purposes.replace("contract-entry", "voluntary"), Lang.EN))
                .contains("You are not required to provide this data.");
    }

    @Test
    void theRepresentativeInTheUnionIsNamedInWhoWeAre() {
        String yaml = policy(ORDERS, "", true).replace("  contact: {email: privacy@winkel.test}\n",
                "  contact: {email: privacy@winkel.test}\n  representative: {name: EU Rep B.V., address: Kade 2 Utrecht, email: rep@eurep.test}\n");
        assertThat(render(yaml, Lang.NL)).contains("Onze vertegenwoordiger in de Europese Unie is EU Rep B.V.",
                "- **Adres:** Kade 2 Utrecht", "[rep@eurep.test](mailto:rep@eurep.test)");
        assertThat(render(yaml, Lang.EN)).contains("Our representative in the European Union is EU Rep B.V.");
    }

    @Test
    void aJointControllerComesWithTheEssenceOfTheArrangementAndRolesReadForManyRecipients() {
        String recipients = """
                recipients:
                  - id: partners
                    name: {nl: Partnerwinkels, en: Partner shops}
                    role: joint-controller
                    countries: [NL]
                    arrangement: {nl: "wij beantwoorden alle verzoeken over uw gegevens", en: "we answer every request about your data"}
                  - id: advisers
                    name: {nl: Adviseurs, en: Advisers}
                    role: controller
                    countries: [NL]
                """;
        String purposes = ORDERS.replace("data: [email]", "data: [email]\n    recipients: [partners, advisers]");
        String nl = render(policy(purposes, recipients, true), Lang.NL);
        assertThat(nl).contains("Wat wij samen hebben afgesproken: wij beantwoorden alle verzoeken over uw gegevens.",
                "| samen met ons verantwoordelijk |", "| zelf verantwoordelijk voor wat er met de gegevens gebeurt |",
                "**Gedeeld met:** partnerwinkels en adviseurs");
        assertThat(render(policy(purposes, recipients, true), Lang.EN)).contains(
                "What we have agreed together: we answer every request about your data.",
                "| independently responsible for what happens to the data |");
    }

    @Test
    void explicitConsentForSpecialDataCanBeWithdrawnUnderAnotherBasis() {
        String purposes = """
                  - id: care
                    name: {nl: Zorg op maat, en: Tailored care}
                    legal-basis: contract
                    art9-condition: explicit-consent
                    data: [health]
                """;
        assertThat(statement(purposes, Lang.NL)).contains("U kunt uw toestemming op elk moment intrekken.",
                "Dit geldt voor: zorg op maat.");
        assertThat(statement(purposes, Lang.EN)).contains("You can withdraw your consent at any time.",
                "This applies to: tailored care.");
    }
}
