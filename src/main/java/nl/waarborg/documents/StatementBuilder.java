package nl.waarborg.documents;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.policy.Art9Condition;
import nl.waarborg.policy.Channel;
import nl.waarborg.policy.Eea;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.MarketingChannel;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataCategory;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Policy.Recipient;
import nl.waarborg.policy.TransferStance;
import nl.waarborg.documents.Doc.Block;
import nl.waarborg.documents.Doc.Bullets;
import nl.waarborg.documents.Doc.Cell;
import nl.waarborg.documents.Doc.Heading;
import nl.waarborg.documents.Doc.Line;
import nl.waarborg.documents.Doc.Link;
import nl.waarborg.documents.Doc.Para;
import nl.waarborg.documents.Doc.Span;
import nl.waarborg.documents.Doc.Strong;
import nl.waarborg.documents.Doc.Table;

/** Builds the privacy statement's {@link Doc} from a policy, section by section (R1, R2, R3, R4, R6.7). */
final class StatementBuilder {

    /** Stands for a linked value inside a phrase; see {@link #withSpan}. */
    private static final String SLOT = "\u0001";

    private final Policy policy;
    private final Phrases p;
    private final Words w;
    private final List<Block> out = new ArrayList<>();

    StatementBuilder(Policy policy, Phrases phrases) {
        this.policy = policy;
        this.p = phrases;
        this.w = new Words(policy, phrases);
    }

    Doc build() {
        String controller = w.controllerName();
        versionLine();
        para(p.statementIntro(controller));
        whoWeAre(controller);
        data();
        sources();
        purposes();
        retention();
        recipients();
        transfers();
        automated();
        rights();
        requests();
        complaints();
        security();
        minors();
        versions();
        return new Doc(p.lang().code(), p.statementTitle(controller), out);
    }

    // ---- sections ------------------------------------------------------------------------------

    private void versionLine() {
        Policy.Statement s = policy.statement();
        if (s != null && !Words.blank(s.version())) {
            out.add(new Para(Line.of(p.currentVersion(s.version(), p.date(s.effective()))), true));
        }
    }

    private void whoWeAre(String controller) {
        h2("controller", p.hWhoWeAre());
        para(p.controllerIs(controller));
        Policy.Controller c = policy.controller();
        List<Line> items = new ArrayList<>();
        String address = w.address();
        if (!address.isEmpty()) {
            items.add(labelled(p.lAddress(), Line.of(address)));
        }
        if (c != null && c.registration() != null && !Words.blank(c.registration().number())) {
            items.add(labelled(p.lRegistration(c.registration().kind()), Line.of(c.registration().number().strip())));
        }
        if (c != null && c.contact() != null) {
            contactLines(items, c.contact().email(), c.contact().phone(), c.contact().web());
        }
        if (!items.isEmpty()) {
            para(p.questions());
            out.add(new Bullets(items));
        }
        if (c != null && c.dpo() != null) {
            para(p.dpo(Words.blank(c.dpo().name()) ? null : c.dpo().name().strip()));
            List<Line> dpo = new ArrayList<>();
            contactLines(dpo, c.dpo().email(), c.dpo().phone(), null);
            if (!dpo.isEmpty()) {
                out.add(new Bullets(dpo));
            }
        }
        representative(c == null ? null : c.representative());
    }

    /** Art. 27 and 13(1)(a) GDPR: a controller outside the Union names its representative in it. */
    private void representative(Policy.Representative r) {
        if (r == null || Words.blank(r.name())) {
            return;
        }
        para(p.representative(r.name().strip()));
        List<Line> items = new ArrayList<>();
        if (!Words.blank(r.address())) {
            items.add(labelled(p.lAddress(), Line.of(r.address().strip())));
        }
        contactLines(items, r.email(), r.phone(), null);
        if (!items.isEmpty()) {
            out.add(new Bullets(items));
        }
    }

