package nl.waarborg.documents;

import java.util.List;
import java.util.Locale;
import nl.waarborg.policy.ArchiveUse;
import nl.waarborg.policy.Art9Condition;
import nl.waarborg.policy.Channel;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.RecipientRole;
import nl.waarborg.policy.Safeguard;
import nl.waarborg.policy.TransferStance;

/** Dutch. */
final class PhrasesNl implements Phrases {

    static final PhrasesNl INSTANCE = new PhrasesNl();

    private static final Locale LOCALE = Locale.of("nl", "NL");

    private PhrasesNl() {
    }

    @Override
    public Lang lang() {
        return Lang.NL;
    }

    @Override
    public Locale locale() {
        return LOCALE;
    }

    @Override
    public String and() {
        return "en";
    }

    @Override
    public String or() {
        return "of";
    }

    @Override
    public String duration(long n, char unit) {
        return n + " " + switch (unit) {
            case 'Y' -> "jaar";
            case 'M' -> n == 1 ? "maand" : "maanden";
            case 'W' -> n == 1 ? "week" : "weken";
            case 'D' -> n == 1 ? "dag" : "dagen";
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    @Override
    public String none() {
        return "geen";
    }

    // ---- statement -----------------------------------------------------------------------------

    @Override
    public String statementTitle(String controller) {
        return "Privacyverklaring van " + controller;
    }

    @Override
    public String statementIntro(String controller) {
        return "In deze verklaring leest u welke persoonsgegevens " + controller
                + " van u gebruikt, waarvoor, hoe lang wij ze bewaren, met wie wij ze delen en welke rechten u hebt.";
    }

    @Override
    public String contents() {
        return "Inhoud";
    }

    @Override
    public String hWhoWeAre() {
        return "Wie wij zijn";
    }

    @Override
    public String hData() {
        return "Welke gegevens wij van u gebruiken";
    }

    @Override
    public String hSources() {
        return "Waar uw gegevens vandaan komen";
    }

    @Override
    public String hPurposes() {
        return "Waarvoor wij uw gegevens gebruiken";
    }

    @Override
    public String hRetention() {
        return "Hoe lang wij uw gegevens bewaren";
    }

    @Override
    public String hRecipients() {
        return "Met wie wij uw gegevens delen";
    }

    @Override
    public String hTransfers() {
        return "Gegevens buiten Europa";
    }

    @Override
    public String hAutomated() {
        return "Geautomatiseerde besluiten en profilering";
    }

    @Override
    public String hRights() {
        return "Uw rechten";
    }

    @Override
    public String hRequests() {
        return "Zo gebruikt u uw rechten";
    }

    @Override
    public String hComplaints() {
        return "Een klacht indienen";
    }

    @Override
    public String hSecurity() {
        return "Hoe wij uw gegevens beveiligen";
    }

    @Override
    public String hMinors() {
        return "Kinderen";
    }

    @Override
    public String hVersions() {
        return "Versies van deze verklaring";
    }

    // ---- who we are ----------------------------------------------------------------------------

    @Override
    public String controllerIs(String controller) {
        return controller + " is verantwoordelijk voor wat er met uw persoonsgegevens gebeurt. "
                + "In de wet heet dat de verwerkingsverantwoordelijke.";
    }

    @Override
    public String lAddress() {
        return "Adres";
    }

    @Override
    public String lRegistration(nl.waarborg.policy.RegistrationKind kind) {
        return switch (kind) {
            case KVK -> "KvK-nummer";
            case KBO -> "Ondernemingsnummer (KBO)";
            case RCS -> "Nummer in het handelsregister van Luxemburg (RCS)";
            case SIREN -> "SIREN-nummer";
            case HANDELSREGISTER -> "Handelsregister (Duitsland)";
            case FIRMENBUCH -> "Firmenbuchnummer (Oostenrijk)";
            case CRO -> "CRO-nummer (Ierland)";
            case CVR -> "CVR-nummer (Denemarken)";
            case KRS -> "KRS-nummer (Polen)";
            case OTHER -> "Registratienummer";
        };
    }

    @Override
    public String lEmail() {
        return "E-mail";
    }

    @Override
    public String lPhone() {
        return "Telefoon";
    }

    @Override
    public String lWebsite() {
        return "Website";
    }

    @Override
    public String questions() {
        return "Hebt u een vraag over uw privacy? Neem dan contact met ons op.";
    }

    @Override
    public String dpo(String name) {
        return (name == null || name.isBlank() ? "Wij hebben een functionaris gegevensbescherming (FG)."
                : "Onze functionaris gegevensbescherming (FG) is " + name + ".")
                + " De FG let er binnen onze organisatie op dat wij zorgvuldig met uw gegevens omgaan. "
                + "U kunt de FG ook zelf benaderen:";
    }

    @Override
    public String representative(String name) {
        return "Wij zijn gevestigd buiten de Europese Unie. Onze vertegenwoordiger in de Europese Unie is " + name
                + ". U kunt ook bij deze vertegenwoordiger terecht met vragen over uw privacy:";
    }

    // ---- data ----------------------------------------------------------------------------------

    @Override
    public String dataIntro() {
        return "Welke gegevens wij van u gebruiken, hangt af van wie u voor ons bent.";
    }

    @Override
    public String flagSpecial() {
        return "bijzonder persoonsgegeven";
    }

    @Override
    public String flagCriminal() {
        return "strafrechtelijk gegeven";
    }

    @Override
    public String flagNationalId() {
        return "burgerservicenummer of ander wettelijk nummer";
    }

    @Override
    public String flagChildren() {
        return "gegevens van kinderen";
    }

    @Override
    public String extraProtected() {
        return "extra beschermd";
    }

    @Override
    public String extraProtectedNote() {
        return "Gegevens die als extra beschermd zijn gemarkeerd, zijn gevoelig. Wij gebruiken ze alleen waar de wet "
                + "dat uitdrukkelijk toestaat, en alleen de mensen die ze echt nodig hebben kunnen erbij.";
    }

    // ---- sources -------------------------------------------------------------------------------

    @Override
    public String sourcesIntro() {
        return "Wij krijgen uw gegevens:";
    }

    @Override
    public String sourceNeedsConsent() {
        return "alleen als u die partij toestemming gaf om uw gegevens met ons te delen";
    }

    // ---- purposes ------------------------------------------------------------------------------

    @Override
    public String purposesIntro() {
        return "Wij gebruiken uw gegevens alleen voor de doelen hieronder. Voor elk doel hebben wij een reden die "
                + "de wet (de AVG) erkent: de grondslag. Per doel leest u wat die grondslag voor u betekent.";
    }

    @Override
    public String lData() {
        return "Welke gegevens";
    }

    @Override
    public String lSubjects() {
        return "Van wie";
    }

    @Override
    public String lBasis() {
        return "Grondslag";
    }

    @Override
    public String lSharedWith() {
        return "Gedeeld met";
    }

    @Override
    public String basisName(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> "toestemming";
            case CONTRACT -> "uitvoering van een overeenkomst";
            case LEGAL_OBLIGATION -> "wettelijke verplichting";
            case VITAL_INTEREST -> "vitaal belang";
            case PUBLIC_TASK -> "taak van algemeen belang";
            case LEGITIMATE_INTEREST -> "gerechtvaardigd belang";
        };
    }

    @Override
    public String basisArticle(LegalBasis basis) {
        return "art. 6 lid 1 onder " + letter(basis) + " AVG";
    }

    static char letter(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> 'a';
            case CONTRACT -> 'b';
            case LEGAL_OBLIGATION -> 'c';
            case VITAL_INTEREST -> 'd';
            case PUBLIC_TASK -> 'e';
            case LEGITIMATE_INTEREST -> 'f';
        };
    }

