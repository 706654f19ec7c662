package nl.waarborg.documents;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

/**
 * The one implementation of {@link Phrases}: every text is looked up in the message bundle
 * {@code nl/waarborg/documents/statement_<lang>.properties} (ICU MessageFormat, UTF-8). What is not wording stays
 * here: which sentence applies, how lists are joined. A new language is a new bundle file and a {@link Lang}.
 */
final class BundlePhrases implements Phrases {

    static final String BASE = "nl/waarborg/documents/statement";

    /** One per language, read once: the bundles are small and never change while running. */
    private static final Map<Lang, BundlePhrases> BY_LANG = new EnumMap<>(Lang.class);

    static {
        for (Lang lang : Lang.values()) {
            BY_LANG.put(lang, new BundlePhrases(lang));
        }
    }

    static BundlePhrases of(Lang lang) {
        return BY_LANG.get(lang);
    }

    private final Bundle b;
    private final Lang lang;

    private BundlePhrases(Lang lang) {
        this.lang = lang;
        this.b = Bundle.of(BASE, lang);
    }

    @Override
    public Lang lang() {
        return lang;
    }

    @Override
    public java.util.Locale locale() {
        return b.locale();
    }

    /** The text of {@code key} with named arguments (name, value, …). */
    private String text(String key, Object... namesAndValues) {
        return b.text(key, namesAndValues);
    }

    // ---- general: the words joining lists and counting time --------------------------------------

    @Override
    public String and() {
        return text("and");
    }

    @Override
    public String duration(long n, char unit) {
        if ("YMWD".indexOf(unit) < 0) {
            throw new IllegalArgumentException("unit " + unit);
        }
        // the number as Java writes it ("1000", not "1.000"); n itself chooses the plural form
        return text("duration." + unit, "n", n, "count", String.valueOf(n));
    }

    /** A policy's name in the language's quotation marks: ‘offerte’. */
    private String quoted(String text) {
        return text("quoted", "text", text);
    }

    private List<String> quoted(List<String> texts) {
        return texts.stream().map(this::quoted).toList();
    }

    @Override
    public String or() {
        return text("or");
    }

    @Override
    public String none() {
        return text("none");
    }

    // ---- statement -----------------------------------------------------------------------------------

    @Override
    public String statementTitle(String controller) {
        return text("statementTitle", "controller", controller);
    }

    @Override
    public String statementIntro(String controller) {
        return text("statementIntro", "controller", controller);
    }

    @Override
    public String contents() {
        return text("contents");
    }

    @Override
    public String registerSheet() {
        return text("registerSheet");
    }

    @Override
    public String processorRegisterSheet() {
        return text("processorRegisterSheet");
    }

    @Override
    public String hWhoWeAre() {
        return text("hWhoWeAre");
    }

    @Override
    public String hData() {
        return text("hData");
    }

    @Override
    public String hSources() {
        return text("hSources");
    }

    @Override
    public String hPurposes() {
        return text("hPurposes");
    }

    @Override
    public String hRetention() {
        return text("hRetention");
    }

    @Override
    public String hRecipients() {
        return text("hRecipients");
    }

    @Override
    public String hTransfers() {
        return text("hTransfers");
    }

    @Override
    public String hAutomated() {
        return text("hAutomated");
    }

    @Override
    public String hRights() {
        return text("hRights");
    }

    @Override
    public String hRequests() {
        return text("hRequests");
    }

    @Override
    public String hComplaints() {
        return text("hComplaints");
    }

    @Override
    public String hSecurity() {
        return text("hSecurity");
    }

    @Override
    public String hMinors() {
        return text("hMinors");
    }

    @Override
    public String hVersions() {
        return text("hVersions");
    }

    // ---- who we are ----------------------------------------------------------------------------------

    @Override
    public String dpo(String name) {
        boolean named = name != null && !name.isBlank();
        return text("dpo", "named", named, "name", named ? name : "");
    }
    @Override
    public String controllerIs(String controller) {
        return text("controllerIs", "controller", controller);
    }