    private void contactLines(List<Line> items, String email, String phone, String web) {
        if (!Words.blank(email)) {
            items.add(labelled(p.lEmail(), Line.of(mail(email))));
        }
        if (!Words.blank(phone)) {
            items.add(labelled(p.lPhone(), Line.of(tel(phone))));
        }
        if (!Words.blank(web)) {
            items.add(labelled(p.lWebsite(), Line.of(new Link(web.strip(), web.strip()))));
        }
    }

    private void data() {
        h2("data", p.hData());
        para(p.dataIntro());
        boolean flagged = false;
        for (Policy.SubjectCategory s : policy.subjectCategories()) {
            List<DataCategory> data = dataOf(s.id());
            if (data.isEmpty()) {
                continue;
            }
            h3("data-" + s.id(), nameOr(w.t(s.name()), s.id()));
            if (!w.t(s.description()).isEmpty()) {
                para(Words.sentence(w.t(s.description())));
            }
            List<Line> items = new ArrayList<>();
            for (DataCategory d : data) {
                List<String> flags = w.flags(d);
                String name = nameOr(w.t(d.name()), d.id());
                if (flags.isEmpty()) {
                    items.add(Line.of(name));
                } else {
                    flagged = true;
                    items.add(Line.of(name, " — ", new Strong(String.join(", ", flags) + "; " + p.extraProtected())));
                }
            }
            out.add(new Bullets(items));
        }
        if (flagged) {
            out.add(new Para(Line.of(p.extraProtectedNote()), true));
        }
    }

    /** The data categories purposes use for a subject category, in declaration order. */
    private List<DataCategory> dataOf(String subject) {
        List<String> ids = new ArrayList<>();
        for (Purpose x : policy.purposes()) {
            if (x.subjects().isEmpty() || x.subjects().contains(subject)) {
                ids.addAll(x.data());
            }
        }
        return policy.dataCategories().stream().filter(d -> ids.contains(d.id())).toList();
    }

    private void sources() {
        if (policy.sources().isEmpty()) {
            return;
        }
        h2("sources", p.hSources());
        para(p.sourcesIntro());
        List<Line> items = new ArrayList<>();
        for (Policy.Source s : policy.sources()) {
            String name = nameOr(w.t(s.name()), s.id());
            items.add(Line.of(s.requiresConsent() ? name + " (" + p.sourceNeedsConsent() + ")" : name));
        }
        out.add(new Bullets(items));
    }

    private void purposes() {
        h2("purposes", p.hPurposes());
        para(p.purposesIntro());
        for (Purpose x : policy.purposes()) {
            h3("purpose-" + x.id(), w.name(x));
            if (!w.t(x.description()).isEmpty()) {
                para(Words.sentence(w.t(x.description())));
            }
            if (x.archiveOnly()) {
                para(p.archive(w.archiveUses(x)));
            }
            List<Line> facts = new ArrayList<>();
            if (!x.data().isEmpty()) {
                facts.add(labelled(p.lData(), Line.of(w.listAfterColon(w.dataNames(x.data())))));
            }
            facts.add(labelled(p.lSubjects(), Line.of(w.listAfterColon(w.subjectNames(w.subjectsOf(x))))));
            if (!x.recipients().isEmpty()) {
                facts.add(labelled(p.lSharedWith(), Line.of(w.recipientsAfterColon(x.recipients()))));
            }
            out.add(new Bullets(facts));

            List<Object> basis = new ArrayList<>();
            if (x.basis() == null) {
                basis.add(new Strong(p.lBasis() + ": " + p.basisMissing() + "."));
            } else {
                basis.add(new Strong(p.lBasis() + ": " + p.basisName(x.basis()) + "."));
                basis.add(" " + p.basisExplained(x.basis()));
                if (x.basis() == LegalBasis.LEGITIMATE_INTEREST) {
                    if (!w.t(x.interest()).isEmpty()) {
                        basis.add(" " + Words.sentence(p.ourInterest(w.t(x.interest()))));
                    }
                    if (!w.t(x.balancing()).isEmpty()) {
                        basis.add(" " + Words.sentence(p.balancing(w.t(x.balancing()))));
                    }
                }
            }
            if (!w.t(x.law()).isEmpty()) {
                basis.add(" " + Words.sentence(p.law(w.t(x.law()))));
            }
            out.add(new Para(Line.of(basis.toArray())));
            if (x.provision() != null && x.provision().requirement() != null) {
                String consequence = w.t(x.provision().consequence());
                para(p.provision(x.provision().requirement())
                        + (consequence.isEmpty() ? "" : " " + Words.sentence(p.provisionConsequence(consequence))));
            }
            if (x.art9() != null) {
                para(p.art9(p.art9Name(x.art9())));
            }
            List<String> notes = new ArrayList<>();
            if (withdrawable(x)) {
                notes.add(p.withdrawConsent());
            }
            if (x.directMarketing()) {
                notes.add(p.directMarketing());
            } else if (x.objectable()) {
                notes.add(p.canObject());
            }
            if (!notes.isEmpty()) {
                para(String.join(" ", notes));
            }
        }
    }

