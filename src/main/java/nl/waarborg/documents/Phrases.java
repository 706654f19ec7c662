package nl.waarborg.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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

/**
 * Every language-dependent word and sentence of the statement and the register: the typed front the renderers use.
 * The words themselves live in the message bundles {@code statement_nl.properties} / {@code statement_en.properties}
 * beside this class, read by the one implementation {@link BundlePhrases}; adding a language is adding one bundle
 * file (and a {@link Lang}). Texts from the policy itself are passed in as arguments, never translated.
 * Sentences are written for a layperson: short, active, "we" and "you".
 */
public interface Phrases {

    static Phrases of(Lang lang) {
        return BundlePhrases.of(lang);
    }

    Lang lang();

    Locale locale();

    // ---- general -------------------------------------------------------------------------------

    /** The word joining the last two items of a list ("en", "and"). */
    String and();

    /** The word joining alternatives ("of", "or"). */
    String or();

    /** A date written out, e.g. "1 maart 2025" / "1 March 2025". */
    default String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale()).format(date);
    }

    /** "a, b and c" ("a; b, c and d" when an item holds a comma). */
    default String list(List<String> items) {
        return join(items, and());
    }

    /** "a, b or c". */
    default String alternatives(List<String> items) {
        return join(items, or());
    }

    private static String join(List<String> items, String word) {
        List<String> xs = items.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (xs.isEmpty()) {
            return "";
        }
        if (xs.size() == 1) {
            return xs.get(0);
        }
        // items that hold commas themselves are set apart with semicolons, so the list stays readable
        String separator = xs.stream().anyMatch(x -> x.indexOf(',') >= 0) ? "; " : ", ";
        return String.join(separator, xs.subList(0, xs.size() - 1)) + " " + word + " " + xs.get(xs.size() - 1);
    }

    /** The name of a country from its ISO 3166 code, in this language. */
    default String country(String code) {
        String name = Locale.of("", code).getDisplayCountry(locale());
        return name == null || name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    /** A number of time units: "7 dagen", "1 year". Unit is one of Y, M, W, D. */
    String duration(long amount, char unit);

    /** Shown where the policy leaves something empty. */
    String none();

    // ---- statement: title and sections ---------------------------------------------------------

    String statementTitle(String controller);

    String statementIntro(String controller);

    String contents();

    /** The register's sheet name in a spreadsheet (Art. 30(1)); at most 31 characters, as a sheet name may be. */
    String registerSheet();

    /** The processor's register's sheet name (Art. 30(2)); at most 31 characters. */
    String processorRegisterSheet();

    String hWhoWeAre();

    String hData();

    String hSources();

    String hPurposes();

    String hRetention();

    String hRecipients();

    String hTransfers();

    String hAutomated();

    String hRights();

    String hRequests();

    String hComplaints();

    String hSecurity();

    String hMinors();

    String hVersions();

    // ---- who we are ----------------------------------------------------------------------------

    String controllerIs(String controller);

    String lAddress();

    /** The label of the controller's registration number, per register (R1.1). */
    String lRegistration(nl.waarborg.policy.RegistrationKind kind);

    String lEmail();

    String lPhone();

    String lWebsite();

    String questions();

    String dpo(String name);

    /** The controller's representative in the Union (Art. 27, 13(1)(a) GDPR), introducing its contact lines. */
    String representative(String name);

    // ---- data ----------------------------------------------------------------------------------

    String dataIntro();

    String flagSpecial();

    String flagCriminal();

    String flagNationalId();

    String flagChildren();

    String extraProtected();

    String extraProtectedNote();

    // ---- sources -------------------------------------------------------------------------------

    String sourcesIntro();

    String sourceNeedsConsent();

    // ---- purposes ------------------------------------------------------------------------------

    String purposesIntro();

    String lData();

    String lSubjects();

    String lBasis();

    String lSharedWith();

    String basisName(LegalBasis basis);

    /** The article a basis rests on: "art. 6 lid 1 onder f AVG" / "Art. 6(1)(f) GDPR". */
    String basisArticle(LegalBasis basis);

    String basisMissing();

    String basisExplained(LegalBasis basis);

    String ourInterest(String interest);

    String balancing(String balancing);

    String law(String law);

    String withdrawConsent();

    String canObject();

    String directMarketing();

    /** Whether a person must provide a purpose's data (Art. 13(2)(e) GDPR). */
    String provision(nl.waarborg.policy.ProvisionRequirement requirement);

    /** What happens if the person does not provide the data, in the policy's words (Art. 13(2)(e)). */
    String provisionConsequence(String consequence);

    String art9(String condition);

    String art9Name(Art9Condition condition);

    /** One use archived data may still have, as it reads after "only": "bij juridische procedures", "voor statistiek". */
    String archiveUse(ArchiveUse use);

    /** An archive purpose (R2.7): its data is only kept in an archive and used for {@code uses} and nothing else. */
    String archive(String uses);

    // ---- retention -----------------------------------------------------------------------------

    String retentionIntro();

    /** The retention introduction when no rule anonymises: it speaks of deleting only. */
    String retentionIntroDelete();

    String retentionOverlap();

    List<String> retentionHeader();

    String allData();

    /** A rule scoped by purposes, not data categories: "Gegevens voor het doel ‘Fiscale administratie’". */
    String dataForPurposes(List<String> purposes);

    /** Qualifies a rule's data categories by the purposes it is scoped to: "voor het doel ‘Nieuwsbrief’". */
    String forPurposes(List<String> purposes);

    String startCollection();

    String startEvent(String event);

    String startLatest(List<String> events);

    /** "vanaf de factuurdatum" / "from the invoice date": a start at a moment named in words. */
    String startAt(String moment);

    /** The collection moment as a noun phrase, for a rounded start: "het moment dat wij de gegevens krijgen". */
    String anchorCollection();

    /** The latest of several events as a noun phrase, for a rounded start. */
    String anchorLatest(List<String> events);

    /**
     * A start rounded to the calendar, as a noun phrase around {@code anchor}: "1 januari na het jaar van de
     * factuurdatum" / "1 January after the year of the invoice date".
     */
    String rounded(nl.waarborg.policy.CalendarRounding round, String anchor);

    /** A zero period from an event, in the "how long" column: kept until the event. */
    String untilEvent(String event);

    String untilLatest(List<String> events);

    String endDelete();

    String endAnonymise();

    String hold(HoldKind kind, String max);

    String superseded(List<String> subjectCategories);

    /**
     * The statement's form of {@link #superseded}: "Hoort u daarna bij de groep ‘Klanten’, dan geldt deze termijn niet
     * meer." (the register keeps its own shorter line).
     */
    String noLongerAppliesOnJoining(List<String> subjectCategories);

    /** How long a rule that applies only while consent stands keeps data: "met uw toestemming tot 2 jaar". */
    String withConsentUpTo(String period);

    /**
     * Under such a rule: only with consent for {@code purpose}, only that purpose after the ordinary period, and
     * withdrawal ends it (Art. 7(3)); the data then goes when the ordinary period has passed (deleted, or deleted or
     * anonymised when an ordinary rule for the data anonymises).
     */
    String whileConsent(String purpose, boolean orAnonymised);

    /** The same in the register: "Alleen zolang de toestemming voor Talentenpool geldt." */
    String regWhileConsent(String purpose);

    // ---- recipients and transfers --------------------------------------------------------------

    String recipientsIntro();

    List<String> recipientsHeader();

    String role(RecipientRole role);

    String pseudonymisedOnly();

    /** A recipient's role as the statement's table shows it: without a verb, so it reads for one or many recipients. */
    String roleInStatement(RecipientRole role);

    /** {@link #pseudonymisedOnly} without a verb, for the statement's table (one or many recipients). */
    String pseudonymisedOnlyInStatement();

    /** For a joint controller: the essence of the arrangement (Art. 26(2) GDPR), in the policy's words. */
    String jointArrangement(String arrangement);

    /** The protection cell of a recipient outside the EEA: points to the transfers section, which explains it once. */
    String outsideEeaSeeTransfers(String transfersHeading);

    String onlyWhenLawRequires();

    String insideEea();

    String safeguard(Safeguard safeguard);

    String transferAssessment(String date);

    String processingAgreement(String date);

    String noRecipients();

    String transfersNone();

    String transfersEuOnly();

    String transfersNoneOutside();

    /** Introduces the transfers per safeguard kind when some recipient or system is outside the EEA (Chapter V GDPR). */
    String transfersIntro();

    // Each transfer sentence below introduces a list of the recipients and systems it concerns (ending in a colon), so
    // that names are shown as written and no sentence has to guess their articles.

    /** Art. 45: a decision of the European Commission that the country protects data adequately. */
    String transferAdequacy();

    /** Art. 45 for the United States: only organisations certified under the EU-US Data Privacy Framework. */
    String transferDpf();

    /** A US recipient marked adequacy without the certification the US decision requires: no decision covers it. */
    String transferUsNotCertified();

    /** Art. 46(2)(c): the Commission's standard contractual clauses. */
    String transferScc();

    /** After the list of {@link #transferScc}: what standard contractual clauses are, in words. */
    String transferSccExplained();

    /** Art. 46(2)(b), 47: binding corporate rules approved by a supervisory authority. */
    String transferBcr();

    /** Art. 49: no decision and no safeguard gives equal protection. */
    String transferDerogation();

    /** After the list of {@link #transferDerogation}: only in the specific cases of Art. 49, and its risks (Art. 49(1)(a)). */
    String transferDerogationRisks();

    /** No decision and no safeguard declared for these transfers. */
    String transferNoSafeguard();

    /** Where the Commission's adequacy decisions are published (Art. 13(1)(f): where they are made available). */
    String transfersAdequacyPublished(String url);

    /** Where the list of organisations certified under the Data Privacy Framework is published. */
    String transfersDpfPublished(String url);

    String transfersAssessed();

    String transfersCopy(String email);

    // ---- automated decisions and profiling -----------------------------------------------------

    String noAutomatedDecisions();

    String noProfiling();

    String profiling(String purpose);

    String profilingObjection(boolean alwaysStops);

    /** Profiling on consent: no objection right is promised, the consent can be withdrawn (Art. 7(3)). */
    String profilingConsent();

    String automatedDecision(String purpose);

    String automatedDecisionRights();

    /** What an automated decision means for the person and its envisaged consequences (Art. 13(2)(f)), policy's words. */
    String automatedSignificance(String significance);

    // ---- rights --------------------------------------------------------------------------------

    String rightsIntro(String requestsHeading);

    String rAccess();

    String rAccessText();

    String rRectification();

    String rRectificationText();

    String rErasure();

    String rErasureText();

    /** R2.6: the subject may say in advance that nothing anonymised is kept of them either. */
    String rNoAnonymisedRemainder();

    String rNoAnonymisedRemainderText();

    String rRestriction();

    String rRestrictionText();

    String rPortability();

    String rPortabilityText();

    String rObjection();

    String rObjectionText();

    String rWithdrawal();

    String rWithdrawalText();

    String appliesTo(String purposes);

    String objectionAppliesToNothing();

    String withdrawalAppliesToNothing();

    // ---- requests ------------------------------------------------------------------------------

    String channelsIntro();

    String channel(Channel channel, String detail);

    String identityIntro();

    String identity(IdentityMethod method);

    /** How long the record of a handled request is kept (Art. 5(1)(e), 13(2)(a)). */
    String requestRecords(String duration);

    String freeOfCharge();

    String notFreeOfCharge();

    String responseTime(String duration);

    String extension(String duration);

    String objectionDecision();

    /**
     * Art. 12(4): why we do not (fully) act, and the complaint and court routes; with {@code extension}, the same
     * routes for an extended period (Art. 12(3)).
     */
    String refusal(String authority, boolean extension);

    // ---- complaints ----------------------------------------------------------------------------

    String complaint(String authority);

    String dpoSupervises();

    /**
     * Dutch controllers: complaints about cookies and direct marketing go to the AP; the ACM supervises the
     * Telecommunicatiewet rules on placing cookies (art. 11.7a) and on unsolicited electronic marketing (art. 11.7).
     */
    String cookieAndMarketingSupervisors(boolean cookies, boolean marketing);

    // ---- security ------------------------------------------------------------------------------

    String securityIntro();

    String needToKnow();

    /** R6.1: introduces, per purpose, the roles (staff or integrations) the policy lets use its data (enforced by the decision engine). */
    String rolesIntro();

    /** One purpose with the roles that may use its data: "Cameratoezicht: managementteam". */
    String rolesOfPurpose(String purpose, List<String> roles);

    /** The staff console may act for any purpose: said so that the roles above are not read as the only ones. */
    String rolesStaff();

    String confidentiality();

    String dataCentres(String countries, boolean allInEea);

    String breach(String authority);

    // ---- minors --------------------------------------------------------------------------------

    String minorsParental(int age);

    String minorsNotServed(int age);

    // ---- versions ------------------------------------------------------------------------------

    String currentVersion(String version, String date);

    String changes();

    String previousVersionsIntro();

    String previousVersion(String version, String date);

    String noPreviousVersions();

    // ---- register ------------------------------------------------------------------------------

    String registerTitle(String controller);

    String registerIntro(String version, String date);

    /** Column headings of the register, in the order of {@link RegisterTable.Column}. */
    String column(RegisterTable.Column column);

    String flagDirectMarketing();

    String flagProfiling();

    String flagAutomatedDecision();

    /** The register's archive cell (R2.7), with the uses as {@link #archiveUse} words them. */
    String regArchive(String uses);

    String notDeclared();

    String stance(nl.waarborg.policy.TransferStance stance);

    /**
     * Qualifies the data of a register retention line that applies only once the subject converted, after the data
     * and before the colon: "Naam, zodra de betrokkene hoort bij ‘Klanten’: 1 jaar na …".
     */
    String afterConversion(String subjectCategories);

    /** Retention start in the register's shorter style. */
    String regStartCollection();

    /** "daarna verwijderd" / "then deleted". */
    String then(String end);

    String regNeedToKnow();

    String regConfidentiality();

    String regDataCentres(String countries);

    // The register is an internal record (Art. 30): neutral phrasing, never addressed to the data subject, with the
    // article each fact rests on. Statement phrases that speak to the reader ("u", "your") have a register twin here.

    /** Headings of the processor's register (Art. 30(2)), in the order of {@link RegisterTable.ProcessorColumn}. */
    String processorColumn(RegisterTable.ProcessorColumn column);

    String processorRegisterTitle(String processor);

    String processorRegisterIntro(String version, String date);

    /** The Art. 9(2) condition with its article: "art. 9 lid 2 onder a AVG (uitdrukkelijke toestemming)". */
    String regArt9(Art9Condition condition);

    /** "Belang: …" (Art. 6(1)(f)). */
    String regInterest(String interest);

    /** "Afweging: …". */
    String regBalancing(String balancing);

    /** "Wet: …" (Art. 6(1)(c), (e), Art. 10, UAVG art. 46). */
    String regLaw(String law);

    /** "Toestemming is op elk moment intrekbaar (art. 7 lid 3 AVG)." */
    String regWithdrawable();

    /** A retention rule that stops applying once the subject joins one of the (quoted) categories. */
    String regSuperseded(String subjectCategories);

    /** A source used only where the subject consented to that party sharing the data (R1.4). */
    String regSourceNeedsConsent();

    /** A recipient's role with its article: "verwerker (art. 28 AVG)". */
    String regRole(RecipientRole role);

    String regPseudonymisedOnly();

    /** A Chapter V safeguard, named with its article; no abbreviation left unexplained. */
    String regSafeguard(Safeguard safeguard);

    /** A US recipient certified under the EU-US Data Privacy Framework (adequacy decision of 10 July 2023). */
    String regDpfCertified();

    /** The essence of a joint-controller arrangement (Art. 26(2)): "regeling: …". */
    String regArrangement(String arrangement);
}