    @Override
    public String lAddress() {
        return text("lAddress");
    }

    @Override
    public String lRegistration(nl.waarborg.policy.RegistrationKind kind) {
        return text("lRegistration." + kind.name());
    }

    @Override
    public String lEmail() {
        return text("lEmail");
    }

    @Override
    public String lPhone() {
        return text("lPhone");
    }

    @Override
    public String lWebsite() {
        return text("lWebsite");
    }

    @Override
    public String questions() {
        return text("questions");
    }

    @Override
    public String representative(String name) {
        return text("representative", "name", name);
    }

    // ---- data ----------------------------------------------------------------------------------------
    @Override
    public String dataIntro() {
        return text("dataIntro");
    }

    @Override
    public String flagSpecial() {
        return text("flagSpecial");
    }

    @Override
    public String flagCriminal() {
        return text("flagCriminal");
    }

    @Override
    public String flagNationalId() {
        return text("flagNationalId");
    }

    @Override
    public String flagChildren() {
        return text("flagChildren");
    }

    @Override
    public String extraProtected() {
        return text("extraProtected");
    }

    @Override
    public String extraProtectedNote() {
        return text("extraProtectedNote");
    }

    // ---- sources -------------------------------------------------------------------------------------
    @Override
    public String sourcesIntro() {
        return text("sourcesIntro");
    }

    @Override
    public String sourceNeedsConsent() {
        return text("sourceNeedsConsent");
    }

    // ---- purposes ------------------------------------------------------------------------------------

    @Override
    public String basisArticle(LegalBasis basis) {
        return text("basisArticle", "letter", String.valueOf(letter(basis)));
    }

    /** The point of Art. 6(1) GDPR that names the basis: law, not wording. */
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
    public String ourInterest(String interest) {
        return leadsWithInterest(interest) ? interest : text("ourInterest", "interest", interest);
    }

    /** Whether a policy's interest already begins "ons belang …" / "our interest …", so it is not prefixed twice. */
    private boolean leadsWithInterest(String interest) {
        return interest.strip().toLowerCase(locale()).startsWith(text("interestLeadIn").toLowerCase(locale()));
    }
    @Override
    public String purposesIntro() {
        return text("purposesIntro");
    }

    @Override
    public String lData() {
        return text("lData");
    }

    @Override
    public String lSubjects() {
        return text("lSubjects");
    }

    @Override
    public String lBasis() {
        return text("lBasis");
    }

    @Override
    public String lSharedWith() {
        return text("lSharedWith");
    }

    @Override
    public String basisName(LegalBasis basis) {
        return text("basisName." + basis.name());
    }

    @Override
    public String basisMissing() {
        return text("basisMissing");
    }

    @Override
    public String basisExplained(LegalBasis basis) {
        return text("basisExplained." + basis.name());
    }

    @Override
    public String balancing(String balancing) {
        return text("balancing", "balancing", balancing);
    }

    @Override
    public String law(String law) {
        return text("law", "law", law);
    }

    @Override
    public String withdrawConsent() {
        return text("withdrawConsent");
    }

    @Override
    public String canObject() {
        return text("canObject");
    }

    @Override
    public String directMarketing() {
        return text("directMarketing");
    }

    @Override
    public String provision(nl.waarborg.policy.ProvisionRequirement r) {
        return text("provision." + r.name());
    }

    @Override
    public String provisionConsequence(String consequence) {
        return text("provisionConsequence", "consequence", consequence);
    }

    @Override
    public String art9(String condition) {
        return text("art9", "condition", condition);
    }

    @Override
    public String art9Name(Art9Condition c) {
        return text("art9Name." + c.name());
    }

    @Override
    public String archiveUse(ArchiveUse use) {
        return text("archiveUse." + use.name());
    }

    @Override
    public String archive(String uses) {
        return text("archive", "uses", uses);
    }

    // ---- retention -----------------------------------------------------------------------------------

