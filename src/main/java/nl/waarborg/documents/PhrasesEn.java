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

/** English. */
final class PhrasesEn implements Phrases {

    static final PhrasesEn INSTANCE = new PhrasesEn();

    private static final Locale LOCALE = Locale.of("en", "GB");

    private PhrasesEn() {
    }

    @Override
    public Lang lang() {
        return Lang.EN;
    }

    @Override
    public Locale locale() {
        return LOCALE;
    }

    @Override
    public String and() {
        return "and";
    }

    @Override
    public String or() {
        return "or";
    }

    @Override
    public String duration(long n, char unit) {
        String word = switch (unit) {
            case 'Y' -> "year";
            case 'M' -> "month";
            case 'W' -> "week";
            case 'D' -> "day";
            default -> throw new IllegalArgumentException("unit " + unit);
        };
        return n + " " + word + (n == 1 ? "" : "s");
    }

    @Override
    public String none() {
        return "none";
    }

    // ---- statement -----------------------------------------------------------------------------

    @Override
    public String statementTitle(String controller) {
        return "Privacy statement of " + controller;
    }

    @Override
    public String statementIntro(String controller) {
        return "This statement explains which personal data " + controller
                + " uses about you, what for, how long we keep it, who we share it with and what your rights are.";
    }

    @Override
    public String contents() {
        return "Contents";
    }

    @Override
    public String hWhoWeAre() {
        return "Who we are";
    }

    @Override
    public String hData() {
        return "What data we use";
    }

    @Override
    public String hSources() {
        return "Where your data comes from";
    }

    @Override
    public String hPurposes() {
        return "What we use your data for";
    }

    @Override
    public String hRetention() {
        return "How long we keep your data";
    }

    @Override
    public String hRecipients() {
        return "Who we share your data with";
    }

    @Override
    public String hTransfers() {
        return "Data outside Europe";
    }

    @Override
    public String hAutomated() {
        return "Automated decisions and profiling";
    }

    @Override
    public String hRights() {
        return "Your rights";
    }

    @Override
    public String hRequests() {
        return "How to use your rights";
    }

    @Override
    public String hComplaints() {
        return "Making a complaint";
    }

    @Override
    public String hSecurity() {
        return "How we protect your data";
    }

    @Override
    public String hMinors() {
        return "Children";
    }

    @Override
    public String hVersions() {
        return "Versions of this statement";
    }

    // ---- who we are ----------------------------------------------------------------------------

    @Override
    public String controllerIs(String controller) {
        return controller + " is responsible for what happens to your personal data. "
                + "The law calls this the controller.";
    }

    @Override
    public String lAddress() {
        return "Address";
    }

    @Override
    public String lRegistration(nl.waarborg.policy.RegistrationKind kind) {
        return switch (kind) {
            case KVK -> "Chamber of Commerce (KvK) number";
            case KBO -> "Enterprise number (KBO)";
            case RCS -> "Trade and companies register (RCS) number";
            case SIREN -> "SIREN number";
            case HANDELSREGISTER -> "Commercial register (Handelsregister)";
            case FIRMENBUCH -> "Company register (Firmenbuch) number";
            case CRO -> "Companies Registration Office (CRO) number";
            case CVR -> "CVR number";
            case KRS -> "National Court Register (KRS) number";
            case OTHER -> "Registration number";
        };
    }

    @Override
    public String lEmail() {
        return "E-mail";
    }

    @Override
    public String lPhone() {
        return "Phone";
    }

    @Override
    public String lWebsite() {
        return "Website";
    }

    @Override
    public String questions() {
        return "Do you have a question about your privacy? Please get in touch.";
    }

    @Override
    public String dpo(String name) {
        return (name == null || name.isBlank() ? "We have a data protection officer (DPO)."
                : "Our data protection officer (DPO) is " + name + ".")
                + " The DPO checks within our organisation that we handle your data with care. "
                + "You can also contact the DPO yourself:";
    }

    @Override
    public String representative(String name) {
        return "We are established outside the European Union. Our representative in the European Union is " + name
                + ". You can also contact this representative with questions about your privacy:";
    }

    // ---- data ----------------------------------------------------------------------------------

    @Override
    public String dataIntro() {
        return "Which data we use depends on who you are to us.";
    }

    @Override
    public String flagSpecial() {
        return "special category of personal data";
    }

    @Override
    public String flagCriminal() {
        return "criminal-offence data";
    }

    @Override
    public String flagNationalId() {
        return "citizen service number (BSN) or other national number";
    }

    @Override
    public String flagChildren() {
        return "children's data";
    }

    @Override
    public String extraProtected() {
        return "extra protected";
    }