    private void retention() {
        h2("retention", p.hRetention());
        // anonymising is spoken of only where some rule anonymises (the statement never promises more than the policy)
        boolean anonymises = policy.retention().stream().anyMatch(r -> r.end() == nl.waarborg.policy.EndAction.ANONYMISE);
        para(anonymises ? p.retentionIntro() : p.retentionIntroDelete());
        List<List<Cell>> rows = new ArrayList<>();
        for (RetentionWording.Row r : new RetentionWording(policy, p).all()) {
            rows.add(List.of(Cell.ofLines(r.what()), Cell.of(r.howLong()), Cell.of(r.from()), Cell.of(r.then()),
                    r.keptLonger().isEmpty() ? Cell.of("—") : Cell.ofLines(r.keptLonger())));
        }
        out.add(new Table(p.retentionHeader(), rows));
        if (policy.retention().size() > 1) {
            out.add(new Para(Line.of(p.retentionOverlap()), true));
        }
    }

    private void recipients() {
        h2("recipients", p.hRecipients());
        if (policy.recipients().isEmpty()) {
            para(p.noRecipients());
            return;
        }
        para(p.recipientsIntro());
        List<List<Cell>> rows = new ArrayList<>();
        for (Recipient r : policy.recipients()) {
            List<Line> name = new ArrayList<>();
            name.add(Line.of(new Strong(nameOr(w.t(r.name()), r.id()))));
            if (!w.t(r.description()).isEmpty()) {
                name.add(Line.of(Words.sentence(w.t(r.description()))));
            }
            if (r.role() == nl.waarborg.policy.RecipientRole.JOINT_CONTROLLER && !w.t(r.arrangement()).isEmpty()) {
                name.add(Line.of(Words.sentence(p.jointArrangement(w.t(r.arrangement()))))); // Art. 26(2)
            }
            List<String> role = new ArrayList<>();
            if (r.role() != null) {
                role.add(p.roleInStatement(r.role()));
                if (r.role() == nl.waarborg.policy.RecipientRole.AUTHORITY) {
                    role.add(p.onlyWhenLawRequires());
                }
            }
            if (r.pseudonymisedOnly()) {
                role.add(p.pseudonymisedOnlyInStatement());
            }
            List<String> purposes = w.purposeNames(w.purposesSharingWith(r.id()));
            String where = r.countries().isEmpty() ? "—" : p.list(r.countries().stream().map(p::country).toList());
            // outside the EEA the safeguard is explained once, in the transfers section
            String protection = r.countries().isEmpty() ? "—"
                    : r.outsideEea() ? p.outsideEeaSeeTransfers(p.hTransfers()) : p.insideEea();
            rows.add(List.of(new Cell(name), role.isEmpty() ? Cell.of("—") : Cell.ofLines(role),
                    purposes.isEmpty() ? Cell.of("—") : Cell.ofLines(purposes), Cell.of(where), Cell.of(protection)));
        }
        out.add(new Table(p.recipientsHeader(), rows));
    }