    @Override
    public String dataForPurposes(List<String> purposes) {
        return text("dataForPurposes", "forPurposes", forPurposes(purposes));
    }

    @Override
    public String forPurposes(List<String> purposes) {
        return text("forPurposes", "count", purposes.size(), "purposes", list(quoted(purposes)));
    }

    @Override
    public String startLatest(List<String> events) {
        return text("startLatest", "events", list(events));
    }

    @Override
    public String anchorLatest(List<String> events) {
        return text("anchorLatest", "events", list(events));
    }

    @Override
    public String rounded(nl.waarborg.policy.CalendarRounding round, String anchor) {
        String unit = text("rounded.unit." + round.unit().name());
        String of = text("rounded.of", "unit", unit, "anchor", anchor);
        String which = round.next() ? text("rounded.after", "unit", unit, "of", of) : of;
        if (round.toEnd()) {
            return text("rounded.end", "which", which);
        }
        return text("rounded.start." + round.unit().name(), "next", round.next(), "of", of, "which", which);
    }

    @Override
    public String untilLatest(List<String> events) {
        return text("untilLatest", "events", list(events));
    }

    @Override
    public String hold(HoldKind kind, String max) {
        return text("hold." + kind.name(), "bounded", max != null, "max", max == null ? "" : max);
    }

    @Override
    public String superseded(List<String> subjectCategories) {
        return text("superseded", "groups", alternatives(subjectCategories));
    }

    @Override
    public String noLongerAppliesOnJoining(List<String> subjectCategories) {
        return text("noLongerAppliesOnJoining", "count", subjectCategories.size(), "groups",
                alternatives(quoted(subjectCategories)));
    }

    @Override
    public String whileConsent(String purpose, boolean orAnonymised) {
        return text("whileConsent", "purpose", purpose, "orAnonymised", orAnonymised);
    }
    @Override
    public String retentionIntro() {
        return text("retentionIntro");
    }

    @Override
    public String retentionIntroDelete() {
        return text("retentionIntroDelete");
    }

    @Override
    public String retentionOverlap() {
        return text("retentionOverlap");
    }

    @Override
    public List<String> retentionHeader() {
        return b.list("retentionHeader");
    }

    @Override
    public String allData() {
        return text("allData");
    }

    @Override
    public String startCollection() {
        return text("startCollection");
    }

    @Override
    public String startEvent(String event) {
        return text("startEvent", "event", event);
    }

    @Override
    public String startAt(String moment) {
        return text("startAt", "moment", moment);
    }

    @Override
    public String anchorCollection() {
        return text("anchorCollection");
    }

    @Override
    public String untilEvent(String event) {
        return text("untilEvent", "event", event);
    }

    @Override
    public String endDelete() {
        return text("endDelete");
    }

    @Override
    public String endAnonymise() {
        return text("endAnonymise");
    }

    @Override
    public String withConsentUpTo(String period) {
        return text("withConsentUpTo", "period", period);
    }

    @Override
    public String regWhileConsent(String purpose) {
        return text("regWhileConsent", "purpose", purpose);
    }

    // ---- recipients and transfers --------------------------------------------------------------------
    @Override
    public String recipientsIntro() {
        return text("recipientsIntro");
    }

    @Override
    public List<String> recipientsHeader() {
        return b.list("recipientsHeader");
    }

    @Override
    public String role(RecipientRole role) {
        return text("role." + role.name());
    }

    @Override
    public String pseudonymisedOnly() {
        return text("pseudonymisedOnly");
    }

    @Override
    public String roleInStatement(RecipientRole role) {
        return text("roleInStatement." + role.name());
    }

    @Override
    public String pseudonymisedOnlyInStatement() {
        return text("pseudonymisedOnlyInStatement");
    }

    @Override
    public String jointArrangement(String arrangement) {
        return text("jointArrangement", "arrangement", arrangement);
    }

