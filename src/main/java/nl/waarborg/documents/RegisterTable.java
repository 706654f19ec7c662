package nl.waarborg.documents;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.policy.Eea;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataCategory;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Policy.Recipient;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RecipientRole;
import nl.waarborg.policy.Safeguard;

/**
 * The Art. 30(1) record as a table: one row per purpose, one column per field, each cell a list of
 * lines; and the processor's record of Art. 30(2): one row per controller acted for. Shared by the CSV,
 * XLSX and HTML forms of the register. An internal record: neutral phrasing, never addressed to the
 * data subject, with the article each fact rests on (the {@code reg…} phrases).
 */
final class RegisterTable {

    /**
     * The columns, in order: the Art. 30(1)(a)–(g) fields (with the representative and joint controllers of (a)),
     * the conditions for special (Art. 9), criminal-offence (Art. 10 GDPR, UAVG art. 31-33) and national
     * identification data (UAVG art. 46), plus sources, systems, roles and flags. ARCHIVE sits beside RETENTION: it
     * says what kept data may still be used for (R2.7).
     */
    enum Column {
        PURPOSE_ID, PURPOSE, DESCRIPTION, CONTROLLER, CONTROLLER_CONTACT, REPRESENTATIVE, DPO, JOINT_CONTROLLERS,
        LEGAL_BASIS, BASIS_DETAILS, ART9, CRIMINAL, NATIONAL_ID, SUBJECTS, DATA, SOURCES, RECIPIENTS, TRANSFERS,
        RETENTION, ARCHIVE, SECURITY, SYSTEMS, ROLES, FLAGS
    }

    /**
     * The processor's record (Art. 30(2)): (a) the processor, its representative and DPO, and each controller acted
     * for with its representative; (b) the categories of processing; (c) transfers; (d) security measures; plus the
     * systems the controller's data is kept in.
     */
    enum ProcessorColumn {
        ACTIVITY_ID, PROCESSOR, PROCESSOR_CONTACT, PROCESSOR_REPRESENTATIVE, DPO, CONTROLLER, CONTROLLER_CONTACT,
        CONTROLLER_REPRESENTATIVE, PROCESSING, TRANSFERS, SECURITY, SYSTEMS
    }

    final List<String> header;
    final List<List<List<String>>> rows;

    private RegisterTable(List<String> header, List<List<List<String>>> rows) {
        this.header = header;
        this.rows = rows;
    }

    static RegisterTable build(Policy policy, Phrases p) {
        Words w = new Words(policy, p);
        List<String> header = java.util.Arrays.stream(Column.values()).map(p::column).toList();
        List<List<List<String>>> rows = new ArrayList<>();
        for (Purpose x : policy.purposes()) {
            Map<Column, List<String>> row = new EnumMap<>(Column.class);
            row.put(Column.PURPOSE_ID, List.of(x.id()));
            row.put(Column.PURPOSE, List.of(w.name(x)));
            row.put(Column.DESCRIPTION, optional(w.t(x.description())));
            row.put(Column.CONTROLLER, controller(policy, p, w));
            row.put(Column.CONTROLLER_CONTACT, contact(policy, w));
            row.put(Column.REPRESENTATIVE, representative(policy.controller() == null ? null
                    : policy.controller().representative(), p));
            row.put(Column.DPO, dpo(policy, p));
            row.put(Column.JOINT_CONTROLLERS, jointControllers(policy, x, p, w));
            row.put(Column.LEGAL_BASIS, List.of(x.basis() == null ? p.notDeclared()
                    : p.basisName(x.basis()) + " (" + p.basisArticle(x.basis()) + ")"));
            row.put(Column.BASIS_DETAILS, basisDetails(x, p, w));
            row.put(Column.ART9, art9(policy, x, p));
            row.put(Column.CRIMINAL, flagged(policy, x, DataCategory::criminal, p, w));
            row.put(Column.NATIONAL_ID, flagged(policy, x, DataCategory::nationalId, p, w));
            row.put(Column.SUBJECTS, w.subjectNames(w.subjectsOf(x)));
            row.put(Column.DATA, data(policy, x, w));
            row.put(Column.SOURCES, sources(policy, x, p, w));
            row.put(Column.RECIPIENTS, recipients(policy, x, p, w));
            row.put(Column.TRANSFERS, transfers(policy, x, p, w));
            row.put(Column.RETENTION, retention(x, w));
            row.put(Column.ARCHIVE, x.archiveOnly() ? List.of(p.regArchive(w.archiveUses(x))) : List.of());
            row.put(Column.SECURITY, security(policy, p, w));
            row.put(Column.SYSTEMS, systems(policy, x.systems(), p, w));
            row.put(Column.ROLES, w.roleNames(x.roles()));
            row.put(Column.FLAGS, flags(x, p));
            List<List<String>> cells = new ArrayList<>();
            for (Column c : Column.values()) {
                cells.add(List.copyOf(row.getOrDefault(c, List.of())));
            }
            rows.add(List.copyOf(cells));
        }
        return new RegisterTable(header, List.copyOf(rows));
    }