    /** Where the Commission publishes its adequacy decisions (Art. 45(8) GDPR: published on its website). */
    static final String ADEQUACY_DECISIONS =
            "https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en";

    /** The list of organisations certified under the EU-US Data Privacy Framework. */
    static final String DPF_LIST = "https://www.dataprivacyframework.gov";

    /**
     * Chapter V and Art. 13(1)(f) GDPR: every recipient and system outside the EEA, grouped by how the transfer is
     * protected, with one sentence per kind and the way to a copy of the safeguards. The recipients table only points
     * here, so the paragraph appears once.
     */
    private void transfers() {
        h2("transfers", p.hTransfers());
        TransferStance stance = policy.transfers() == null ? TransferStance.DECLARED : policy.transfers().stance();
        TransferWording wording = new TransferWording(policy, p);
        List<TransferWording.Transfer> outside = wording.outside(policy.recipients(), policy.systems());
        if (stance == TransferStance.NONE && outside.isEmpty()) {
            para(p.transfersNone());
        } else if (stance == TransferStance.EU_ONLY && outside.isEmpty()) {
            para(p.transfersEuOnly());
        } else if (outside.isEmpty()) {
            para(p.transfersNoneOutside());
        } else {
            para(p.transfersIntro());
            for (TransferWording.Group g : wording.groups(outside)) {
                para(g.sentence());
                out.add(new Bullets(g.labels().stream().map(Line::of).toList()));
                if (g.explained() != null) {
                    para(g.explained());
                }
            }
            copies(outside);
        }
        if (policy.transfers() != null && !w.t(policy.transfers().note()).isEmpty()) {
            para(Words.sentence(w.t(policy.transfers().note())));
        }
    }

    /** Art. 13(1)(f): how to obtain a copy of the safeguards, or where they are made available. */
    private void copies(List<TransferWording.Transfer> outside) {
        if (outside.stream().anyMatch(t -> t.kind() == TransferWording.Kind.SCC || t.kind() == TransferWording.Kind.BCR)) {
            para(p.transfersAssessed());
            String email = policy.controller() == null || policy.controller().contact() == null ? null
                    : policy.controller().contact().email();
            if (!Words.blank(email)) {
                out.add(new Para(withSpan(p.transfersCopy(SLOT), mail(email))));
            }
        }
        if (outside.stream().anyMatch(t -> t.kind() == TransferWording.Kind.ADEQUACY)) {
            out.add(new Para(withSpan(p.transfersAdequacyPublished(SLOT), new Link(ADEQUACY_DECISIONS, ADEQUACY_DECISIONS))));
        }
        if (outside.stream().anyMatch(t -> t.kind() == TransferWording.Kind.DPF)) {
            out.add(new Para(withSpan(p.transfersDpfPublished(SLOT), new Link(DPF_LIST, DPF_LIST))));
        }
    }

    private void automated() {
        h2("automated", p.hAutomated());
        List<Purpose> profiling = policy.purposes().stream().filter(Purpose::profiling).toList();
        List<Purpose> decisions = policy.purposes().stream().filter(Purpose::automatedDecision).toList();
        if (decisions.isEmpty()) {
            para(p.noAutomatedDecisions());
        }
        if (profiling.isEmpty()) {
            para(p.noProfiling());
        }
        for (Purpose x : decisions) {
            para(p.automatedDecision(w.name(x)) + logic(x) + significance(x) + " " + p.automatedDecisionRights());
        }
        for (Purpose x : profiling) {
            String right = profilingRight(x);
            para(p.profiling(w.name(x)) + (x.automatedDecision() ? "" : logic(x) + significance(x))
                    + (right.isEmpty() ? "" : " " + right));
        }
    }

    private String logic(Purpose x) {
        String l = w.t(x.automatedLogic());
        return l.isEmpty() ? "" : " " + Words.sentence(l);
    }