    @Override
    public String outsideEeaSeeTransfers(String transfersHeading) {
        return text("outsideEeaSeeTransfers", "transfersHeading", transfersHeading);
    }

    @Override
    public String onlyWhenLawRequires() {
        return text("onlyWhenLawRequires");
    }

    @Override
    public String insideEea() {
        return text("insideEea");
    }

    @Override
    public String safeguard(Safeguard s) {
        return text("safeguard." + s.name());
    }

    @Override
    public String transferAssessment(String date) {
        return text("transferAssessment", "date", date);
    }

    @Override
    public String processingAgreement(String date) {
        return text("processingAgreement", "date", date);
    }

    @Override
    public String noRecipients() {
        return text("noRecipients");
    }

    @Override
    public String transfersNone() {
        return text("transfersNone");
    }

    @Override
    public String transfersEuOnly() {
        return text("transfersEuOnly");
    }

    @Override
    public String transfersNoneOutside() {
        return text("transfersNoneOutside");
    }

    @Override
    public String transfersIntro() {
        return text("transfersIntro");
    }

    @Override
    public String transferAdequacy() {
        return text("transferAdequacy");
    }

    @Override
    public String transferDpf() {
        return text("transferDpf");
    }

    @Override
    public String transferUsNotCertified() {
        return text("transferUsNotCertified");
    }

    @Override
    public String transferScc() {
        return text("transferScc");
    }

    @Override
    public String transferSccExplained() {
        return text("transferSccExplained");
    }

    @Override
    public String transferBcr() {
        return text("transferBcr");
    }

    @Override
    public String transferDerogation() {
        return text("transferDerogation");
    }

    @Override
    public String transferDerogationRisks() {
        return text("transferDerogationRisks");
    }

    @Override
    public String transferNoSafeguard() {
        return text("transferNoSafeguard");
    }

    @Override
    public String transfersAdequacyPublished(String url) {
        return text("transfersAdequacyPublished", "url", url);
    }

    @Override
    public String transfersDpfPublished(String url) {
        return text("transfersDpfPublished", "url", url);
    }

    @Override
    public String transfersAssessed() {
        return text("transfersAssessed");
    }

    @Override
    public String transfersCopy(String email) {
        return text("transfersCopy", "email", email);
    }

    // ---- automated -----------------------------------------------------------------------------------

    @Override
    public String profilingObjection(boolean alwaysStops) {
        return text("profilingObjection", "alwaysStops", alwaysStops);
    }
    @Override
    public String noAutomatedDecisions() {
        return text("noAutomatedDecisions");
    }

    @Override
    public String noProfiling() {
        return text("noProfiling");
    }

    @Override
    public String profiling(String purpose) {
        return text("profiling", "purpose", purpose);
    }

    @Override
    public String profilingConsent() {
        return text("profilingConsent");
    }

    @Override
    public String automatedDecision(String purpose) {
        return text("automatedDecision", "purpose", purpose);
    }

    @Override
    public String automatedDecisionRights() {
        return text("automatedDecisionRights");
    }

    @Override
    public String automatedSignificance(String significance) {
        return text("automatedSignificance", "significance", significance);
    }

    // ---- rights --------------------------------------------------------------------------------------
    @Override
    public String rightsIntro(String requestsHeading) {
        return text("rightsIntro", "requestsHeading", requestsHeading);
    }

    @Override
    public String rAccess() {
        return text("rAccess");
    }

    @Override
    public String rAccessText() {
        return text("rAccessText");
    }

    @Override
    public String rRectification() {
        return text("rRectification");
    }

    @Override
    public String rRectificationText() {
        return text("rRectificationText");
    }

    @Override
    public String rErasure() {
        return text("rErasure");
    }

    @Override
    public String rErasureText() {
        return text("rErasureText");
    }

    @Override
    public String rNoAnonymisedRemainder() {
        return text("rNoAnonymisedRemainder");
    }

    @Override
    public String rNoAnonymisedRemainderText() {
        return text("rNoAnonymisedRemainderText");
    }