    @Override
    public String basisMissing() {
        return "nog niet vastgelegd";
    }

    @Override
    public String basisExplained(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> "Wij doen dit alleen als u ons daarvoor toestemming geeft.";
            case CONTRACT -> "Wij hebben deze gegevens nodig om een overeenkomst met u te sluiten of uit te voeren, "
                    + "of om te doen wat u ons vraagt voordat u een overeenkomst sluit.";
            case LEGAL_OBLIGATION -> "De wet verplicht ons hiertoe.";
            case VITAL_INTEREST -> "Wij doen dit alleen om iemands leven of gezondheid te beschermen, "
                    + "bijvoorbeeld bij een calamiteit.";
            case PUBLIC_TASK -> "Wij doen dit om een taak van algemeen belang uit te voeren die de wet ons geeft.";
            case LEGITIMATE_INTEREST -> "Wij hebben hier zelf een goede reden voor, en hebben die afgewogen tegen uw privacy.";
        };
    }

    @Override
    public String ourInterest(String interest) {
        // a policy that already writes "ons belang ..." is not prefixed twice
        return interest.strip().toLowerCase(locale()).startsWith("ons belang") ? interest : "Ons belang: " + interest;
    }

    @Override
    public String balancing(String balancing) {
        return "Zo hebben wij dat afgewogen tegen uw belangen: " + balancing;
    }

    @Override
    public String law(String law) {
        return "De wet die dit voorschrijft: " + law;
    }

    @Override
    public String withdrawConsent() {
        return "U kunt uw toestemming op elk moment intrekken. Wat wij vóór het intrekken met uw gegevens deden, blijft rechtmatig.";
    }

    @Override
    public String canObject() {
        return "U kunt tegen dit gebruik van uw gegevens bezwaar maken (zie ‘Uw rechten’).";
    }

    @Override
    public String directMarketing() {
        return "Dit is direct marketing. Maakt u daar bezwaar tegen, dan stoppen wij er altijd mee.";
    }

    @Override
    public String provision(nl.waarborg.policy.ProvisionRequirement r) {
        return switch (r) {
            case STATUTORY -> "De wet verplicht u deze gegevens aan ons te geven.";
            case CONTRACTUAL -> "Uw overeenkomst met ons verplicht u deze gegevens te geven.";
            case CONTRACT_ENTRY -> "Zonder deze gegevens kunnen wij geen overeenkomst met u sluiten.";
            case VOLUNTARY -> "U bent niet verplicht deze gegevens te geven.";
        };
    }

    @Override
    public String provisionConsequence(String consequence) {
        return "Als u de gegevens niet geeft: " + consequence;
    }

    @Override
    public String art9(String condition) {
        return "Hiervoor gebruiken wij bijzondere persoonsgegevens. Dat mag alleen in de gevallen die de wet noemt. "
                + "Ons geval: " + condition + ".";
    }

    @Override
    public String art9Name(Art9Condition c) {
        return switch (c) {
            case EXPLICIT_CONSENT -> "u hebt daar uitdrukkelijk toestemming voor gegeven";
            case EMPLOYMENT -> "het is nodig voor verplichtingen uit het arbeidsrecht of de sociale zekerheid";
            case VITAL_INTERESTS -> "het is nodig om iemands leven of gezondheid te beschermen terwijl die persoon zelf geen toestemming kan geven";
            case NON_PROFIT -> "het gaat om leden of vaste contacten van onze organisatie zonder winstoogmerk";
            case MADE_PUBLIC -> "u hebt deze gegevens zelf duidelijk openbaar gemaakt";
            case LEGAL_CLAIMS -> "het is nodig om een recht vast te stellen, uit te oefenen of te verdedigen, bijvoorbeeld in een rechtszaak";
            case SUBSTANTIAL_PUBLIC_INTEREST -> "een wet staat het toe vanwege een zwaarwegend algemeen belang";
            case HEALTH_CARE -> "het is nodig voor gezondheidszorg, door of onder verantwoordelijkheid van iemand met een beroepsgeheim";
            case PUBLIC_HEALTH -> "het is nodig voor de volksgezondheid";
            case ARCHIVING_RESEARCH -> "het is nodig voor archivering in het algemeen belang, wetenschappelijk of historisch onderzoek of statistiek";
        };
    }

    @Override
    public String archiveUse(ArchiveUse use) {
        return switch (use) {
            case LEGAL_CLAIMS -> "bij juridische procedures";
            case STATISTICS -> "voor statistiek";
            case HISTORICAL -> "voor historisch onderzoek";
        };
    }

    @Override
    public String archive(String uses) {
        return "Dit is een archiefdoel: wij bewaren deze gegevens alleen nog in een archief. Wij gebruiken ze alleen nog "
                + uses + ", en voor niets anders.";
    }

    // ---- retention -----------------------------------------------------------------------------

    @Override
    public String retentionIntro() {
        return "Wij bewaren uw gegevens niet langer dan nodig. Voor elke soort gegevens geldt een vaste termijn. "
                + "Is die voorbij, dan verwijderen wij de gegevens, of maken wij ze anoniem zodat ze niet meer naar u te herleiden zijn.";
    }

    @Override
    public String retentionIntroDelete() {
        return "Wij bewaren uw gegevens niet langer dan nodig. Voor elke soort gegevens geldt een vaste termijn. "
                + "Is die voorbij, dan verwijderen wij de gegevens.";
    }

    @Override
    public String retentionOverlap() {
        return "Valt een gegeven onder meer dan één termijn, dan bewaren wij het tot de langste voorbij is. "
                + "Na afloop van een kortere termijn gebruiken wij het alleen nog voor het doel van de langere.";
    }

    @Override
    public List<String> retentionHeader() {
        return List.of("Welke gegevens", "Hoe lang", "Vanaf wanneer", "Daarna", "Langer bewaren");
    }

    @Override
    public String allData() {
        return "Alle gegevens";
    }

    @Override
    public String dataForPurposes(List<String> purposes) {
        return "Gegevens " + forPurposes(purposes);
    }

    @Override
    public String forPurposes(List<String> purposes) {
        List<String> quoted = purposes.stream().map(x -> "‘" + x + "’").toList();
        return (quoted.size() == 1 ? "voor het doel " : "voor de doelen ") + list(quoted);
    }

    @Override
    public String startCollection() {
        return "vanaf het moment dat wij de gegevens krijgen";
    }

    @Override
    public String startEvent(String event) {
        return "na " + event;
    }

    @Override
    public String startLatest(List<String> events) {
        return "na " + list(events) + ", wat het laatst gebeurt";
    }

    @Override
    public String startAt(String moment) {
        return "vanaf " + moment;
    }

    @Override
    public String anchorCollection() {
        return "het moment dat wij de gegevens krijgen";
    }

    @Override
    public String anchorLatest(List<String> events) {
        return list(events) + ", wat het laatst gebeurt";
    }

    @Override
    public String rounded(nl.waarborg.policy.CalendarRounding round, String anchor) {
        String unit = switch (round.unit()) {
            case YEAR -> "het jaar";
            case QUARTER -> "het kwartaal";
            case MONTH -> "de maand";
        };
        String of = unit + " van " + anchor;
        String which = round.next() ? unit + " na " + of : of;
        if (round.toEnd()) {
            return "het einde van " + which;
        }
        return switch (round.unit()) {
            case YEAR -> "1 januari " + (round.next() ? "na " : "van ") + of;
            case QUARTER -> "het begin van " + which;
            case MONTH -> "de eerste dag van " + which;
        };
    }

    @Override
    public String untilEvent(String event) {
        return "tot " + event;
    }

    @Override
    public String untilLatest(List<String> events) {
        return "tot " + list(events) + ", wat het laatst gebeurt";
    }

    @Override
    public String endDelete() {
        return "verwijderd";
    }

    @Override
    public String endAnonymise() {
        return "geanonimiseerd: alleen cijfers op groepsniveau blijven over";
    }

    @Override
    public String hold(HoldKind kind, String max) {
        return switch (kind) {
            case INCIDENT -> max == null ? "zolang een incident dat nodig maakt" : "tot " + max + " als zich een incident heeft voorgedaan";
            case LEGAL_CLAIM -> max == null ? "zolang een juridisch geschil loopt" : "tot " + max + " zolang een juridisch geschil loopt";
            case COMPLAINT -> max == null ? "zolang we een klacht behandelen" : "tot " + max + " zolang we een klacht behandelen";
        };
    }

    @Override
    public String superseded(List<String> subjectCategories) {
        return "Geldt niet meer zodra u hoort bij: " + alternatives(subjectCategories) + ".";
    }

    @Override
    public String noLongerAppliesOnJoining(List<String> subjectCategories) {
        List<String> quoted = subjectCategories.stream().map(x -> "‘" + x + "’").toList();
        return "Hoort u daarna bij " + (quoted.size() == 1 ? "de groep " : "de groepen ") + alternatives(quoted)
                + ", dan geldt deze termijn niet meer.";
    }

    @Override
    public String withConsentUpTo(String period) {
        return "met uw toestemming tot " + period;
    }

    @Override
    public String regWhileConsent(String purpose) {
        return "Alleen zolang de toestemming voor " + purpose + " geldt; na intrekking geldt alleen de gewone termijn.";
    }

    @Override
    public String whileConsent(String purpose, boolean orAnonymised) {
        return "Alleen als u toestemming geeft voor het doel ‘" + purpose + "’. Na de gewone termijn gebruiken wij de gegevens "
                + "alleen nog daarvoor. U kunt uw toestemming altijd intrekken. Dan stopt deze termijn en geldt alleen "
                + "de gewone termijn. Is die al voorbij, dan " + (orAnonymised ? "verwijderen of anonimiseren" : "verwijderen")
                + " wij de gegevens meteen.";
    }

    // ---- recipients and transfers --------------------------------------------------------------

    @Override
    public String recipientsIntro() {
        return "Wij delen uw gegevens alleen als dat nodig is voor een van de doelen hierboven, en dan niet meer dan nodig. "
                + "Verwerkers werken in onze opdracht; met ieder van hen hebben wij een verwerkersovereenkomst gesloten.";
    }

    @Override
    public List<String> recipientsHeader() {
        return List.of("Ontvanger", "Rol", "Waarvoor", "Waar", "Bescherming");
    }

    @Override
    public String role(RecipientRole role) {
        return switch (role) {
            case PROCESSOR -> "verwerker: werkt in onze opdracht";
            case CONTROLLER -> "zelf verantwoordelijk voor wat hij met de gegevens doet";
            case JOINT_CONTROLLER -> "samen met ons verantwoordelijk";
            case AUTHORITY -> "overheidsinstantie";
        };
    }

    @Override
    public String pseudonymisedOnly() {
        return "krijgt alleen gepseudonimiseerde gegevens: zonder naam of andere gegevens die direct naar u wijzen";
    }

    @Override
    public String roleInStatement(RecipientRole role) {
        return switch (role) {
            case PROCESSOR -> "verwerker, in onze opdracht";
            case CONTROLLER -> "zelf verantwoordelijk voor wat er met de gegevens gebeurt";
            case JOINT_CONTROLLER -> "samen met ons verantwoordelijk";
            case AUTHORITY -> "overheidsinstantie";
        };
    }

    @Override
    public String pseudonymisedOnlyInStatement() {
        return "alleen gepseudonimiseerde gegevens, zonder naam of andere gegevens die direct naar u wijzen";
    }

    @Override
    public String jointArrangement(String arrangement) {
        return "Wat wij samen hebben afgesproken: " + arrangement;
    }

    @Override
    public String outsideEeaSeeTransfers(String transfersHeading) {
        return "buiten de EER: zie ‘" + transfersHeading + "’";
    }

    @Override
    public String onlyWhenLawRequires() {
        return "alleen als de wet ons daartoe verplicht";
    }

    @Override
    public String insideEea() {
        return "binnen de EER: de AVG geldt";
    }

    @Override
    public String safeguard(Safeguard s) {
        return switch (s) {
            case ADEQUACY -> "besluit van de Europese Commissie dat dit land gegevens even goed beschermt";
            case SCC -> "standaardcontractbepalingen van de Europese Commissie (SCC’s)";
            case BCR -> "bindende bedrijfsvoorschriften binnen het concern (BCR’s)";
            case DEROGATION -> "uitzondering van artikel 49 AVG";
            case NONE -> "geen";
        };
    }

    @Override
    public String transferAssessment(String date) {
        return "doorgifterisico beoordeeld op " + date;
    }

    @Override
    public String processingAgreement(String date) {
        return "verwerkersovereenkomst van " + date;
    }

    @Override
    public String noRecipients() {
        return "Wij delen uw gegevens met niemand buiten onze organisatie.";
    }

    @Override
    public String transfersNone() {
        return "Wij geven uw gegevens niet door aan landen buiten de Europese Economische Ruimte (EER).";
    }

    @Override
    public String transfersEuOnly() {
        return "Uw gegevens blijven in de Europese Economische Ruimte (EER). Wij slaan ze daar op en geven ze niet door aan landen daarbuiten.";
    }

    @Override
    public String transfersNoneOutside() {
        return "Op dit moment geven wij geen gegevens door aan landen buiten de Europese Economische Ruimte (EER).";
    }

    @Override
    public String transfersIntro() {
        return "Sommige ontvangers of systemen zitten buiten de Europese Economische Ruimte (EER). Daar geldt de AVG niet "
                + "vanzelf. Hieronder leest u per ontvanger of systeem wat dat voor uw gegevens betekent.";
    }

    @Override
    public String transferAdequacy() {
        return "Voor deze ontvangers en systemen heeft de Europese Commissie besloten dat persoonsgegevens in hun land "
                + "voldoende beschermd zijn:";
    }

    @Override
    public String transferDpf() {
        return "Deze ontvangers in de Verenigde Staten zijn gecertificeerd onder het EU-VS-kader voor gegevensbescherming "
                + "(EU-US Data Privacy Framework). Voor organisaties met die certificering heeft de Europese Commissie "
                + "besloten dat zij persoonsgegevens voldoende beschermen:";
    }

    @Override
    public String transferUsNotCertified() {
        return "Het besluit van de Europese Commissie over de Verenigde Staten geldt alleen voor organisaties die "
                + "gecertificeerd zijn onder het EU-VS-kader voor gegevensbescherming (EU-US Data Privacy Framework). "
                + "Voor deze ontvangers en systemen hebben wij die certificering niet vastgelegd:";
    }

    @Override
    public String transferScc() {
        return "Met deze ontvangers, en voor deze systemen, hebben wij de standaardcontractbepalingen van de Europese "
                + "Commissie afgesproken:";
    }

    @Override
    public String transferSccExplained() {
        return "Standaardcontractbepalingen zijn een vaste tekst voor een contract, door de Europese Commissie vastgesteld. "
                + "Daarin belooft de ontvanger uw gegevens te beschermen zoals de AVG dat vraagt.";
    }

    @Override
    public String transferBcr() {
        return "Voor deze ontvangers gelden bindende bedrijfsvoorschriften: regels voor het beschermen van persoonsgegevens "
                + "binnen hun concern, goedgekeurd door een toezichthouder op privacy. Het gaat om:";
    }

    @Override
    public String transferDerogation() {
        return "Voor deze ontvangers en systemen is er geen besluit van de Europese Commissie en geen waarborg die uw "
                + "gegevens even goed beschermt:";
    }

    @Override
    public String transferDerogationRisks() {
        return "Wij geven uw gegevens daar alleen door in de bijzondere gevallen die de wet noemt (een uitzondering van "
                + "artikel 49 AVG), bijvoorbeeld als u daar uitdrukkelijk toestemming voor geeft of als het nodig is om een "
                + "overeenkomst met u uit te voeren. Let op de risico’s: de wet daar kan uw gegevens minder goed beschermen, "
                + "en overheidsinstanties daar kunnen uw gegevens mogelijk inzien.";
    }

    @Override
    public String transferNoSafeguard() {
        return "Voor deze ontvangers en systemen hebben wij geen besluit van de Europese Commissie en geen andere waarborg "
                + "vastgelegd:";
    }

    @Override
    public String transfersAdequacyPublished(String url) {
        return "De besluiten van de Europese Commissie staan op haar website, " + url + ".";
    }

    @Override
    public String transfersDpfPublished(String url) {
        return "Welke organisaties gecertificeerd zijn, ziet u op " + url + ".";
    }

    @Override
    public String transfersAssessed() {
        return "Voordat wij gegevens doorgeven op grond van zulke afspraken, beoordelen wij of de wetten en praktijk in "
                + "dat land die afspraken ondermijnen. Is dat zo, dan nemen wij extra maatregelen of geven wij de gegevens "
                + "niet door.";
    }

    @Override
    public String transfersCopy(String email) {
        return "Een kopie van deze afspraken kunt u opvragen via " + email + ".";
    }

    // ---- automated -----------------------------------------------------------------------------

    @Override
    public String noAutomatedDecisions() {
        return "Wij nemen geen besluiten over u die alleen door een computer worden genomen.";
    }

    @Override
    public String noProfiling() {
        return "Wij maken geen profiel van u.";
    }

    @Override
    public String profiling(String purpose) {
        return purpose + ": wij maken een profiel van u.";
    }

    @Override
    public String profilingObjection(boolean alwaysStops) {
        return alwaysStops ? "U kunt daar op elk moment bezwaar tegen maken; dan stoppen wij ermee."
                : "U kunt daar bezwaar tegen maken (zie ‘Uw rechten’).";
    }

    @Override
    public String profilingConsent() {
        return "Dit doen wij alleen met uw toestemming. U kunt die op elk moment intrekken; dan stoppen wij ermee.";
    }

    @Override
    public String automatedDecision(String purpose) {
        return purpose + ": een computer neemt hier zelfstandig een besluit over u.";
    }

    @Override
    public String automatedDecisionRights() {
        return "U kunt vragen dat een medewerker het besluit bekijkt, u kunt uw standpunt geven en u kunt het besluit aanvechten.";
    }

    @Override
    public String automatedSignificance(String significance) {
        return "Wat dit besluit voor u betekent: " + significance;
    }

    // ---- rights --------------------------------------------------------------------------------

    @Override
    public String rightsIntro(String requestsHeading) {
        return "Het zijn uw gegevens. Daarom hebt u de volgende rechten. Hoe u ze gebruikt, leest u onder ‘"
                + requestsHeading + "’.";
    }

    @Override
    public String rAccess() {
        return "Inzage";
    }

    @Override
    public String rAccessText() {
        return "U kunt vragen welke gegevens wij van u hebben. U krijgt dan een kopie, en u hoort waarvoor wij ze gebruiken, "
                + "om welke soorten gegevens het gaat, met wie wij ze delen, hoe lang wij ze bewaren, waar ze vandaan komen "
                + "en hoe wij ze beschermen als ze buiten de EER gaan.";
    }

    @Override
    public String rRectification() {
        return "Correctie";
    }

    @Override
    public String rRectificationText() {
        return "Kloppen uw gegevens niet of zijn ze onvolledig, dan passen wij ze aan. Wij geven de wijziging door aan wie "
                + "de gegevens van ons kreeg, tenzij dat onmogelijk is of onevenredig veel moeite kost.";
    }

    @Override
    public String rErasure() {
        return "Verwijdering";
    }

    @Override
    public String rErasureText() {
        return "U kunt vragen uw gegevens te wissen, bijvoorbeeld als wij ze niet meer nodig hebben, als u uw toestemming "
                + "intrekt of bezwaar maakt, of als wij ze niet hadden mogen gebruiken. Soms moeten of mogen wij gegevens "
                + "houden: omdat de wet dat eist, omdat uw overeenkomst nog loopt of voor een rechtszaak. "
                + "Dan vertellen wij u welke gegevens wij bewaren en waarom.";
    }

    @Override
    public String rNoAnonymisedRemainder() {
        return "Ook geen geanonimiseerde gegevens";
    }

    @Override
    public String rNoAnonymisedRemainderText() {
        // "in advance" is the point: once anonymised, nobody can tell which data was the subject's (S3)
        return "U mag ons van tevoren laten weten dat wij uw gegevens helemaal verwijderen als de bewaartermijn afloopt, "
                + "en er ook geen geanonimiseerde gegevens voor statistiek van bewaren. Zeg het ons wel vooraf: als gegevens "
                + "eenmaal geanonimiseerd zijn, kunnen wij niet meer nagaan welke gegevens van u waren.";
    }

    @Override
    public String rRestriction() {
        return "Beperking";
    }

    @Override
    public String rRestrictionText() {
        return "U kunt vragen dat wij uw gegevens een tijd niet gebruiken, maar alleen bewaren. Dat kan als u vindt dat ze "
                + "niet kloppen (zolang wij dat nakijken), als wij ze niet hadden mogen gebruiken maar u niet wilt dat wij ze "
                + "wissen, als wij ze niet meer nodig hebben maar u ze nodig hebt voor een rechtszaak, of zolang wij uw "
                + "bezwaar beoordelen.";
    }

    @Override
    public String rPortability() {
        return "Overdraagbaarheid";
    }

    @Override
    public String rPortabilityText() {
        return "Gegevens die u zelf aan ons gaf en die wij met de computer verwerken op basis van uw toestemming of een "
                + "overeenkomst, kunt u krijgen in een gangbaar bestandsformaat. Als u dat wilt, sturen wij ze "
                + "rechtstreeks naar een andere organisatie, als dat technisch mogelijk is.";
    }

    @Override
    public String rObjection() {
        return "Bezwaar";
    }

    @Override
    public String rObjectionText() {
        return "Gebruiken wij uw gegevens omdat wij daar zelf een gerechtvaardigd belang bij hebben, of voor een taak "
                + "van algemeen belang, dan kunt u daartegen bezwaar maken vanwege uw persoonlijke situatie. Wij stoppen dan, tenzij wij dwingende redenen hebben die zwaarder "
                + "wegen dan uw belangen, of de gegevens nodig hebben voor een rechtszaak. Tegen direct marketing kunt u "
                + "altijd bezwaar maken; dan stoppen wij daar meteen mee.";
    }

    @Override
    public String rWithdrawal() {
        return "Toestemming intrekken";
    }

    @Override
    public String rWithdrawalText() {
        return "Hebt u ons toestemming gegeven, dan kunt u die op elk moment intrekken, net zo makkelijk als u haar gaf. "
                + "Wat wij vóór het intrekken met uw gegevens deden, blijft rechtmatig.";
    }

    @Override
    public String appliesTo(String purposes) {
        return "Dit geldt voor: " + purposes + ".";
    }

    @Override
    public String objectionAppliesToNothing() {
        return "Op dit moment gebruiken wij uw gegevens niet op grond van ons gerechtvaardigd belang of voor een taak "
                + "van algemeen belang, en niet voor direct marketing.";
    }

    @Override
    public String withdrawalAppliesToNothing() {
        return "Op dit moment vragen wij voor niets uw toestemming.";
    }

    // ---- requests ------------------------------------------------------------------------------

    @Override
    public String channelsIntro() {
        return "U kunt een verzoek indienen:";
    }

    @Override
    public String channel(Channel c, String detail) {
        return switch (c) {
            case EMAIL -> "per e-mail aan " + detail;
            case WEB -> detail == null ? "via onze website" : "via onze website: " + detail;
            case POST -> "per post aan " + detail;
            case IN_PERSON -> "persoonlijk, op " + detail;
            case PHONE -> "telefonisch via " + detail;
        };
    }

    @Override
    public String identityIntro() {
        return "Voordat wij uw verzoek uitvoeren, stellen wij vast dat u het echt bent. Zo voorkomen wij dat iemand anders "
                + "uw gegevens krijgt. Wij vragen niet meer dan daarvoor nodig is. Dat kan op een van deze manieren:";
    }

    @Override
    public String identity(IdentityMethod m) {
        return switch (m) {
            case EMAIL_LINK -> "wij sturen een bevestigingslink naar het e-mailadres dat wij van u hebben";
            case ACCOUNT_LOGIN -> "u logt in op uw account bij ons";
            case IN_PERSON_ID -> "u komt langs en laat uw originele identiteitsbewijs zien; wij maken daar geen kopie van";
            case ID_COPY_MASKED -> "u stuurt een kopie van uw identiteitsbewijs waarop u uw pasfoto en burgerservicenummer (BSN) onleesbaar hebt gemaakt";
            case COOKIE -> "voor gegevens die via cookies zijn verzameld: met de cookie zelf, vanaf het apparaat waarop die staat";
        };
    }

    @Override
    public String freeOfCharge() {
        return "Een verzoek kost u niets.";
    }

    @Override
    public String notFreeOfCharge() {
        return "Een verzoek is gratis. Alleen als een verzoek duidelijk ongegrond of buitensporig is, bijvoorbeeld "
                + "omdat u het steeds herhaalt, mogen wij een redelijke vergoeding vragen of het verzoek weigeren. "
                + "Vraagt u meer dan één kopie van uw gegevens, dan kunnen wij voor de extra kopieën een redelijke "
                + "vergoeding vragen.";
    }

    @Override
    public String requestRecords(String duration) {
        return "Wat wij over uw verzoek vastleggen, bewaren wij tot " + duration + " nadat wij het hebben afgehandeld.";
    }

    @Override
    public String responseTime(String duration) {
        return "Wij reageren binnen " + duration + " nadat wij uw verzoek hebben ontvangen.";
    }

    @Override
    public String extension(String duration) {
        return "Is uw verzoek ingewikkeld, of krijgen wij veel verzoeken tegelijk, dan kunnen wij die termijn met ten hoogste "
                + duration + " verlengen. Dat laten wij u binnen de eerste termijn weten, met de reden.";
    }

    @Override
    public String objectionDecision() {
        return "Over een bezwaar beslissen wij binnen dezelfde termijn. Is uw bezwaar terecht, dan stoppen wij meteen.";
    }

    @Override
    public String refusal(String authority, boolean extension) {
        return "Voeren wij een verzoek niet of niet helemaal uit, dan laten wij u binnen de termijn weten waarom. "
                + "Bent u het daar" + (extension ? ", of met een verlenging," : "") + " niet mee eens, dan kunt u een "
                + "klacht indienen bij " + (authority == null ? "de toezichthouder" : "de " + authority)
                + " of naar de rechter stappen.";
    }

    // ---- complaints ----------------------------------------------------------------------------

    @Override
    public String complaint(String authority) {
        return "Bent u het niet eens met hoe wij met uw gegevens omgaan? Laat het ons weten, dan zoeken wij samen naar "
                + "een oplossing. U hebt ook altijd het recht een klacht in te dienen bij de toezichthouder, de " + authority + ":";
    }

    @Override
    public String dpoSupervises() {
        return "Binnen onze organisatie houdt onze functionaris gegevensbescherming toezicht.";
    }

    @Override
    public String cookieAndMarketingSupervisors(boolean cookies, boolean marketing) {
        String about = cookies && marketing
                ? "over cookies en de persoonsgegevens die daarmee worden verzameld, of over het gebruik van uw gegevens "
                        + "voor direct marketing,"
                : cookies ? "over cookies en de persoonsgegevens die daarmee worden verzameld"
                : "over het gebruik van uw gegevens voor direct marketing";
        String rules = cookies && marketing
                ? "het plaatsen van cookies (artikel 11.7a) en over ongevraagde reclame per e-mail, sms of telefoon (artikel 11.7)"
                : cookies ? "het plaatsen van cookies (artikel 11.7a)"
                : "ongevraagde reclame per e-mail, sms of telefoon (artikel 11.7)";
        return "Een klacht " + about + " kunt u indienen bij de Autoriteit Persoonsgegevens. De Autoriteit Consument & Markt "
                + "(ACM) houdt toezicht op de regels van de Telecommunicatiewet over " + rules + ".";
    }

    // ---- security ------------------------------------------------------------------------------

    @Override
    public String securityIntro() {
        return "Wij beschermen uw gegevens met technische en organisatorische maatregelen:";
    }

    @Override
    public String needToKnow() {
        return "Alleen medewerkers die uw gegevens voor hun werk nodig hebben, kunnen erbij.";
    }

    @Override
    public String rolesIntro() {
        return "Per doel mogen bij ons alleen deze functies uw gegevens gebruiken:";
    }

    @Override
    public String rolesOfPurpose(String purpose, List<String> roles) {
        return purpose + ": " + list(roles) + ".";
    }

    @Override
    public String rolesStaff() {
        return "Daarnaast kunnen de medewerkers die uw privacyverzoeken behandelen uw gegevens inzien.";
    }

    @Override
    public String confidentiality() {
        return "Iedereen die bij ons persoonsgegevens kan inzien, heeft een geheimhoudingsverklaring getekend.";
    }

    @Override
    public String dataCentres(String countries, boolean allInEea) {
        return "Wij slaan uw gegevens op in datacentra in " + countries
                + (allInEea ? ", binnen de Europese Economische Ruimte (EER)." : ".");
    }

    @Override
    public String breach(String authority) {
        return "Gaat er toch iets mis en komen gegevens bij de verkeerde terecht (een datalek), dan lossen wij dat zo snel "
                + "mogelijk op en leggen wij het vast. Wij melden het aan de " + authority + ", tenzij het "
                + "waarschijnlijk geen risico voor u of anderen oplevert. Is het risico voor u hoog, dan laten wij het "
                + "u ook zelf weten.";
    }

    // ---- minors --------------------------------------------------------------------------------

    @Override
    public String minorsParental(int age) {
        return "Bent u jonger dan " + age + " jaar? Dan hebben wij toestemming van uw ouder of voogd nodig voordat wij "
                + "uw gegevens gebruiken voor iets waarvoor toestemming nodig is.";
    }

    @Override
    public String minorsNotServed(int age) {
        return "Onze diensten zijn niet bedoeld voor kinderen jonger dan " + age
                + " jaar. Wij verzamelen niet bewust gegevens van hen.";
    }

    // ---- versions ------------------------------------------------------------------------------

    @Override
    public String currentVersion(String version, String date) {
        return "Dit is versie " + version + " van deze privacyverklaring" + (date.isEmpty() ? "." : ", geldig vanaf " + date + ".");
    }

    @Override
    public String changes() {
        return "Wat is er veranderd:";
    }

    @Override
    public String previousVersionsIntro() {
        return "Als wij deze verklaring wijzigen, publiceren wij de nieuwe versie op deze plek. Eerdere versies blijven beschikbaar:";
    }

    @Override
    public String previousVersion(String version, String date) {
        return "versie " + version + (date.isEmpty() ? "" : ", geldig vanaf " + date);
    }

    @Override
    public String noPreviousVersions() {
        return "Als wij deze verklaring wijzigen, publiceren wij de nieuwe versie op deze plek en blijft deze versie beschikbaar.";
    }

    // ---- register ------------------------------------------------------------------------------

    @Override
    public String registerTitle(String controller) {
        return "Register van verwerkingsactiviteiten van " + controller;
    }

    @Override
    public String registerIntro(String version, String date) {
        return "Register volgens artikel 30 lid 1 AVG, afgeleid uit het privacybeleid versie " + version
                + (date.isEmpty() ? "" : " van " + date) + ". Eén regel per verwerkingsdoel.";
    }

    @Override
    public String column(RegisterTable.Column c) {
        return switch (c) {
            case PURPOSE_ID -> "Doel-id";
            case PURPOSE -> "Verwerkingsdoel";
            case DESCRIPTION -> "Omschrijving";
            case CONTROLLER -> "Verwerkingsverantwoordelijke";
            case CONTROLLER_CONTACT -> "Contactgegevens";
            case REPRESENTATIVE -> "Vertegenwoordiger in de EU (art. 27 AVG)";
            case DPO -> "Functionaris gegevensbescherming";
            case JOINT_CONTROLLERS -> "Gezamenlijke verwerkingsverantwoordelijken (art. 26 AVG)";
            case LEGAL_BASIS -> "Grondslag";
            case BASIS_DETAILS -> "Belang, afweging of wettelijke plicht";
            case ART9 -> "Uitzondering bijzondere gegevens (art. 9 lid 2 AVG)";
            case CRIMINAL -> "Strafrechtelijke gegevens (art. 10 AVG, art. 31-33 UAVG)";
            case NATIONAL_ID -> "Burgerservicenummer of ander identificatienummer (art. 46 UAVG)";
            case SUBJECTS -> "Categorieën betrokkenen";
            case DATA -> "Categorieën persoonsgegevens";
            case SOURCES -> "Bronnen";
            case RECIPIENTS -> "Categorieën ontvangers";
            case TRANSFERS -> "Doorgifte naar derde landen en waarborgen";
            case RETENTION -> "Bewaartermijnen";
            case ARCHIVE -> "Archiefdoel";
            case SECURITY -> "Beveiligingsmaatregelen";
            case SYSTEMS -> "Systemen";
            case ROLES -> "Rollen met toegang";
            case FLAGS -> "Direct marketing, profilering, geautomatiseerde besluiten";
        };
    }

    @Override
    public String flagDirectMarketing() {
        return "direct marketing";
    }

    @Override
    public String flagProfiling() {
        return "profilering";
    }

    @Override
    public String flagAutomatedDecision() {
        return "geautomatiseerd besluit";
    }

    @Override
    public String regArchive(String uses) {
        return "Alleen bewaard in een archief; alleen gebruikt " + uses + ".";
    }

    @Override
    public String notDeclared() {
        return "niet vastgelegd";
    }

    @Override
    public String stance(TransferStance stance) {
        return switch (stance) {
            case NONE -> "beleid: geen doorgifte buiten de EER";
            case EU_ONLY -> "beleid: gegevens blijven binnen de EU/EER";
            case DECLARED -> "beleid: doorgifte zoals per ontvanger en systeem vermeld";
        };
    }

    @Override
    public String regStartCollection() {
        return "vanaf verzameling";
    }

    @Override
    public String then(String end) {
        return "daarna " + end;
    }

    @Override
    public String regNeedToKnow() {
        return "Alleen medewerkers die de gegevens voor hun taak nodig hebben, hebben toegang.";
    }

    @Override
    public String regConfidentiality() {
        return "Alle medewerkers met toegang tot persoonsgegevens hebben een geheimhoudingsverklaring getekend.";
    }

    @Override
    public String regDataCentres(String countries) {
        return "Opslag in datacentra in " + countries + ".";
    }

    @Override
    public String afterConversion(String subjectCategories) {
        return "zodra de betrokkene hoort bij " + subjectCategories;
    }

    @Override
    public String processorColumn(RegisterTable.ProcessorColumn c) {
        return switch (c) {
            case ACTIVITY_ID -> "Activiteit-id";
            case PROCESSOR -> "Verwerker";
            case PROCESSOR_CONTACT -> "Contactgegevens verwerker";
            case PROCESSOR_REPRESENTATIVE -> "Vertegenwoordiger van de verwerker in de EU (art. 27 AVG)";
            case DPO -> "Functionaris gegevensbescherming";
            case CONTROLLER -> "Verwerkingsverantwoordelijke voor wie wij verwerken";
            case CONTROLLER_CONTACT -> "Contactgegevens verwerkingsverantwoordelijke";
            case CONTROLLER_REPRESENTATIVE -> "Vertegenwoordiger van de verwerkingsverantwoordelijke in de EU";
            case PROCESSING -> "Categorieën verwerkingen";
            case TRANSFERS -> "Doorgifte naar derde landen en waarborgen";
            case SECURITY -> "Beveiligingsmaatregelen";
            case SYSTEMS -> "Systemen";
        };
    }

    @Override
    public String processorRegisterTitle(String processor) {
        return "Register van verwerkingsactiviteiten van " + processor + " als verwerker";
    }

    @Override
    public String processorRegisterIntro(String version, String date) {
        return "Register volgens artikel 30 lid 2 AVG, afgeleid uit het privacybeleid versie " + version
                + (date.isEmpty() ? "" : " van " + date) + ". Eén regel per verwerkingsverantwoordelijke voor wie wij verwerken.";
    }

    @Override
    public String regArt9(Art9Condition c) {
        String name = switch (c) {
            case EXPLICIT_CONSENT -> "uitdrukkelijke toestemming";
            case EMPLOYMENT -> "arbeidsrecht, sociale zekerheid en sociale bescherming";
            case VITAL_INTERESTS -> "vitaal belang van iemand die geen toestemming kan geven";
            case NON_PROFIT -> "leden en vaste contacten van een organisatie zonder winstoogmerk";
            case MADE_PUBLIC -> "door de betrokkene zelf kennelijk openbaar gemaakt";
            case LEGAL_CLAIMS -> "rechtsvorderingen";
            case SUBSTANTIAL_PUBLIC_INTEREST -> "zwaarwegend algemeen belang";
            case HEALTH_CARE -> "gezondheidszorg of sociale diensten";
            case PUBLIC_HEALTH -> "volksgezondheid";
            case ARCHIVING_RESEARCH -> "archivering in het algemeen belang, wetenschappelijk of historisch onderzoek of statistiek";
        };
        return "art. 9 lid 2 onder " + c.letter() + " AVG (" + name + ")";
    }

    @Override
    public String regInterest(String interest) {
        // a policy that already writes "ons belang ..." is not labelled twice
        return interest.strip().toLowerCase(locale()).startsWith("ons belang") ? interest : "Belang: " + interest;
    }

    @Override
    public String regBalancing(String balancing) {
        return "Afweging: " + balancing;
    }

    @Override
    public String regLaw(String law) {
        return "Wet: " + law;
    }

    @Override
    public String regWithdrawable() {
        return "Toestemming is op elk moment intrekbaar (art. 7 lid 3 AVG).";
    }

    @Override
    public String regSuperseded(String subjectCategories) {
        return "Geldt niet meer zodra de betrokkene hoort bij " + subjectCategories + ".";
    }

    @Override
    public String regSourceNeedsConsent() {
        return "alleen als de betrokkene die partij toestemming gaf om de gegevens te delen";
    }

    @Override
    public String regRole(RecipientRole role) {
        return switch (role) {
            case PROCESSOR -> "verwerker (art. 28 AVG)";
            case CONTROLLER -> "zelfstandig verwerkingsverantwoordelijke";
            case JOINT_CONTROLLER -> "gezamenlijk verwerkingsverantwoordelijke (art. 26 AVG)";
            case AUTHORITY -> "overheidsinstantie";
        };
    }

    @Override
    public String regPseudonymisedOnly() {
        return "ontvangt alleen gepseudonimiseerde gegevens";
    }

    @Override
    public String regSafeguard(Safeguard s) {
        return switch (s) {
            case ADEQUACY -> "adequaatheidsbesluit van de Europese Commissie (art. 45 AVG)";
            case SCC -> "standaardcontractbepalingen van de Europese Commissie (art. 46 lid 2 onder c AVG)";
            case BCR -> "bindende bedrijfsvoorschriften (art. 47 AVG)";
            case DEROGATION -> "afwijking voor een specifieke situatie (art. 49 AVG), zonder passende waarborgen";
            case NONE -> "geen waarborg vastgelegd";
        };
    }

    @Override
    public String regDpfCertified() {
        return "gecertificeerd onder het EU-VS Data Privacy Framework";
    }

    @Override
    public String regArrangement(String arrangement) {
        return "regeling: " + arrangement;
    }
}