    /** Art. 13(2)(f): what the decision means for the person; only the policy's words, never invented. */
    private String significance(Purpose x) {
        String s = w.t(x.automatedSignificance());
        return s.isEmpty() ? "" : " " + Words.sentence(p.automatedSignificance(s));
    }

    /**
     * The right that stops profiling: objection for direct marketing (always, Art. 21(2)-(3)) and for purposes on
     * legitimate interest or a public task (Art. 21(1)); withdrawal on consent (Art. 7(3)); nothing on a contract,
     * where an automated decision keeps the Art. 22(3) rights said above.
     */
    private String profilingRight(Purpose x) {
        if (x.directMarketing()) {
            return p.profilingObjection(true);
        }
        if (x.objectable()) {
            return p.profilingObjection(false);
        }
        return withdrawable(x) ? p.profilingConsent() : "";
    }

    /** Consent can be withdrawn: the basis, or explicit consent as the Art. 9 condition under another basis (Art. 7(3)). */
    private static boolean withdrawable(Purpose x) {
        return x.withdrawable() || x.basis() == LegalBasis.CONSENT || x.art9() == Art9Condition.EXPLICIT_CONSENT;
    }

    private void rights() {
        h2("rights", p.hRights());
        para(p.rightsIntro(p.hRequests()));
        List<String> objectable = w.purposeNames(policy.purposes().stream()
                .filter(x -> x.objectable() || x.directMarketing()).toList());
        List<String> withdrawable = w.purposeNames(policy.purposes().stream()
                .filter(StatementBuilder::withdrawable).toList());
        List<Line> items = new ArrayList<>();
        items.add(right(p.rAccess(), p.rAccessText()));
        items.add(right(p.rRectification(), p.rRectificationText()));
        items.add(right(p.rErasure(), p.rErasureText()));
        if (policy.rights() != null && policy.rights().refuseAnonymisedRemainder()) {
            items.add(right(p.rNoAnonymisedRemainder(), p.rNoAnonymisedRemainderText()));
        }
        items.add(right(p.rRestriction(), p.rRestrictionText()));
        items.add(right(p.rPortability(), p.rPortabilityText()));
        items.add(right(p.rObjection(), p.rObjectionText() + " " + (objectable.isEmpty()
                ? p.objectionAppliesToNothing() : p.appliesTo(w.listAfterColon(objectable)))));
        items.add(right(p.rWithdrawal(), p.rWithdrawalText() + " " + (withdrawable.isEmpty()
                ? p.withdrawalAppliesToNothing() : p.appliesTo(w.listAfterColon(withdrawable)))));
        out.add(new Bullets(items));
    }

    private Line right(String name, String text) {
        return Line.of(new Strong(name + "."), " " + text);
    }

    private void requests() {
        h2("requests", p.hRequests());
        Policy.Rights rights = policy.rights();
        Policy.Controller c = policy.controller();
        Policy.Contact contact = c == null ? null : c.contact();
        if (rights != null && !rights.channels().isEmpty()) {
            para(p.channelsIntro());
            List<Line> items = new ArrayList<>();
            for (Channel ch : rights.channels()) {
                Line line = channel(ch, contact);
                if (line != null) {
                    items.add(line);
                }
            }
            out.add(new Bullets(items));
        } else if (contact != null && !Words.blank(contact.email())) {
            para(p.channelsIntro());
            out.add(new Bullets(List.of(withSpan(p.channel(Channel.EMAIL, SLOT), mail(contact.email())))));
        }
        if (rights != null && !rights.identityVerification().isEmpty()) {
            para(p.identityIntro());
            out.add(new Bullets(rights.identityVerification().stream().map((IdentityMethod m) -> Line.of(p.identity(m))).toList()));
        }
        List<String> terms = new ArrayList<>();
        if (rights != null) {
            terms.add(rights.freeOfCharge() ? p.freeOfCharge() : p.notFreeOfCharge());
            if (rights.responseTime() != null) {
                terms.add(p.responseTime(w.duration(rights.responseTime())));
            }
            if (rights.extension() != null) {
                terms.add(p.extension(w.duration(rights.extension())));
            }
        }
        terms.add(p.objectionDecision());
        if (rights != null && rights.requestRecords() != null && rights.requestRecords().isConcrete()) {
            terms.add(p.requestRecords(w.duration(rights.requestRecords())));
        }
        Policy.Authority authority = c == null ? null : c.authority();
        terms.add(p.refusal(authority == null || Words.blank(authority.name()) ? null : authority.name().strip(),
                rights != null && rights.extension() != null));
        para(String.join(" ", terms));
    }