    @Override
    public String rRestriction() {
        return text("rRestriction");
    }

    @Override
    public String rRestrictionText() {
        return text("rRestrictionText");
    }

    @Override
    public String rPortability() {
        return text("rPortability");
    }

    @Override
    public String rPortabilityText() {
        return text("rPortabilityText");
    }

    @Override
    public String rObjection() {
        return text("rObjection");
    }

    @Override
    public String rObjectionText() {
        return text("rObjectionText");
    }

    @Override
    public String rWithdrawal() {
        return text("rWithdrawal");
    }

    @Override
    public String rWithdrawalText() {
        return text("rWithdrawalText");
    }

    @Override
    public String appliesTo(String purposes) {
        return text("appliesTo", "purposes", purposes);
    }

    @Override
    public String objectionAppliesToNothing() {
        return text("objectionAppliesToNothing");
    }

    @Override
    public String withdrawalAppliesToNothing() {
        return text("withdrawalAppliesToNothing");
    }

    // ---- requests ------------------------------------------------------------------------------------

    @Override
    public String channel(Channel c, String detail) {
        return text("channel." + c.name(), "hasDetail", detail != null, "detail", String.valueOf(detail));
    }

    @Override
    public String refusal(String authority, boolean extension) {
        return text("refusal", "extension", extension, "named", authority != null, "authority",
                authority == null ? "" : authority);
    }
    @Override
    public String channelsIntro() {
        return text("channelsIntro");
    }

    @Override
    public String identityIntro() {
        return text("identityIntro");
    }

    @Override
    public String identity(IdentityMethod m) {
        return text("identity." + m.name());
    }

    @Override
    public String freeOfCharge() {
        return text("freeOfCharge");
    }

    @Override
    public String notFreeOfCharge() {
        return text("notFreeOfCharge");
    }

    @Override
    public String requestRecords(String duration) {
        return text("requestRecords", "duration", duration);
    }

    @Override
    public String responseTime(String duration) {
        return text("responseTime", "duration", duration);
    }

    @Override
    public String extension(String duration) {
        return text("extension", "duration", duration);
    }

    @Override
    public String objectionDecision() {
        return text("objectionDecision");
    }

    // ---- complaints ----------------------------------------------------------------------------------

    @Override
    public String cookieAndMarketingSupervisors(boolean cookies, boolean marketing) {
        // "other" is direct marketing alone (and, as the Java sentences did, neither)
        String which = cookies && marketing ? "both" : cookies ? "cookies" : "other";
        return text("cookieAndMarketingSupervisors", "about", text("supervisors.about", "which", which), "rules",
                text("supervisors.rules", "which", which));
    }
    @Override
    public String complaint(String authority) {
        return text("complaint", "authority", authority);
    }

    @Override
    public String dpoSupervises() {
        return text("dpoSupervises");
    }

    // ---- security ------------------------------------------------------------------------------------

    @Override
    public String rolesOfPurpose(String purpose, List<String> roles) {
        return text("rolesOfPurpose", "purpose", purpose, "roles", list(roles));
    }

    @Override
    public String dataCentres(String countries, boolean allInEea) {
        return text("dataCentres", "countries", countries, "allInEea", allInEea);
    }
    @Override
    public String securityIntro() {
        return text("securityIntro");
    }

    @Override
    public String needToKnow() {
        return text("needToKnow");
    }

    @Override
    public String rolesIntro() {
        return text("rolesIntro");
    }

    @Override
    public String rolesStaff() {
        return text("rolesStaff");
    }

    @Override
    public String confidentiality() {
        return text("confidentiality");
    }

    @Override
    public String breach(String authority) {
        return text("breach", "authority", authority);
    }

    // ---- minors --------------------------------------------------------------------------------------
    @Override
    public String minorsParental(int age) {
        return text("minorsParental", "age", String.valueOf(age));
    }

    @Override
    public String minorsNotServed(int age) {
        return text("minorsNotServed", "age", String.valueOf(age));
    }

