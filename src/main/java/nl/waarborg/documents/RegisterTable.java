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
import nl.waarborg.policy.Safeguard;

/**
 * The Art. 30(1) record as a table: one row per purpose, one column per field, each cell a list of
 * lines. Shared by the CSV, XLSX and HTML forms of the register.
 */
final class RegisterTable {

    /**
     * The columns, in order: the Art. 30(1)(a)–(g) fields plus sources, systems, roles and flags. ARCHIVE
     * sits beside RETENTION: it says what kept data may still be used for (R2.7).
     */
    enum Column {
        PURPOSE_ID, PURPOSE, DESCRIPTION, CONTROLLER, CONTROLLER_CONTACT, DPO, LEGAL_BASIS, BASIS_DETAILS, ART9,
        SUBJECTS, DATA, SOURCES, RECIPIENTS, TRANSFERS, RETENTION, ARCHIVE, SECURITY, SYSTEMS, ROLES, FLAGS
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
            row.put(Column.DPO, dpo(policy, p));
            row.put(Column.LEGAL_BASIS, List.of(x.basis() == null ? p.notDeclared()
                    : p.basisName(x.basis()) + " (" + p.basisArticle(x.basis()) + ")"));
            row.put(Column.BASIS_DETAILS, basisDetails(x, p, w));
            row.put(Column.ART9, art9(policy, x, p));
            row.put(Column.SUBJECTS, w.subjectNames(w.subjectsOf(x)));
            row.put(Column.DATA, data(policy, x, w));
            row.put(Column.SOURCES, sources(policy, x, p, w));
            row.put(Column.RECIPIENTS, recipients(policy, x, p, w));
            row.put(Column.TRANSFERS, transfers(policy, x, p, w));
            row.put(Column.RETENTION, retention(x, w));
            row.put(Column.ARCHIVE, x.archiveOnly() ? List.of(p.regArchive(w.archiveUses(x))) : List.of());
            row.put(Column.SECURITY, security(policy, p, w));
            row.put(Column.SYSTEMS, systems(policy, x, p, w));
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
            out.add(Words.sentence(p.ourInterest(w.t(x.interest()))));
        }
        if (!w.t(x.balancing()).isEmpty()) {
            out.add(Words.sentence(p.balancing(w.t(x.balancing()))));
        }
        if (!w.t(x.law()).isEmpty()) {
            out.add(Words.sentence(p.law(w.t(x.law()))));
        }
        if (x.basis() == LegalBasis.CONSENT || x.withdrawable()) {
            out.add(p.withdrawConsent());
        }
        return out;
    }

    private static List<String> art9(Policy policy, Purpose x, Phrases p) {
        if (x.art9() != null) {
            return List.of(p.art9Name(x.art9()) + " (" + x.art9().term() + ")");
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
            out.add(s != null && s.requiresConsent() ? name + " (" + p.sourceNeedsConsent() + ")" : name);
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
                facts.add(p.role(r.role()));
            }
            if (r.processingAgreement() != null) {
                facts.add(p.processingAgreement(r.processingAgreement().toString()));
            }
            if (r.pseudonymisedOnly()) {
                facts.add(p.pseudonymisedOnly());
            }
            String name = w.t(r.name()).isEmpty() ? id : w.t(r.name());
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
            List<String> countries = r.countries().stream().filter(c -> !Eea.contains(c)).map(p::country).toList();
            String line = (w.t(r.name()).isEmpty() ? id : w.t(r.name())) + ": " + p.list(countries) + " — "
                    + p.safeguard(r.safeguard() == null ? Safeguard.NONE : r.safeguard());
            if (r.transferAssessment() != null) {
                line += "; " + p.transferAssessment(r.transferAssessment().toString());
            }
            out.add(line);
        }
        for (String id : x.systems()) {
            Policy.DataSystem s = policy.system(id).orElse(null);
            if (s != null && s.countries().stream().anyMatch(c -> !Eea.contains(c))) {
                out.add((w.t(s.name()).isEmpty() ? id : w.t(s.name())) + ": "
                        + p.list(s.countries().stream().filter(c -> !Eea.contains(c)).map(p::country).toList()));
            }
        }
        if (out.isEmpty()) {
            out.add(p.none());
        }
        if (policy.transfers() != null && policy.transfers().stance() != null) {
            out.add(p.stance(policy.transfers().stance()));
        }
        return out;
    }

    private static List<String> retention(Purpose x, Words w) {
        List<String> out = new ArrayList<>();
        for (RetentionRule r : w.rulesFor(x)) {
            List<String> data = w.coveredData(r, x);
            List<String> converted = data.stream().flatMap(d -> w.convertedTo(r, d, x).stream()).distinct().toList();
            StringBuilder b = new StringBuilder();
            if (!converted.isEmpty()) {
                b.append(w.p.afterConversion(w.p.alternatives(w.subjectNames(converted)))).append(' ');
            }
            String start = r.start() instanceof nl.waarborg.policy.RetentionStart.AtCollection && r.round() == null
                    ? w.p.regStartCollection() : w.start(r);
            b.append(w.listInSentence(w.dataNames(data))).append(": ")
                    .append(Words.untilEvent(r) ? w.howLong(r) : w.duration(r.period()) + " " + start)
                    .append(", ").append(w.p.then(w.end(r.end())));
            for (String h : w.holds(r)) {
                b.append("; ").append(h);
            }
            if (!r.supersededBy().isEmpty()) {
                b.append(". ").append(w.p.superseded(w.subjectNames(r.supersededBy())));
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

    private static List<String> systems(Policy policy, Purpose x, Phrases p, Words w) {
        List<String> out = new ArrayList<>();
        for (String id : x.systems()) {
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