    private Line channel(Channel ch, Policy.Contact contact) {
        String name = w.controllerName();
        return switch (ch) {
            case EMAIL -> contact == null || Words.blank(contact.email()) ? null
                    : withSpan(p.channel(ch, SLOT), mail(contact.email()));
            case PHONE -> contact == null || Words.blank(contact.phone()) ? null
                    : withSpan(p.channel(ch, SLOT), tel(contact.phone()));
            case WEB -> contact == null || Words.blank(contact.web()) ? Line.of(p.channel(ch, null))
                    : withSpan(p.channel(ch, SLOT), new Link(contact.web().strip(), contact.web().strip()));
            case POST -> w.address().isEmpty() ? null : Line.of(p.channel(ch, name + ", " + w.address()));
            case IN_PERSON -> w.address().isEmpty() ? null : Line.of(p.channel(ch, w.address()));
        };
    }

    private void complaints() {
        h2("complaints", p.hComplaints());
        Policy.Authority a = policy.controller() == null ? null : policy.controller().authority();
        if (a != null && !Words.blank(a.name())) {
            para(p.complaint(a.name().strip()));
            List<Line> items = new ArrayList<>();
            if (!Words.blank(a.url())) {
                items.add(labelled(p.lWebsite(), Line.of(new Link(a.url().strip(), a.url().strip()))));
            }
            if (!Words.blank(a.phone())) {
                items.add(labelled(p.lPhone(), Line.of(tel(a.phone()))));
            }
            if (!Words.blank(a.address())) {
                items.add(labelled(p.lAddress(), Line.of(a.address().strip())));
            }
            if (!items.isEmpty()) {
                out.add(new Bullets(items));
            }
        }
        List<String> more = new ArrayList<>();
        if (policy.controller() != null && policy.controller().dpo() != null) {
            more.add(p.dpoSupervises());
        }
        // complaints about cookies and direct marketing go to the AP; the ACM supervises the Telecommunicatiewet's rules
        // on placing cookies (art. 11.7a) and unsolicited electronic marketing (art. 11.7); said only where they apply
        boolean dutch = policy.controller() != null && "NL".equalsIgnoreCase(policy.controller().country());
        boolean cookies = policy.purposes().stream().anyMatch(x -> !x.cookies().isEmpty());
        boolean marketing = policy.purposes().stream().anyMatch(StatementBuilder::electronicMarketing);
        if (dutch && (cookies || marketing)) {
            more.add(p.cookieAndMarketingSupervisors(cookies, marketing));
        }
        if (!more.isEmpty()) {
            para(String.join(" ", more));
        }
    }

    /**
     * Direct marketing that may reach people by e-mail, SMS or phone (art. 11.7 Telecommunicatiewet). With no channels
     * declared it counts as electronic: naming a supervisor that may not apply misleads less than leaving one out.
     */
    private static boolean electronicMarketing(Purpose x) {
        return x.directMarketing() && (x.marketingChannels().isEmpty() || x.marketingChannels().stream()
                .anyMatch(c -> c == MarketingChannel.EMAIL || c == MarketingChannel.SMS || c == MarketingChannel.PHONE));
    }