    // ---- versions ------------------------------------------------------------------------------------

    @Override
    public String currentVersion(String version, String date) {
        return text("currentVersion", "version", version, "dated", !date.isEmpty(), "date", date);
    }

    @Override
    public String previousVersion(String version, String date) {
        return text("previousVersion", "version", version, "dated", !date.isEmpty(), "date", date);
    }
    @Override
    public String changes() {
        return text("changes");
    }

    @Override
    public String previousVersionsIntro() {
        return text("previousVersionsIntro");
    }

    @Override
    public String noPreviousVersions() {
        return text("noPreviousVersions");
    }

    // ---- register ------------------------------------------------------------------------------------

    @Override
    public String registerIntro(String version, String date) {
        return text("registerIntro", "version", version, "dated", !date.isEmpty(), "date", date);
    }

    @Override
    public String processorRegisterIntro(String version, String date) {
        return text("processorRegisterIntro", "version", version, "dated", !date.isEmpty(), "date", date);
    }

    @Override
    public String regArt9(Art9Condition c) {
        return text("regArt9", "letter", String.valueOf(c.letter()), "name", text("regArt9.name." + c.name()));
    }

    @Override
    public String regInterest(String interest) {
        return leadsWithInterest(interest) ? interest : text("regInterest", "interest", interest);
    }
    @Override
    public String registerTitle(String controller) {
        return text("registerTitle", "controller", controller);
    }

    @Override
    public String column(RegisterTable.Column c) {
        return text("column." + c.name());
    }

    @Override
    public String flagDirectMarketing() {
        return text("flagDirectMarketing");
    }

    @Override
    public String flagProfiling() {
        return text("flagProfiling");
    }

    @Override
    public String flagAutomatedDecision() {
        return text("flagAutomatedDecision");
    }

    @Override
    public String regArchive(String uses) {
        return text("regArchive", "uses", uses);
    }

    @Override
    public String notDeclared() {
        return text("notDeclared");
    }

    @Override
    public String stance(TransferStance stance) {
        return text("stance." + stance.name());
    }

    @Override
    public String regStartCollection() {
        return text("regStartCollection");
    }

    @Override
    public String then(String end) {
        return text("then", "end", end);
    }

    @Override
    public String regNeedToKnow() {
        return text("regNeedToKnow");
    }

    @Override
    public String regConfidentiality() {
        return text("regConfidentiality");
    }

    @Override
    public String regDataCentres(String countries) {
        return text("regDataCentres", "countries", countries);
    }

    @Override
    public String afterConversion(String subjectCategories) {
        return text("afterConversion", "subjectCategories", subjectCategories);
    }

    @Override
    public String processorColumn(RegisterTable.ProcessorColumn c) {
        return text("processorColumn." + c.name());
    }

    @Override
    public String processorRegisterTitle(String processor) {
        return text("processorRegisterTitle", "processor", processor);
    }

    @Override
    public String regBalancing(String balancing) {
        return text("regBalancing", "balancing", balancing);
    }

    @Override
    public String regLaw(String law) {
        return text("regLaw", "law", law);
    }

    @Override
    public String regWithdrawable() {
        return text("regWithdrawable");
    }

    @Override
    public String regSuperseded(String subjectCategories) {
        return text("regSuperseded", "subjectCategories", subjectCategories);
    }

    @Override
    public String regSourceNeedsConsent() {
        return text("regSourceNeedsConsent");
    }

    @Override
    public String regRole(RecipientRole role) {
        return text("regRole." + role.name());
    }

    @Override
    public String regPseudonymisedOnly() {
        return text("regPseudonymisedOnly");
    }

    @Override
    public String regSafeguard(Safeguard s) {
        return text("regSafeguard." + s.name());
    }

    @Override
    public String regDpfCertified() {
        return text("regDpfCertified");
    }

    @Override
    public String regArrangement(String arrangement) {
        return text("regArrangement", "arrangement", arrangement);
    }
}