    /** The processor's record (Art. 30(2)): one row per {@code as-processor} activity; no rows when there is none. */
    static RegisterTable processor(Policy policy, Phrases p) {
        Words w = new Words(policy, p);
        List<String> header = java.util.Arrays.stream(ProcessorColumn.values()).map(p::processorColumn).toList();
        List<List<List<String>>> rows = new ArrayList<>();
        for (Policy.ProcessorActivity a : policy.asProcessor()) {
            Map<ProcessorColumn, List<String>> row = new EnumMap<>(ProcessorColumn.class);
            row.put(ProcessorColumn.ACTIVITY_ID, List.of(a.id()));
            row.put(ProcessorColumn.PROCESSOR, controller(policy, p, w));
            row.put(ProcessorColumn.PROCESSOR_CONTACT, contact(policy, w));
            row.put(ProcessorColumn.PROCESSOR_REPRESENTATIVE, representative(policy.controller() == null ? null
                    : policy.controller().representative(), p));
            row.put(ProcessorColumn.DPO, dpo(policy, p));
            row.put(ProcessorColumn.CONTROLLER, optional(a.controllerName()));
            row.put(ProcessorColumn.CONTROLLER_CONTACT, optional(a.controllerContact()));
            row.put(ProcessorColumn.CONTROLLER_REPRESENTATIVE, representative(a.controllerRepresentative(), p));
            row.put(ProcessorColumn.PROCESSING, optional(w.t(a.processing())));
            row.put(ProcessorColumn.TRANSFERS, processorTransfers(policy, a, p, w));
            row.put(ProcessorColumn.SECURITY, security(policy, p, w));
            row.put(ProcessorColumn.SYSTEMS, systems(policy, a.systems(), p, w));
            List<List<String>> cells = new ArrayList<>();
            for (ProcessorColumn c : ProcessorColumn.values()) {
                cells.add(List.copyOf(row.getOrDefault(c, List.of())));
            }
            rows.add(List.copyOf(cells));
        }
        return new RegisterTable(header, List.copyOf(rows));
    }