    private void security() {
        Policy.Security s = policy.security();
        List<Purpose> limited = policy.purposes().stream().filter(x -> !x.roles().isEmpty()).toList();
        if (s == null && limited.isEmpty()) {
            return;
        }
        h2("security", p.hSecurity());
        if (s != null) { // without measures declared, the roles are enforced all the same
            measures(s);
        }
        roles(limited);
        Policy.Authority a = policy.controller() == null ? null : policy.controller().authority();
        para(p.breach(a == null || Words.blank(a.name()) ? "?" : a.name().strip()));
    }

    private void measures(Policy.Security s) {
        List<Line> items = new ArrayList<>();
        if (s.needToKnow()) {
            items.add(Line.of(p.needToKnow()));
        }
        if (s.confidentialityAgreements()) {
            items.add(Line.of(p.confidentiality()));
        }
        if (!s.dataCentreCountries().isEmpty()) {
            boolean eea = s.dataCentreCountries().stream().allMatch(Eea::contains);
            items.add(Line.of(p.dataCentres(p.list(s.dataCentreCountries().stream().map(p::country).toList()), eea)));
        }
        if (!w.t(s.measures()).isEmpty()) {
            items.add(Line.of(Words.sentence(w.t(s.measures()))));
        }
        if (!items.isEmpty()) {
            para(p.securityIntro());
            out.add(new Bullets(items));
        }
    }

    /** R6.1: who inside the organisation may use each purpose's data, as the decision engine enforces it. */
    private void roles(List<Purpose> limited) {
        if (limited.isEmpty()) {
            return;
        }
        para(p.rolesIntro());
        out.add(new Bullets(limited.stream()
                .map(x -> Line.of(p.rolesOfPurpose(w.name(x), w.roleNames(x.roles()).stream().map(w::inSentence).toList())))
                .toList()));
        para(p.rolesStaff());
    }

    private void minors() {
        Policy.Minors m = policy.minors();
        if (m == null) {
            return;
        }
        h2("minors", p.hMinors());
        para(m.parentalConsent() ? p.minorsParental(m.ageThreshold()) : p.minorsNotServed(m.ageThreshold()));
    }

    private void versions() {
        Policy.Statement s = policy.statement();
        if (s == null) {
            return;
        }
        h2("versions", p.hVersions());
        para(p.currentVersion(Words.blank(s.version()) ? "?" : s.version(), p.date(s.effective())));
        if (!w.t(s.changes()).isEmpty()) {
            out.add(new Para(Line.of(new Strong(p.changes()), " " + Words.sentence(w.t(s.changes())))));
        }
        if (s.previous().isEmpty()) {
            para(p.noPreviousVersions());
            return;
        }
        para(p.previousVersionsIntro());
        List<Line> items = new ArrayList<>();
        for (Policy.PreviousVersion v : s.previous()) {
            String label = p.previousVersion(v.version(), p.date(v.effective()));
            items.add(Words.blank(v.url()) ? Line.of(label) : Line.of(label + ": ", new Link(v.url().strip(), v.url().strip())));
        }
        out.add(new Bullets(items));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void h2(String id, String text) {
        out.add(new Heading(2, id, text));
    }

    private void h3(String id, String text) {
        out.add(new Heading(3, id, text));
    }

    private void para(String text) {
        out.add(new Para(Line.of(text)));
    }

    private static Line labelled(String label, Line value) {
        return Line.of(new Strong(label + ":"), " ", value);
    }

    private static String nameOr(String name, String id) {
        return name == null || name.isEmpty() ? id : name;
    }

    private static Link mail(String email) {
        return new Link(email.strip(), "mailto:" + email.strip());
    }

    private static Link tel(String phone) {
        return new Link(phone.strip(), "tel:" + phone.replaceAll("[^0-9+]", ""));
    }

    /** A phrase written around {@link #SLOT}, with the slot replaced by a span (a link). */
    private static Line withSpan(String phrase, Span span) {
        int at = phrase.indexOf(SLOT);
        if (at < 0) {
            return Line.of(phrase);
        }
        return Line.of(phrase.substring(0, at), span, phrase.substring(at + SLOT.length()));
    }
}