    @Override
    public String extraProtectedNote() {
        return "Data marked as extra protected is sensitive. We use it only where the law expressly allows it, "
                + "and only the people who really need it can see it.";
    }

    // ---- sources -------------------------------------------------------------------------------

    @Override
    public String sourcesIntro() {
        return "We get your data:";
    }

    @Override
    public String sourceNeedsConsent() {
        return "only if you allowed that party to share your data with us";
    }

    // ---- purposes ------------------------------------------------------------------------------

    @Override
    public String purposesIntro() {
        return "We use your data only for the purposes below. For each purpose we have a reason the law (the GDPR) "
                + "accepts: the legal basis. For each purpose you can read what that basis means for you.";
    }

    @Override
    public String lData() {
        return "Which data";
    }

    @Override
    public String lSubjects() {
        return "About whom";
    }

    @Override
    public String lBasis() {
        return "Legal basis";
    }

    @Override
    public String lSharedWith() {
        return "Shared with";
    }

    @Override
    public String basisName(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> "consent";
            case CONTRACT -> "performance of a contract";
            case LEGAL_OBLIGATION -> "legal obligation";
            case VITAL_INTEREST -> "vital interest";
            case PUBLIC_TASK -> "public task";
            case LEGITIMATE_INTEREST -> "legitimate interest";
        };
    }

    @Override
    public String basisArticle(LegalBasis basis) {
        return "Art. 6(1)(" + PhrasesNl.letter(basis) + ") GDPR";
    }

    @Override
    public String basisMissing() {
        return "not yet recorded";
    }

    @Override
    public String basisExplained(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> "We only do this if you give us your consent.";
            case CONTRACT -> "We need this data to enter into or carry out a contract with you, "
                    + "or to do what you ask of us before you enter into one.";
            case LEGAL_OBLIGATION -> "The law requires us to do this.";
            case VITAL_INTEREST -> "We only do this to protect someone's life or health, for example in an emergency.";
            case PUBLIC_TASK -> "We do this to carry out a task in the public interest that the law gives us.";
            case LEGITIMATE_INTEREST -> "We have a good reason of our own for this, and we have weighed it against your privacy.";
        };
    }

    @Override
    public String ourInterest(String interest) {
        // a policy that already writes "our interest ..." is not prefixed twice
        return interest.strip().toLowerCase(locale()).startsWith("our interest") ? interest : "Our interest: " + interest;
    }

    @Override
    public String balancing(String balancing) {
        return "How we weighed this against your interests: " + balancing;
    }

    @Override
    public String law(String law) {
        return "The law that requires it: " + law;
    }

    @Override
    public String withdrawConsent() {
        return "You can withdraw your consent at any time. What we did with your data before you withdrew it remains lawful.";
    }

    @Override
    public String canObject() {
        return "You can object to this use of your data (see ‘Your rights’).";
    }

    @Override
    public String directMarketing() {
        return "This is direct marketing. If you object to it, we always stop.";
    }

    @Override
    public String provision(nl.waarborg.policy.ProvisionRequirement r) {
        return switch (r) {
            case STATUTORY -> "The law requires you to provide this data to us.";
            case CONTRACTUAL -> "Your contract with us requires you to provide this data.";
            case CONTRACT_ENTRY -> "Without this data we cannot enter into a contract with you.";
            case VOLUNTARY -> "You are not required to provide this data.";
        };
    }

    @Override
    public String provisionConsequence(String consequence) {
        return "If you do not provide the data: " + consequence;
    }

    @Override
    public String art9(String condition) {
        return "This uses special categories of personal data, which is only allowed in the cases the law lists. "
                + "Ours: " + condition + ".";
    }

    @Override
    public String art9Name(Art9Condition c) {
        return switch (c) {
            case EXPLICIT_CONSENT -> "you have given your explicit consent";
            case EMPLOYMENT -> "it is needed for obligations under employment or social security law";
            case VITAL_INTERESTS -> "it is needed to protect someone's life or health while that person cannot give consent";
            case NON_PROFIT -> "it concerns members or regular contacts of our not-for-profit organisation";
            case MADE_PUBLIC -> "you have clearly made this data public yourself";
            case LEGAL_CLAIMS -> "it is needed to establish, exercise or defend a legal claim, for example in court";
            case SUBSTANTIAL_PUBLIC_INTEREST -> "a law allows it for reasons of substantial public interest";
            case HEALTH_CARE -> "it is needed for health care, by or under the responsibility of someone bound by professional secrecy";
            case PUBLIC_HEALTH -> "it is needed for public health";
            case ARCHIVING_RESEARCH -> "it is needed for archiving in the public interest, scientific or historical research, or statistics";
        };
    }

    @Override
    public String archiveUse(ArchiveUse use) {
        return switch (use) {
            case LEGAL_CLAIMS -> "in legal proceedings";
            case STATISTICS -> "for statistics";
            case HISTORICAL -> "for historical research";
        };
    }

    @Override
    public String archive(String uses) {
        return "This is an archive purpose: we only keep this data in an archive. We use it only " + uses
                + ", and for nothing else.";
    }

    // ---- retention -----------------------------------------------------------------------------

    @Override
    public String retentionIntro() {
        return "We keep your data no longer than necessary. Each kind of data has a fixed period. When it ends, "
                + "we delete the data, or make it anonymous so that it can no longer be traced back to you.";
    }

    @Override
    public String retentionIntroDelete() {
        return "We keep your data no longer than necessary. Each kind of data has a fixed period. When it ends, "
                + "we delete the data.";
    }

    @Override
    public String retentionOverlap() {
        return "If a piece of data falls under more than one period, we keep it until the longest one ends. "
                + "After a shorter period ends, we use it only for the purpose of the longer one.";
    }

    @Override
    public List<String> retentionHeader() {
        return List.of("Which data", "How long", "From when", "Then", "Kept longer");
    }

    @Override
    public String allData() {
        return "All data";
    }

    @Override
    public String dataForPurposes(List<String> purposes) {
        return "Data " + forPurposes(purposes);
    }

    @Override
    public String forPurposes(List<String> purposes) {
        List<String> quoted = purposes.stream().map(x -> "‘" + x + "’").toList();
        return (quoted.size() == 1 ? "for the purpose " : "for the purposes ") + list(quoted);
    }

    @Override
    public String startCollection() {
        return "from the moment we receive the data";
    }

    @Override
    public String startEvent(String event) {
        return "after " + event;
    }

    @Override
    public String startLatest(List<String> events) {
        return "after " + list(events) + ", whichever comes last";
    }

    @Override
    public String startAt(String moment) {
        return "from " + moment;
    }

    @Override
    public String anchorCollection() {
        return "the moment we receive the data";
    }

    @Override
    public String anchorLatest(List<String> events) {
        return list(events) + ", whichever comes last";
    }

    @Override
    public String rounded(nl.waarborg.policy.CalendarRounding round, String anchor) {
        String unit = switch (round.unit()) {
            case YEAR -> "the year";
            case QUARTER -> "the quarter";
            case MONTH -> "the month";
        };
        String of = unit + " of " + anchor;
        String which = round.next() ? unit + " after " + of : of;
        if (round.toEnd()) {
            return "the end of " + which;
        }
        return switch (round.unit()) {
            case YEAR -> "1 January " + (round.next() ? "after " : "of ") + of;
            case QUARTER -> "the start of " + which;
            case MONTH -> "the first day of " + which;
        };
    }

    @Override
    public String untilEvent(String event) {
        return "until " + event;
    }

    @Override
    public String untilLatest(List<String> events) {
        return "until " + list(events) + ", whichever comes last";
    }

    @Override
    public String endDelete() {
        return "deleted";
    }

    @Override
    public String endAnonymise() {
        return "anonymised: only group-level figures remain";
    }

    @Override
    public String hold(HoldKind kind, String max) {
        return switch (kind) {
            case INCIDENT -> max == null ? "as long as an incident requires" : "up to " + max + " when an incident occurred";
            case LEGAL_CLAIM -> max == null ? "while a legal dispute is ongoing" : "up to " + max + " while a legal dispute is ongoing";
            case COMPLAINT -> max == null ? "while a complaint is being handled" : "up to " + max + " while a complaint is being handled";
        };
    }

    @Override
    public String superseded(List<String> subjectCategories) {
        return "No longer applies once you belong to: " + alternatives(subjectCategories) + ".";
    }

    @Override
    public String noLongerAppliesOnJoining(List<String> subjectCategories) {
        List<String> quoted = subjectCategories.stream().map(x -> "‘" + x + "’").toList();
        return "If you later join " + (quoted.size() == 1 ? "the group " : "the groups ") + alternatives(quoted)
                + ", this period no longer applies.";
    }

    @Override
    public String withConsentUpTo(String period) {
        return "with your consent, up to " + period;
    }

    @Override
    public String regWhileConsent(String purpose) {
        return "Only while the consent for " + purpose + " stands; after withdrawal only the ordinary period applies.";
    }

    @Override
    public String whileConsent(String purpose, boolean orAnonymised) {
        return "Only if you give consent for the purpose ‘" + purpose + "’. After the ordinary period we use the data only for that. "
                + "You can withdraw your consent at any time. This period then ends and only the ordinary period applies. "
                + "If that has passed, we " + (orAnonymised ? "delete or anonymise" : "delete") + " the data straight away.";
    }

    // ---- recipients and transfers --------------------------------------------------------------

    @Override
    public String recipientsIntro() {
        return "We share your data only when one of the purposes above requires it, and no more than needed. "
                + "Processors work on our instructions; we have a data processing agreement with each of them.";
    }

    @Override
    public List<String> recipientsHeader() {
        return List.of("Recipient", "Role", "What for", "Where", "Protection");
    }

    @Override
    public String role(RecipientRole role) {
        return switch (role) {
            case PROCESSOR -> "processor: works on our instructions";
            case CONTROLLER -> "responsible for its own use of the data";
            case JOINT_CONTROLLER -> "jointly responsible with us";
            case AUTHORITY -> "public authority";
        };
    }

    @Override
    public String pseudonymisedOnly() {
        return "receives pseudonymised data only: no name or other data that points directly to you";
    }

    @Override
    public String roleInStatement(RecipientRole role) {
        return switch (role) {
            case PROCESSOR -> "processor, acting on our instructions";
            case CONTROLLER -> "independently responsible for what happens to the data";
            case JOINT_CONTROLLER -> "jointly responsible with us";
            case AUTHORITY -> "public authority";
        };
    }

    @Override
    public String pseudonymisedOnlyInStatement() {
        return "pseudonymised data only, without a name or other data that points directly to you";
    }

    @Override
    public String jointArrangement(String arrangement) {
        return "What we have agreed together: " + arrangement;
    }

    @Override
    public String outsideEeaSeeTransfers(String transfersHeading) {
        return "outside the EEA: see ‘" + transfersHeading + "’";
    }

    @Override
    public String onlyWhenLawRequires() {
        return "only when the law requires us to";
    }

    @Override
    public String insideEea() {
        return "inside the EEA: the GDPR applies";
    }

    @Override
    public String safeguard(Safeguard s) {
        return switch (s) {
            case ADEQUACY -> "decision of the European Commission that this country protects data equally well";
            case SCC -> "standard contractual clauses of the European Commission (SCCs)";
            case BCR -> "binding corporate rules within the group (BCRs)";
            case DEROGATION -> "exception of Article 49 GDPR";
            case NONE -> "none";
        };
    }

    @Override
    public String transferAssessment(String date) {
        return "transfer risk assessed on " + date;
    }

    @Override
    public String processingAgreement(String date) {
        return "processing agreement of " + date;
    }

    @Override
    public String noRecipients() {
        return "We do not share your data with anyone outside our organisation.";
    }

    @Override
    public String transfersNone() {
        return "We do not transfer your data to countries outside the European Economic Area (EEA).";
    }

    @Override
    public String transfersEuOnly() {
        return "Your data stays in the European Economic Area (EEA). We store it there and do not transfer it to countries outside it.";
    }

    @Override
    public String transfersNoneOutside() {
        return "At the moment we do not transfer any data to countries outside the European Economic Area (EEA).";
    }

    @Override
    public String transfersIntro() {
        return "Some recipients or systems are outside the European Economic Area (EEA), where the GDPR does not apply "
                + "by itself. Below you can read, per recipient or system, what that means for your data.";
    }

    @Override
    public String transferAdequacy() {
        return "For these recipients and systems, the European Commission has decided that personal data is adequately "
                + "protected in their country:";
    }

    @Override
    public String transferDpf() {
        return "These recipients in the United States are certified under the EU-US Data Privacy Framework. For "
                + "organisations with that certification, the European Commission has decided that they protect personal "
                + "data adequately:";
    }

    @Override
    public String transferUsNotCertified() {
        return "The decision of the European Commission on the United States covers only organisations certified under "
                + "the EU-US Data Privacy Framework. For these recipients and systems we have not recorded that "
                + "certification:";
    }

    @Override
    public String transferScc() {
        return "With these recipients, and for these systems, we have agreed the standard contractual clauses of the "
                + "European Commission:";
    }

    @Override
    public String transferSccExplained() {
        return "Standard contractual clauses are a fixed contract text set by the European Commission, in which the "
                + "recipient promises to protect your data as the GDPR requires.";
    }

    @Override
    public String transferBcr() {
        return "For these recipients, binding corporate rules apply: rules for protecting personal data within their group "
                + "of companies, approved by a data protection supervisory authority. They are:";
    }

    @Override
    public String transferDerogation() {
        return "For these recipients and systems there is no decision of the European Commission and no safeguard that "
                + "protects your data equally well:";
    }

    @Override
    public String transferDerogationRisks() {
        return "We transfer your data there only in the specific cases the law names (a derogation under Article 49 GDPR), "
                + "for example when you give your explicit consent to it or when it is needed to perform a contract with "
                + "you. Please note the risks: the law there may protect your data less well, and authorities there may be "
                + "able to access it.";
    }

    @Override
    public String transferNoSafeguard() {
        return "For these recipients and systems we have not recorded a decision of the European Commission or any other "
                + "safeguard:";
    }

    @Override
    public String transfersAdequacyPublished(String url) {
        return "The decisions of the European Commission are published on its website, " + url + ".";
    }

    @Override
    public String transfersDpfPublished(String url) {
        return "You can see which organisations are certified at " + url + ".";
    }

    @Override
    public String transfersAssessed() {
        return "Before we transfer data under such agreements, we check whether the laws and practice of that country "
                + "undermine them. If they do, we take extra measures or do not transfer the data.";
    }

    @Override
    public String transfersCopy(String email) {
        return "You can ask for a copy of these agreements at " + email + ".";
    }

    // ---- automated -----------------------------------------------------------------------------

    @Override
    public String noAutomatedDecisions() {
        return "We do not make decisions about you that are taken by a computer alone.";
    }

    @Override
    public String noProfiling() {
        return "We do not build a profile of you.";
    }

    @Override
    public String profiling(String purpose) {
        return purpose + ": we build a profile of you.";
    }

    @Override
    public String profilingObjection(boolean alwaysStops) {
        return alwaysStops ? "You can object to this at any time; we will then stop."
                : "You can object to this (see ‘Your rights’).";
    }

    @Override
    public String profilingConsent() {
        return "We do this only with your consent. You can withdraw it at any time; we will then stop.";
    }

    @Override
    public String automatedDecision(String purpose) {
        return purpose + ": a computer makes a decision about you on its own here.";
    }

    @Override
    public String automatedDecisionRights() {
        return "You can ask for a person to review the decision, give your point of view and contest the decision.";
    }

    @Override
    public String automatedSignificance(String significance) {
        return "What this decision means for you: " + significance;
    }

    // ---- rights --------------------------------------------------------------------------------

    @Override
    public String rightsIntro(String requestsHeading) {
        return "It is your data, so you have the following rights. You can read how to use them under ‘"
                + requestsHeading + "’.";
    }

    @Override
    public String rAccess() {
        return "Access";
    }

    @Override
    public String rAccessText() {
        return "You can ask which data we hold about you. You will get a copy, and we will tell you what we use it for, "
                + "which kinds of data are involved, who we share it with, how long we keep it, where it came from and "
                + "how we protect it if it leaves the EEA.";
    }

    @Override
    public String rRectification() {
        return "Correction";
    }

    @Override
    public String rRectificationText() {
        return "If your data is wrong or incomplete, we will correct it. We pass the correction on to anyone who received "
                + "the data from us, unless that is impossible or takes disproportionate effort.";
    }

    @Override
    public String rErasure() {
        return "Erasure";
    }

    @Override
    public String rErasureText() {
        return "You can ask us to erase your data, for example when we no longer need it, when you withdraw your consent "
                + "or object, or when we should not have used it. Sometimes we must or may keep data: because the law "
                + "requires it, because your contract is still running, or for legal proceedings. "
                + "We will then tell you which data we keep and why.";
    }

    @Override
    public String rNoAnonymisedRemainder() {
        return "Nothing anonymised either";
    }

    @Override
    public String rNoAnonymisedRemainderText() {
        // "in advance" is the point: once anonymised, nobody can tell which data was the subject's (S3)
        return "You may tell us in advance that when the retention period of your data ends, we delete it entirely "
                + "and keep no anonymised statistics of it either. Please tell us beforehand: once data is anonymised, "
                + "we can no longer tell which data was yours.";
    }

    @Override
    public String rRestriction() {
        return "Restriction";
    }

    @Override
    public String rRestrictionText() {
        return "You can ask us to stop using your data for a while and only store it. You can do this if you think it is "
                + "wrong (while we check), if we should not have used it but you do not want it erased, if we no longer "
                + "need it but you need it for legal proceedings, or while we consider your objection.";
    }

    @Override
    public String rPortability() {
        return "Data portability";
    }

    @Override
    public String rPortabilityText() {
        return "Data you gave us yourself, which we process by computer on the basis of your consent or a contract, "
                + "you can receive in a common file format. If you wish, we send it directly to another organisation, where "
                + "technically feasible.";
    }

    @Override
    public String rObjection() {
        return "Objection";
    }

    @Override
    public String rObjectionText() {
        return "If we use your data because of a legitimate interest of our own, or for a task in the public interest, "
                + "you can object to that because of your personal situation. We will then stop, unless we have compelling reasons that outweigh your interests, or we "
                + "need the data for legal proceedings. You can always object to direct marketing; we then stop at once.";
    }

    @Override
    public String rWithdrawal() {
        return "Withdrawing consent";
    }

    @Override
    public String rWithdrawalText() {
        return "If you have given us your consent, you can withdraw it at any time, as easily as you gave it. "
                + "What we did with your data before you withdrew it remains lawful.";
    }

    @Override
    public String appliesTo(String purposes) {
        return "This applies to: " + purposes + ".";
    }

    @Override
    public String objectionAppliesToNothing() {
        return "At the moment we do not use your data on the basis of our legitimate interest or for a task in the "
                + "public interest, nor for direct marketing.";
    }

    @Override
    public String withdrawalAppliesToNothing() {
        return "At the moment we do not ask for your consent for anything.";
    }

    // ---- requests ------------------------------------------------------------------------------

    @Override
    public String channelsIntro() {
        return "You can make a request:";
    }

    @Override
    public String channel(Channel c, String detail) {
        return switch (c) {
            case EMAIL -> "by e-mail to " + detail;
            case WEB -> detail == null ? "through our website" : "through our website: " + detail;
            case POST -> "by post to " + detail;
            case IN_PERSON -> "in person, at " + detail;
            case PHONE -> "by phone on " + detail;
        };
    }

    @Override
    public String identityIntro() {
        return "Before we carry out your request, we make sure it is really you, so that nobody else gets your data. "
                + "We ask no more than needed for that. This can be done in one of these ways:";
    }

    @Override
    public String identity(IdentityMethod m) {
        return switch (m) {
            case EMAIL_LINK -> "we send a confirmation link to the e-mail address we have for you";
            case ACCOUNT_LOGIN -> "you log in to your account with us";
            case IN_PERSON_ID -> "you visit us and show your original identity document; we do not copy it";
            case ID_COPY_MASKED -> "you send a copy of your identity document on which you have made your photo and citizen service number (BSN) unreadable";
            case COOKIE -> "for data collected through cookies: with the cookie itself, from the device that holds it";
        };
    }

    @Override
    public String freeOfCharge() {
        return "A request costs you nothing.";
    }

    @Override
    public String notFreeOfCharge() {
        return "A request is free of charge. Only if a request is manifestly unfounded or excessive, for example "
                + "because you keep repeating it, may we charge a reasonable fee or refuse the request. If you ask for more "
                + "than one copy of your data, we may charge a reasonable fee for the further copies.";
    }

    @Override
    public String requestRecords(String duration) {
        return "We keep the record of your request for " + duration + " after we have dealt with it.";
    }

    @Override
    public String responseTime(String duration) {
        return "We respond within " + duration + " of receiving your request.";
    }

    @Override
    public String extension(String duration) {
        return "If your request is complex, or we receive many requests at once, we may extend that period by at most "
                + duration + ". We will tell you so within the first period, with the reason.";
    }

    @Override
    public String objectionDecision() {
        return "We decide on an objection within the same period. If your objection is justified, we stop at once.";
    }

    @Override
    public String refusal(String authority, boolean extension) {
        return "If we do not act on a request, or only in part, we tell you why within that period. If you disagree "
                + "with that" + (extension ? ", or with an extension" : "") + ", you can complain to "
                + (authority == null ? "the supervisory authority" : "the " + authority) + " or go to court.";
    }

    // ---- complaints ----------------------------------------------------------------------------

    @Override
    public String complaint(String authority) {
        return "Do you disagree with how we handle your data? Let us know and we will look for a solution together. "
                + "You also always have the right to complain to the supervisory authority, the " + authority + ":";
    }

    @Override
    public String dpoSupervises() {
        return "Within our organisation, our data protection officer supervises how we handle personal data.";
    }

    @Override
    public String cookieAndMarketingSupervisors(boolean cookies, boolean marketing) {
        String about = cookies && marketing
                ? "about cookies and the personal data collected with them, or about the use of your data for direct marketing,"
                : cookies ? "about cookies and the personal data collected with them"
                : "about the use of your data for direct marketing";
        String rules = cookies && marketing
                ? "placing cookies (article 11.7a) and on unsolicited marketing by e-mail, text message or phone (article 11.7)"
                : cookies ? "placing cookies (article 11.7a)"
                : "unsolicited marketing by e-mail, text message or phone (article 11.7)";
        return "A complaint " + about + " goes to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens). "
                + "The Netherlands Authority for Consumers and Markets (ACM) supervises the rules of the Dutch "
                + "Telecommunications Act on " + rules + ".";
    }

    // ---- security ------------------------------------------------------------------------------

    @Override
    public String securityIntro() {
        return "We protect your data with technical and organisational measures:";
    }

    @Override
    public String needToKnow() {
        return "Only staff who need your data for their work can access it.";
    }

    @Override
    public String rolesIntro() {
        return "For each purpose, only these roles in our organisation may use your data:";
    }

    @Override
    public String rolesOfPurpose(String purpose, List<String> roles) {
        return purpose + ": " + list(roles) + ".";
    }

    @Override
    public String rolesStaff() {
        return "Besides them, the staff who handle your privacy requests can see your data.";
    }

    @Override
    public String confidentiality() {
        return "Everyone at our organisation who can see personal data has signed a confidentiality agreement.";
    }

    @Override
    public String dataCentres(String countries, boolean allInEea) {
        return "We store your data in data centres in " + countries
                + (allInEea ? ", inside the European Economic Area (EEA)." : ".");
    }

    @Override
    public String breach(String authority) {
        return "If something still goes wrong and data ends up with the wrong people (a data breach), we fix it as soon as "
                + "possible and record it. We report it to the " + authority + ", unless it is unlikely to result in a "
                + "risk to you or others. If the risk to you is high, we also tell you directly.";
    }

    // ---- minors --------------------------------------------------------------------------------

    @Override
    public String minorsParental(int age) {
        return "Are you under " + age + "? Then we need consent from your parent or guardian before we use your data "
                + "for anything that requires consent.";
    }

    @Override
    public String minorsNotServed(int age) {
        return "Our services are not meant for children under " + age + ". We do not knowingly collect their data.";
    }

    // ---- versions ------------------------------------------------------------------------------

    @Override
    public String currentVersion(String version, String date) {
        return "This is version " + version + " of this privacy statement" + (date.isEmpty() ? "." : ", in effect from " + date + ".");
    }

    @Override
    public String changes() {
        return "What has changed:";
    }

    @Override
    public String previousVersionsIntro() {
        return "When we change this statement, we publish the new version here. Earlier versions remain available:";
    }

    @Override
    public String previousVersion(String version, String date) {
        return "version " + version + (date.isEmpty() ? "" : ", in effect from " + date);
    }

    @Override
    public String noPreviousVersions() {
        return "When we change this statement, we publish the new version here, and this version remains available.";
    }

    // ---- register ------------------------------------------------------------------------------

    @Override
    public String registerTitle(String controller) {
        return "Record of processing activities of " + controller;
    }

    @Override
    public String registerIntro(String version, String date) {
        return "Record under Article 30(1) GDPR, derived from privacy policy version " + version
                + (date.isEmpty() ? "" : " of " + date) + ". One row per purpose.";
    }

    @Override
    public String column(RegisterTable.Column c) {
        return switch (c) {
            case PURPOSE_ID -> "Purpose id";
            case PURPOSE -> "Purpose of processing";
            case DESCRIPTION -> "Description";
            case CONTROLLER -> "Controller";
            case CONTROLLER_CONTACT -> "Contact details";
            case REPRESENTATIVE -> "Representative in the EU (Art. 27 GDPR)";
            case DPO -> "Data protection officer";
            case JOINT_CONTROLLERS -> "Joint controllers (Art. 26 GDPR)";
            case LEGAL_BASIS -> "Legal basis";
            case BASIS_DETAILS -> "Interest, balancing or legal duty";
            case ART9 -> "Special-category condition (Art. 9(2) GDPR)";
            case CRIMINAL -> "Criminal-offence data (Art. 10 GDPR, Art. 31-33 UAVG)";
            case NATIONAL_ID -> "National identification number (Art. 46 UAVG)";
            case SUBJECTS -> "Categories of data subjects";
            case DATA -> "Categories of personal data";
            case SOURCES -> "Sources";
            case RECIPIENTS -> "Categories of recipients";
            case TRANSFERS -> "Transfers to third countries and safeguards";
            case RETENTION -> "Time limits for erasure";
            case ARCHIVE -> "Archive purpose";
            case SECURITY -> "Security measures";
            case SYSTEMS -> "Systems";
            case ROLES -> "Roles with access";
            case FLAGS -> "Direct marketing, profiling, automated decisions";
        };
    }

    @Override
    public String flagDirectMarketing() {
        return "direct marketing";
    }

    @Override
    public String flagProfiling() {
        return "profiling";
    }

    @Override
    public String regArchive(String uses) {
        return "Kept in an archive only; used only " + uses + ".";
    }

    @Override
    public String flagAutomatedDecision() {
        return "automated decision";
    }

    @Override
    public String notDeclared() {
        return "not declared";
    }

    @Override
    public String stance(TransferStance stance) {
        return switch (stance) {
            case NONE -> "policy: no transfers outside the EEA";
            case EU_ONLY -> "policy: data stays within the EU/EEA";
            case DECLARED -> "policy: transfers as listed per recipient and system";
        };
    }

    @Override
    public String regStartCollection() {
        return "from collection";
    }

    @Override
    public String then(String end) {
        return "then " + end;
    }

    @Override
    public String regNeedToKnow() {
        return "Only staff who need the data for their task have access.";
    }

    @Override
    public String regConfidentiality() {
        return "All staff with access to personal data have signed a confidentiality agreement.";
    }

    @Override
    public String regDataCentres(String countries) {
        return "Stored in data centres in " + countries + ".";
    }

    @Override
    public String afterConversion(String subjectCategories) {
        return "once the data subject belongs to " + subjectCategories;
    }

    @Override
    public String processorColumn(RegisterTable.ProcessorColumn c) {
        return switch (c) {
            case ACTIVITY_ID -> "Activity id";
            case PROCESSOR -> "Processor";
            case PROCESSOR_CONTACT -> "Processor's contact details";
            case PROCESSOR_REPRESENTATIVE -> "Processor's representative in the EU (Art. 27 GDPR)";
            case DPO -> "Data protection officer";
            case CONTROLLER -> "Controller on whose behalf we act";
            case CONTROLLER_CONTACT -> "Controller's contact details";
            case CONTROLLER_REPRESENTATIVE -> "Controller's representative in the EU";
            case PROCESSING -> "Categories of processing";
            case TRANSFERS -> "Transfers to third countries and safeguards";
            case SECURITY -> "Security measures";
            case SYSTEMS -> "Systems";
        };
    }

    @Override
    public String processorRegisterTitle(String processor) {
        return "Record of processing activities of " + processor + " as a processor";
    }

    @Override
    public String processorRegisterIntro(String version, String date) {
        return "Record under Article 30(2) GDPR, derived from privacy policy version " + version
                + (date.isEmpty() ? "" : " of " + date) + ". One row per controller on whose behalf we act.";
    }

    @Override
    public String regArt9(Art9Condition c) {
        String name = switch (c) {
            case EXPLICIT_CONSENT -> "explicit consent";
            case EMPLOYMENT -> "employment, social security and social protection law";
            case VITAL_INTERESTS -> "vital interests of a person unable to give consent";
            case NON_PROFIT -> "members and regular contacts of a not-for-profit body";
            case MADE_PUBLIC -> "manifestly made public by the data subject";
            case LEGAL_CLAIMS -> "legal claims";
            case SUBSTANTIAL_PUBLIC_INTEREST -> "substantial public interest";
            case HEALTH_CARE -> "health or social care";
            case PUBLIC_HEALTH -> "public health";
            case ARCHIVING_RESEARCH -> "archiving in the public interest, scientific or historical research, or statistics";
        };
        return "Art. 9(2)(" + c.letter() + ") GDPR (" + name + ")";
    }

    @Override
    public String regInterest(String interest) {
        // a policy that already writes "our interest ..." is not labelled twice
        return interest.strip().toLowerCase(locale()).startsWith("our interest") ? interest : "Interest: " + interest;
    }

    @Override
    public String regBalancing(String balancing) {
        return "Balancing: " + balancing;
    }

    @Override
    public String regLaw(String law) {
        return "Law: " + law;
    }

    @Override
    public String regWithdrawable() {
        return "Consent can be withdrawn at any time (Art. 7(3) GDPR).";
    }

    @Override
    public String regSuperseded(String subjectCategories) {
        return "No longer applies once the data subject belongs to " + subjectCategories + ".";
    }

    @Override
    public String regSourceNeedsConsent() {
        return "only where the data subject consented to that party sharing the data";
    }

    @Override
    public String regRole(RecipientRole role) {
        return switch (role) {
            case PROCESSOR -> "processor (Art. 28 GDPR)";
            case CONTROLLER -> "independent controller";
            case JOINT_CONTROLLER -> "joint controller (Art. 26 GDPR)";
            case AUTHORITY -> "public authority";
        };
    }

    @Override
    public String regPseudonymisedOnly() {
        return "receives pseudonymised data only";
    }

    @Override
    public String regSafeguard(Safeguard s) {
        return switch (s) {
            case ADEQUACY -> "adequacy decision of the European Commission (Art. 45 GDPR)";
            case SCC -> "standard contractual clauses of the European Commission (Art. 46(2)(c) GDPR)";
            case BCR -> "binding corporate rules (Art. 47 GDPR)";
            case DEROGATION -> "derogation under Article 49 GDPR for a specific situation, without appropriate safeguards";
            case NONE -> "no safeguard declared";
        };
    }

    @Override
    public String regDpfCertified() {
        return "certified under the EU-US Data Privacy Framework";
    }

    @Override
    public String regArrangement(String arrangement) {
        return "arrangement: " + arrangement;
    }
}
