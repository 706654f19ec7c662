package nl.waarborg.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.waarborg.policy.ArchiveUse;
import nl.waarborg.policy.Eea;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataCategory;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Policy.Recipient;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RecipientRole;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.policy.Text;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register as JSON-LD in the W3C Data Privacy Vocabulary: one {@code dpv:PersonalDataHandling} per
 * purpose (Art. 30(1)), or per controller acted for in the processor's register (Art. 30(2)). Only
 * well-established DPV terms are used; facts DPV has no settled term for (the balancing test, the start of
 * a retention period, holds, the transfer safeguard, archive-only use, the Art. 10 and UAVG art. 46
 * regimes, a joint-controller arrangement's link) use the {@code wb:} vocabulary. The Art. 9(2) condition
 * points at DPV's GDPR extension ({@code eu-gdpr:A9-2-a} …).
 * Policy elements get IRIs under {@code urn:waarborg:<controller>:}, data categories their {@code pd:}
 * term when the policy names one.
 */
final class RegisterJsonLd {

    static final String DPV = "https://w3id.org/dpv#";
    static final String PD = "https://w3id.org/dpv/pd#";
    static final String LOC = "https://w3id.org/dpv/loc#";
    /** DPV's extension for the GDPR: its articles as legal bases, e.g. eu-gdpr:A9-2-a for Art. 9(2)(a). */
    static final String EU_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";
    /** Versioned IRIs of DPV releases: https://w3id.org/dpv/2.3, https://w3id.org/dpv/2.3/pd. */
    static final String DPV_RELEASE = "https://w3id.org/dpv/";
    static final String WB = "urn:waarborg:vocab:";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Policy policy;
    private final Words w;

    private RegisterJsonLd(Policy policy, Phrases p) {
        this.policy = policy;
        this.w = new Words(policy, p);
    }

    static byte[] write(Policy policy, Phrases p) {
        RegisterJsonLd r = new RegisterJsonLd(policy, p);
        List<Object> graph = new ArrayList<>();
        for (Purpose x : policy.purposes()) {
            graph.add(r.handling(x));
        }
        return JSON.writeValueAsBytes(r.document("local:register", p.registerTitle(r.w.controllerName()), graph));
    }

    /** The processor's register (Art. 30(2)): one dpv:PersonalDataHandling per controller acted for. */
    static byte[] writeProcessor(Policy policy, Phrases p) {
        RegisterJsonLd r = new RegisterJsonLd(policy, p);
        List<Object> graph = new ArrayList<>();
        for (Policy.ProcessorActivity a : policy.asProcessor()) {
            graph.add(r.processorHandling(a));
        }
        return JSON.writeValueAsBytes(r.document("local:register/processor", p.processorRegisterTitle(r.w.controllerName()), graph));
    }

    private Map<String, Object> document(String id, String title, List<Object> graph) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", context());
        doc.put("@id", id);
        doc.put("dct:title", title);
        Policy.Statement s = policy.statement();
        if (s != null && s.version() != null) {
            doc.put("dct:hasVersion", s.version());
        }
        if (s != null && s.effective() != null) {
            doc.put("dct:valid", typed(s.effective().toString(), "xsd:date"));
        }
        // the DPV release whose terms lint checked the pd: terms against (dpv-term-unknown), as its versioned IRIs
        String dpv = nl.waarborg.policy.DpvTerms.shipped().version();
        doc.put("dct:conformsTo", List.of(ref(DPV_RELEASE + dpv), ref(DPV_RELEASE + dpv + "/pd")));
        doc.put("@graph", graph);
        return doc;
    }

    private Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("dpv", DPV);
        c.put("pd", PD);
        c.put("loc", LOC);
        c.put("eu-gdpr", EU_GDPR);
        c.put("dct", "http://purl.org/dc/terms/");
        c.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        c.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        c.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        c.put("schema", "https://schema.org/");
        c.put("wb", WB);
        c.put("local", base());
        return c;
    }

    /** The IRI base for this policy's own terms: by KvK number, else by controller name. */
    private String base() {
        Policy.Controller c = policy.controller();
        Policy.Registration r = c == null ? null : c.registration();
        String key = r != null && !Words.blank(r.number()) ? r.kind().term() + "-" + r.number().strip()
                : slug(w.controllerName());
        return "urn:waarborg:" + slug(key) + ":";
    }

    private static String slug(String s) {
        String x = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return x.isEmpty() ? "policy" : x;
    }

    private Map<String, Object> handling(Purpose x) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("@id", "local:processing/" + x.id());
        n.put("@type", "dpv:PersonalDataHandling");
        n.put("dct:identifier", x.id());
        putText(n, "dct:title", x.name());
        putText(n, "dct:description", x.description());
        n.put("dpv:hasDataController", organisation("local:controller", "dpv:DataController"));

        Map<String, Object> purpose = node("local:purpose/" + x.id(),
                x.directMarketing() ? List.of("dpv:Purpose", "dpv:DirectMarketing") : "dpv:Purpose");
        putText(purpose, "rdfs:label", x.name());
        n.put("dpv:hasPurpose", purpose);

        if (x.basis() != null) {
            n.put("dpv:hasLegalBasis", ref(legalBasis(x.basis())));
        }
        putText(n, "wb:legitimateInterest", x.interest());
        putText(n, "wb:balancingTest", x.balancing());
        putText(n, "wb:law", x.law());
        if (x.art9() != null) { // the article, as DPV's GDPR extension names it, labelled in both languages
            Map<String, Object> art9 = node("eu-gdpr:A9-2-" + x.art9().letter(), null);
            putText(art9, "rdfs:label", Text.of(Phrases.of(Lang.NL).regArt9(x.art9()), Phrases.of(Lang.EN).regArt9(x.art9())));
            n.put("wb:art9Condition", art9);
        }
        // Art. 10 GDPR (UAVG art. 31-33) and UAVG art. 46 are regimes DPV has no term for (its pd:Criminal… are
        // kinds of data, not the legal condition); the law that allows the use is wb:law above
        List<Object> criminal = flagged(x, DataCategory::criminal);
        if (!criminal.isEmpty()) {
            n.put("wb:criminalOffenceData", criminal);
        }
        List<Object> nationalId = flagged(x, DataCategory::nationalId);
        if (!nationalId.isEmpty()) {
            n.put("wb:nationalIdentificationNumber", nationalId);
        }
        if (x.archiveOnly()) {
            n.put("wb:archiveOnlyFor", x.archive().stream().map(ArchiveUse::term).toList());
        }

        n.put("dpv:hasDataSubject", w.subjectsOf(x).stream().map(id -> {
            Map<String, Object> s = node("local:subject/" + id, "dpv:DataSubject");
            policy.subjectCategory(id).ifPresent(sc -> putText(s, "rdfs:label", sc.name()));
            return s;
        }).toList());
        n.put("dpv:hasPersonalData", x.data().stream().map(this::personalData).toList());
        if (!x.sources().isEmpty()) {
            n.put("dpv:hasDataSource", x.sources().stream().map(id -> {
                Map<String, Object> s = node("local:source/" + id, "dpv:DataSource");
                policy.source(id).ifPresent(src -> {
                    putText(s, "rdfs:label", src.name());
                    if (src.requiresConsent()) {
                        s.put("wb:requiresConsent", true);
                    }
                });
                return s;
            }).toList());
        }
        if (!x.recipients().isEmpty()) {
            n.put("dpv:hasRecipient", x.recipients().stream().map(this::recipient).toList());
        }
        List<Object> transfers = transfers(x);
        if (!transfers.isEmpty()) {
            n.put("wb:thirdCountryTransfer", transfers);
        }
        if (policy.transfers() != null && policy.transfers().stance() != null) {
            n.put("wb:transferStance", policy.transfers().stance().term());
        }
        n.put("dpv:hasStorageCondition", w.rulesFor(x).stream().map(r -> storage(r, x)).toList());
        List<Object> measures = measures();
        if (!measures.isEmpty()) {
            n.put("dpv:hasTechnicalOrganisationalMeasure", measures);
        }
        if (!x.systems().isEmpty()) {
            n.put("wb:system", systems(x.systems()));
        }
        if (!x.roles().isEmpty()) {
            n.put("wb:role", x.roles().stream().map(id -> {
                Map<String, Object> s = node("local:role/" + id, null);
                policy.role(id).ifPresent(role -> putText(s, "rdfs:label", role.name()));
                return s;
            }).toList());
        }
        n.put("wb:profiling", x.profiling());
        n.put("wb:automatedDecision", x.automatedDecision());
        return n;
    }

    static String legalBasis(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> "dpv:Consent";
            case CONTRACT -> "dpv:Contract";
            case LEGAL_OBLIGATION -> "dpv:LegalObligation";
            case VITAL_INTEREST -> "dpv:VitalInterest";
            case PUBLIC_TASK -> "dpv:PublicTask";
            case LEGITIMATE_INTEREST -> "dpv:LegitimateInterest";
        };
    }

    /** The data categories of a purpose that carry a flag, as references to their nodes. */
    private List<Object> flagged(Purpose x, java.util.function.Predicate<DataCategory> flag) {
        List<Object> out = new ArrayList<>();
        for (String id : x.data()) {
            DataCategory d = policy.dataCategory(id).orElse(null);
            if (d != null && flag.test(d)) {
                out.add(ref(Words.blank(d.dpv()) ? "local:data/" + id : dpvTerm(d.dpv())));
            }
        }
        return out;
    }

    /** A processor activity (Art. 30(2)): we, as processor; the controller we act for; what we do; transfers; measures. */
    private Map<String, Object> processorHandling(Policy.ProcessorActivity a) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("@id", "local:processor-activity/" + a.id());
        n.put("@type", "dpv:PersonalDataHandling");
        n.put("dct:identifier", a.id());
        putText(n, "dct:description", a.processing());
        n.put("dpv:hasDataProcessor", organisation("local:processor", "dpv:DataProcessor"));
        Map<String, Object> c = node("local:processor-activity/" + a.id() + "/controller", "dpv:DataController");
        putIf(c, "schema:name", a.controllerName());
        // an e-mail address or a postal address, as the policy gives it: no schema: property fits both
        putIf(c, "wb:contact", a.controllerContact());
        if (a.controllerRepresentative() != null) {
            c.put("dpv:hasRepresentative", representative(null, a.controllerRepresentative()));
        }
        n.put("dpv:hasDataController", c);
        List<Object> transfers = new ArrayList<>();
        if (a.countries().stream().anyMatch(x -> !Eea.contains(x))) {
            Map<String, Object> t = node(null, null);
            t.put("dpv:hasLocation", a.countries().stream().filter(x -> !Eea.contains(x)).map(x -> ref("loc:" + x)).toList());
            t.put("wb:safeguard", a.safeguard() == null ? "none" : a.safeguard().term());
            transfers.add(t);
        }
        transfers.addAll(systemTransfers(a.systems()));
        if (!transfers.isEmpty()) {
            n.put("wb:thirdCountryTransfer", transfers);
        }
        List<Object> measures = measures();
        if (!measures.isEmpty()) {
            n.put("dpv:hasTechnicalOrganisationalMeasure", measures);
        }
        if (!a.systems().isEmpty()) {
            n.put("wb:system", systems(a.systems()));
        }
        return n;
    }

    private Map<String, Object> representative(String id, Policy.Representative r) {
        Map<String, Object> n = node(id, "dpv:Representative");
        putIf(n, "schema:name", r.name());
        putIf(n, "schema:address", r.address());
        putIf(n, "schema:email", r.email());
        putIf(n, "schema:telephone", r.phone());
        return n;
    }

    /** The organisation of the policy as controller (Art. 30(1)) or as processor (Art. 30(2)). */
    private Map<String, Object> organisation(String id, String type) {
        Policy.Controller c = policy.controller();
        Map<String, Object> n = node(id, type);
        n.put("schema:name", w.controllerName());
        if (c == null) {
            return n;
        }
        if (c.registration() != null && !Words.blank(c.registration().number())) {
            n.put("schema:identifier", c.registration().kind().term().toUpperCase(java.util.Locale.ROOT) + " "
                    + c.registration().number().strip());
        }
        if (!w.address().isEmpty()) {
            n.put("schema:address", w.address());
        }
        if (c.contact() != null) {
            putIf(n, "schema:email", c.contact().email());
            putIf(n, "schema:telephone", c.contact().phone());
            putIf(n, "schema:url", c.contact().web());
        }
        if (c.dpo() != null) {
            Map<String, Object> dpo = node("local:dpo", "dpv:DataProtectionOfficer");
            putIf(dpo, "schema:name", c.dpo().name());
            putIf(dpo, "schema:email", c.dpo().email());
            putIf(dpo, "schema:telephone", c.dpo().phone());
            n.put("dpv:hasDataProtectionOfficer", dpo);
        }
        if (c.representative() != null) { // Art. 27, 30(1)(a), 30(2)(a)
            n.put("dpv:hasRepresentative", representative("local:representative", c.representative()));
        }
        if (c.authority() != null) {
            Map<String, Object> a = node(null, "dpv:Authority");
            putIf(a, "schema:name", c.authority().name());
            putIf(a, "schema:url", c.authority().url());
            putIf(a, "schema:telephone", c.authority().phone());
            putIf(a, "schema:address", c.authority().address());
            n.put("dpv:hasAuthority", a);
        }
        return n;
    }

    private Map<String, Object> personalData(String id) {
        DataCategory d = policy.dataCategory(id).orElse(null);
        String iri = d == null || Words.blank(d.dpv()) ? "local:data/" + id : dpvTerm(d.dpv());
        List<String> types = new ArrayList<>();
        types.add("dpv:PersonalData");
        if (d != null && d.special()) {
            types.add("dpv:SpecialCategoryPersonalData");
        } else if (d != null && d.needsExtraProtection()) {
            types.add("dpv:SensitivePersonalData");
        }
        Map<String, Object> n = node(iri, types.size() == 1 ? types.get(0) : types);
        if (d != null && iri.startsWith("local:")) { // DPV's own terms are not relabelled with the policy's words
            n.put("dct:identifier", d.id());
            putText(n, "rdfs:label", d.name());
        }
        return n;
    }

    /**
     * A pd: term as written in the policy: "pd:EmailAddress", "EmailAddress" or a full IRI, folded as lint reads it
     * ({@link nl.waarborg.policy.DpvTerms#read}); an IRI stays as written.
     */
    static String dpvTerm(String term) {
        String t = term.strip();
        return switch (nl.waarborg.policy.DpvTerms.read(t)) {
            case nl.waarborg.policy.DpvTerms.Written.Dpv(String prefixed) -> t.contains("://") ? t : prefixed;
            case nl.waarborg.policy.DpvTerms.Written.Foreign(String iri) -> iri;
            case nl.waarborg.policy.DpvTerms.Written.UnknownPrefix u -> "pd:" + t;
        };
    }

    private Map<String, Object> recipient(String id) {
        Recipient r = policy.recipient(id).orElse(null);
        List<String> types = new ArrayList<>();
        types.add("dpv:Recipient");
        if (r != null && r.role() != null) {
            types.add(switch (r.role()) {
                case PROCESSOR -> "dpv:DataProcessor";
                case CONTROLLER -> "dpv:DataController";
                case JOINT_CONTROLLER -> "dpv:JointDataControllers";
                case AUTHORITY -> "dpv:Authority";
            });
        }
        Map<String, Object> n = node("local:recipient/" + id, types);
        if (r == null) {
            return n;
        }
        putText(n, "rdfs:label", r.name());
        putText(n, "dct:description", r.description());
        if (!r.countries().isEmpty()) {
            n.put("dpv:hasLocation", r.countries().stream().map(c -> ref("loc:" + c)).toList());
        }
        if (r.processingAgreement() != null) {
            n.put("wb:processingAgreement", typed(r.processingAgreement().toString(), "xsd:date"));
        }
        if (r.pseudonymisedOnly()) {
            n.put("wb:pseudonymisedOnly", true);
        }
        if (r.role() == RecipientRole.AUTHORITY) {
            n.put("wb:onlyWhenRequiredByLaw", true);
        }
        if (r.role() == RecipientRole.JOINT_CONTROLLER && r.arrangement() != null) {
            // DPV has the agreement's class but no settled property from the joint controllers to it
            Map<String, Object> arrangement = node("local:recipient/" + id + "/arrangement", "dpv:JointDataControllersAgreement");
            putText(arrangement, "dct:description", r.arrangement());
            n.put("wb:arrangement", arrangement);
        }
        if (r.dpfCertified()) {
            n.put("wb:dataPrivacyFrameworkCertified", true);
        }
        return n;
    }

    private List<Object> transfers(Purpose x) {
        List<Object> out = new ArrayList<>();
        for (String id : x.recipients()) {
            Recipient r = policy.recipient(id).orElse(null);
            if (r == null || !r.outsideEea()) {
                continue;
            }
            Map<String, Object> t = node(null, null);
            t.put("dpv:hasRecipient", ref("local:recipient/" + id));
            t.put("dpv:hasLocation", r.countries().stream().filter(c -> !Eea.contains(c)).map(c -> ref("loc:" + c)).toList());
            t.put("wb:safeguard", r.safeguard() == null ? "none" : r.safeguard().term());
            if (r.transferAssessment() != null) {
                t.put("wb:transferAssessment", typed(r.transferAssessment().toString(), "xsd:date"));
            }
            out.add(t);
        }
        out.addAll(systemTransfers(x.systems()));
        return out;
    }

    /** Systems that keep data outside the EEA: transfers as well (Chapter V), with their safeguard. */
    private List<Object> systemTransfers(List<String> systems) {
        List<Object> out = new ArrayList<>();
        for (String id : systems) {
            Policy.DataSystem s = policy.system(id).orElse(null);
            if (s == null || !s.outsideEea()) {
                continue;
            }
            Map<String, Object> t = node(null, null);
            t.put("wb:system", ref("local:system/" + id));
            t.put("dpv:hasLocation", s.countries().stream().filter(c -> !Eea.contains(c)).map(c -> ref("loc:" + c)).toList());
            t.put("wb:safeguard", s.safeguard() == null ? "none" : s.safeguard().term());
            if (s.transferAssessment() != null) {
                t.put("wb:transferAssessment", typed(s.transferAssessment().toString(), "xsd:date"));
            }
            out.add(t);
        }
        return out;
    }

    private List<Object> systems(List<String> ids) {
        return ids.stream().map(id -> {
            Map<String, Object> s = node("local:system/" + id, null);
            policy.system(id).ifPresent(sys -> {
                putText(s, "rdfs:label", sys.name());
                if (!sys.countries().isEmpty()) {
                    s.put("dpv:hasLocation", sys.countries().stream().map(c -> ref("loc:" + c)).toList());
                }
            });
            return (Object) s;
        }).toList();
    }

    private Map<String, Object> storage(RetentionRule r, Purpose x) {
        Map<String, Object> n = node("local:retention/" + r.id(), "dpv:StorageDuration");
        putText(n, "dct:description", r.description());
        if (r.period() != null) {
            Map<String, Object> d = node(null, "dpv:TemporalDuration");
            d.put("rdf:value", typed(r.period().raw(), "xsd:duration"));
            n.put("dpv:hasDuration", d);
        }
        if (r.start() instanceof RetentionStart.AfterEvents(List<String> events) && !events.isEmpty()) {
            n.put("wb:startsAfterLatestOf", events.stream().map(e -> {
                Map<String, Object> ev = node("local:event/" + e, null);
                policy.lifecycleEvent(e).ifPresent(le -> putText(ev, "rdfs:label", le.name()));
                return ev;
            }).toList());
        } else if (r.start() instanceof RetentionStart.AtItemDate(String date)) {
            Map<String, Object> d = node("local:item-date/" + date, null);
            policy.itemDate(date).ifPresent(id -> putText(d, "rdfs:label", id.name()));
            n.put("wb:startsAtItemDate", d);
        } else {
            n.put("wb:startsAt", "collection");
        }
        if (r.round() != null) {
            n.put("wb:startRoundedTo", r.round().term());
        }
        n.put("wb:endAction", r.end() == null ? "delete" : r.end().term());
        if (!r.holds().isEmpty()) {
            n.put("wb:hold", r.holds().stream().map(h -> {
                Map<String, Object> hold = node(null, null);
                hold.put("wb:kind", h.kind().term());
                if (h.max() != null) {
                    hold.put("wb:max", typed(h.max().raw(), "xsd:duration"));
                }
                return hold;
            }).toList());
        }
        if (!r.supersededBy().isEmpty()) {
            n.put("wb:supersededBy", r.supersededBy().stream().map(s -> ref("local:subject/" + s)).toList());
        }
        if (r.consentBound()) { // applies only while the subject's consent for that purpose stands
            n.put("wb:whileConsentFor", ref("local:purpose/" + r.whileConsent()));
        }
        List<String> converted = w.coveredData(r, x).stream().flatMap(d -> w.convertedTo(r, d, x).stream()).distinct().toList();
        if (!converted.isEmpty()) {
            n.put("wb:appliesAfterConversionTo", converted.stream().map(s -> ref("local:subject/" + s)).toList());
        }
        n.put("wb:appliesTo", w.coveredData(r, x).stream().map(id -> {
            DataCategory d = policy.dataCategory(id).orElse(null);
            return ref(d == null || Words.blank(d.dpv()) ? "local:data/" + id : dpvTerm(d.dpv()));
        }).toList());
        return n;
    }

    private List<Object> measures() {
        Policy.Security s = policy.security();
        if (s == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        if (s.needToKnow()) {
            out.add(measure("need-to-know", Text.of(Phrases.of(Lang.NL).regNeedToKnow(), Phrases.of(Lang.EN).regNeedToKnow())));
        }
        if (s.confidentialityAgreements()) {
            out.add(measure("confidentiality-agreements",
                    Text.of(Phrases.of(Lang.NL).regConfidentiality(), Phrases.of(Lang.EN).regConfidentiality())));
        }
        if (!s.dataCentreCountries().isEmpty()) {
            Map<String, Object> m = measure("data-centres", null);
            m.put("dpv:hasLocation", s.dataCentreCountries().stream().map(c -> ref("loc:" + c)).toList());
            out.add(m);
        }
        if (s.measures() != null && (s.measures().has(Lang.NL) || s.measures().has(Lang.EN))) {
            out.add(measure("measures", s.measures()));
        }
        return out;
    }

    private Map<String, Object> measure(String id, Text description) {
        Map<String, Object> m = node("local:measure/" + id, "dpv:TechnicalOrganisationalMeasure");
        putText(m, "dct:description", description);
        return m;
    }

    // ---- JSON-LD helpers -----------------------------------------------------------------------

    private static Map<String, Object> node(String id, Object type) {
        Map<String, Object> n = new LinkedHashMap<>();
        if (id != null) {
            n.put("@id", id);
        }
        if (type != null) {
            n.put("@type", type);
        }
        return n;
    }

    private static Map<String, Object> ref(String id) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("@id", id);
        return n;
    }

    private static Map<String, Object> typed(String value, String type) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("@value", value);
        n.put("@type", type);
        return n;
    }

    /** A text as language-tagged strings, one per language present. */
    private static void putText(Map<String, Object> n, String key, Text text) {
        if (text == null) {
            return;
        }
        List<Object> values = new ArrayList<>();
        for (Lang l : Lang.values()) {
            if (text.has(l)) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("@value", l == Lang.NL ? text.nl().strip() : text.en().strip());
                v.put("@language", l.code());
                values.add(v);
            }
        }
        if (!values.isEmpty()) {
            n.put(key, values);
        }
    }

    private static void putIf(Map<String, Object> n, String key, String value) {
        if (!Words.blank(value)) {
            n.put(key, value.strip());
        }
    }
}