    private static List<String> optional(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s);
    }

    private static List<String> controller(Policy policy, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        out.add(w.controllerName());
        Policy.Registration r = policy.controller() == null ? null : policy.controller().registration();
        if (r != null && !Words.blank(r.number())) {
            out.add(p.lRegistration(r.kind()) + ": " + r.number().strip());
        }
        return out;
    }

    private static List<String> contact(Policy policy, Words w) {
        List<String> out = new ArrayList<>();
        if (!w.address().isEmpty()) {
            out.add(w.address());
        }
        Policy.Contact c = policy.controller() == null ? null : policy.controller().contact();
        if (c != null) {
            for (String s : new String[] {c.email(), c.phone(), c.web()}) {
                if (!Words.blank(s)) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** A representative in the Union (Art. 27): name, address, e-mail and phone, one a line; "geen" when none. */
    private static List<String> representative(Policy.Representative r, Phrases p) {
        if (r == null) {
            return List.of(p.none());
        }
        List<String> out = new ArrayList<>();
        for (String s : new String[] {r.name(), r.address(), r.email(), r.phone()}) {
            if (!Words.blank(s)) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** The purpose's joint controllers (Art. 26, 30(1)(a)) with the essence of their arrangement. */
    private static List<String> jointControllers(Policy policy, Purpose x, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        for (String id : x.recipients()) {
            Recipient r = policy.recipient(id).orElse(null);
            if (r == null || r.role() != RecipientRole.JOINT_CONTROLLER) {
                continue;
            }
            String arrangement = w.t(r.arrangement());
            out.add(name(r, id, w) + " (" + p.regArrangement(arrangement.isEmpty() ? p.notDeclared() : arrangement) + ")");
        }
        return out;
    }

    /**
     * The purpose's data categories with a flag (criminal-offence data, Art. 10 GDPR; a national identification
     * number, UAVG art. 46), each with the law that allows the use: the purpose's {@code law}.
     */
    private static List<String> flagged(Policy policy, Purpose x, java.util.function.Predicate<DataCategory> flag,
                                        Phrases p, Words w) {
        String law = w.t(x.law()).isEmpty() ? p.notDeclared() : w.t(x.law());
        String lawLine = p.regLaw(law);
        // inside the cell the label reads on after an opening parenthesis: lower case (Taalunie)
        lawLine = Character.toLowerCase(lawLine.charAt(0)) + lawLine.substring(1);
        List<String> out = new ArrayList<>();
        for (String id : x.data()) {
            DataCategory d = policy.dataCategory(id).orElse(null);
            if (d != null && flag.test(d)) {
                out.add((w.t(d.name()).isEmpty() ? id : w.t(d.name())) + " (" + lawLine + ")");
            }
        }
        return out;
    }

    private static String name(Recipient r, String id, Words w) {
        return w.t(r.name()).isEmpty() ? id : w.t(r.name());
    }

    private static List<String> dpo(Policy policy, Phrases p) {
        Policy.Dpo d = policy.controller() == null ? null : policy.controller().dpo();
        if (d == null) {
            return List.of(p.none());
        }
        List<String> out = new ArrayList<>();
        for (String s : new String[] {d.name(), d.email(), d.phone()}) {
            if (!Words.blank(s)) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static List<String> basisDetails(Purpose x, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        if (!w.t(x.interest()).isEmpty()) {
            out.add(Words.sentence(p.regInterest(w.t(x.interest()))));
        }
        if (!w.t(x.balancing()).isEmpty()) {
            out.add(Words.sentence(p.regBalancing(w.t(x.balancing()))));
        }
        if (!w.t(x.law()).isEmpty()) {
            out.add(Words.sentence(p.regLaw(w.t(x.law()))));
        }
        if (x.basis() == LegalBasis.CONSENT || x.withdrawable()) {
            out.add(p.regWithdrawable());
        }
        return out;
    }

    private static List<String> art9(Policy policy, Purpose x, Phrases p) {
        if (x.art9() != null) {
            return List.of(p.regArt9(x.art9()));
        }
        boolean special = x.data().stream().flatMap(d -> policy.dataCategory(d).stream()).anyMatch(DataCategory::special);
        return special ? List.of(p.notDeclared()) : List.of();
    }

    private static List<String> data(Policy policy, Purpose x, Words w) {
        List<String> out = new ArrayList<>();
        for (String id : x.data()) {
            DataCategory d = policy.dataCategory(id).orElse(null);
            if (d == null) {
                out.add(id);
                continue;
            }
            String name = w.t(d.name()).isEmpty() ? id : w.t(d.name());
            List<String> flags = w.flags(d);
            out.add(flags.isEmpty() ? name : name + " [" + String.join(", ", flags) + "]");
        }
        return out;
    }

    private static List<String> sources(Policy policy, Purpose x, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        for (String id : x.sources()) {
            Policy.Source s = policy.source(id).orElse(null);
            String name = s == null || w.t(s.name()).isEmpty() ? id : w.t(s.name());
            out.add(s != null && s.requiresConsent() ? name + " (" + p.regSourceNeedsConsent() + ")" : name);
        }
        return out;
    }

    private static List<String> recipients(Policy policy, Purpose x, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        for (String id : x.recipients()) {
            Recipient r = policy.recipient(id).orElse(null);
            if (r == null) {
                out.add(id);
                continue;
            }
            List<String> facts = new ArrayList<>();
            if (r.role() != null) {
                facts.add(p.regRole(r.role()));
            }
            if (r.processingAgreement() != null) {
                facts.add(p.processingAgreement(r.processingAgreement().toString()));
            }
            if (r.pseudonymisedOnly()) {
                facts.add(p.regPseudonymisedOnly());
            }
            String name = name(r, id, w);
            out.add(facts.isEmpty() ? name : name + " (" + String.join("; ", facts) + ")");
        }
        return out;
    }

    private static List<String> transfers(Policy policy, Purpose x, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        for (String id : x.recipients()) {
            Recipient r = policy.recipient(id).orElse(null);
            if (r == null || !r.outsideEea()) {
                continue;
            }
            out.add(transfer(name(r, id, w), r.countries(), r.safeguard(), r.transferAssessment(), r.dpfCertified(), p));
        }
        out.addAll(systemTransfers(policy, x.systems(), p, w));
        if (out.isEmpty()) {
            out.add(p.none());
        }
        if (policy.transfers() != null && policy.transfers().stance() != null) {
            out.add(p.stance(policy.transfers().stance()));
        }
        return out;
    }

    /** Transfers of a processor activity: its own countries outside the EEA, then its systems outside the EEA. */
    private static List<String> processorTransfers(Policy policy, Policy.ProcessorActivity a, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        if (a.countries().stream().anyMatch(c -> !Eea.contains(c))) {
            String whose = Words.blank(a.controllerName()) ? a.id() : a.controllerName().strip();
            out.add(transfer(whose, a.countries(), a.safeguard(), null, false, p));
        }
        out.addAll(systemTransfers(policy, a.systems(), p, w));
        return out.isEmpty() ? List.of(p.none()) : out;
    }

    /** Systems outside the EEA are transfers too (Chapter V): listed with their safeguard, as recipients are. */
    private static List<String> systemTransfers(Policy policy, List<String> systems, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        for (String id : systems) {
            Policy.DataSystem s = policy.system(id).orElse(null);
            if (s != null && s.outsideEea()) {
                out.add(transfer(w.t(s.name()).isEmpty() ? id : w.t(s.name()), s.countries(), s.safeguard(),
                        s.transferAssessment(), false, p));
            }
        }
        return out;
    }

    /** "E-maildienst: Verenigde Staten — standaardcontractbepalingen … (art. 46 lid 2 onder c AVG); doorgifterisico …". */
    private static String transfer(String name, List<String> countries, Safeguard safeguard, java.time.LocalDate assessment,
                                   boolean dpfCertified, Phrases p) {
        String line = name + ": " + p.list(countries.stream().filter(c -> !Eea.contains(c)).map(p::country).toList())
                + " — " + p.regSafeguard(safeguard == null ? Safeguard.NONE : safeguard);
        if (dpfCertified) {
            line += "; " + p.regDpfCertified();
        }
        if (assessment != null) {
            line += "; " + p.transferAssessment(assessment.toString());
        }
        return line;
    }

    private static List<String> retention(Purpose x, Words w) {
        List<String> out = new ArrayList<>();
        for (RetentionRule r : w.rulesFor(x)) {
            List<String> data = w.coveredData(r, x);
            List<String> converted = data.stream().flatMap(d -> w.convertedTo(r, d, x).stream()).distinct().toList();
            StringBuilder b = new StringBuilder();
            String start = r.start() instanceof nl.waarborg.policy.RetentionStart.AtCollection && r.round() == null
                    ? w.p.regStartCollection() : w.start(r);
            b.append(w.listInSentence(w.dataNames(data)));
            if (!converted.isEmpty()) { // one colon a line: the condition qualifies the data, the period follows
                b.append(", ").append(w.p.afterConversion(quoted(w.subjectNames(converted), w.p)));
            }
            b.append(": ")
                    .append(Words.untilEvent(r) ? w.howLong(r) : w.duration(r.period()) + " " + start)
                    .append(", ").append(w.p.then(w.end(r.end())));
            for (String h : w.holds(r)) {
                b.append("; ").append(h);
            }
            if (!r.supersededBy().isEmpty()) {
                b.append(". ").append(w.p.regSuperseded(quoted(w.subjectNames(r.supersededBy()), w.p)));
            }
            if (r.consentBound()) {
                b.append(". ").append(w.p.regWhileConsent(w.purposeName(r.whileConsent())));
            }
            out.add(b.toString());
        }
        if (out.isEmpty()) {
            out.add(w.p.notDeclared());
        }
        return out;
    }

    /** Category names as alternatives, each quoted, so a name reads as a name: "‘Klanten’ of ‘Leden’". */
    private static String quoted(List<String> names, Phrases p) {
        return p.alternatives(names.stream().map(n -> "‘" + n + "’").toList());
    }

    private static List<String> security(Policy policy, Phrases p, Words w) {
        Policy.Security s = policy.security();
        if (s == null) {
            return List.of(p.notDeclared());
        }
        List<String> out = new ArrayList<>();
        if (s.needToKnow()) {
            out.add(p.regNeedToKnow());
        }
        if (s.confidentialityAgreements()) {
            out.add(p.regConfidentiality());
        }
        if (!s.dataCentreCountries().isEmpty()) {
            out.add(p.regDataCentres(p.list(s.dataCentreCountries().stream().map(p::country).toList())));
        }
        if (!w.t(s.measures()).isEmpty()) {
            out.add(Words.sentence(w.t(s.measures())));
        }
        return out.isEmpty() ? List.of(p.notDeclared()) : out;
    }

    private static List<String> systems(Policy policy, List<String> systems, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        for (String id : systems) {
            Policy.DataSystem s = policy.system(id).orElse(null);
            if (s == null) {
                out.add(id);
                continue;
            }
            String name = w.t(s.name()).isEmpty() ? id : w.t(s.name());
            out.add(s.countries().isEmpty() ? name : name + " (" + p.list(s.countries().stream().map(p::country).toList()) + ")");
        }
        return out;
    }

    private static List<String> flags(Purpose x, Phrases p) {
        List<String> out = new ArrayList<>();
        if (x.directMarketing()) {
            out.add(p.flagDirectMarketing());
        }
        if (x.profiling()) {
            out.add(p.flagProfiling());
        }
        if (x.automatedDecision()) {
            out.add(p.flagAutomatedDecision());
        }
        return out;
    }
}
