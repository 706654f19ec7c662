package nl.waarborg.policy.lint;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.policy.ArchiveUse;
import nl.waarborg.policy.Art9Condition;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy.DataCategory;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.SubjectRelation;
import nl.waarborg.policy.Text;

/** R1.6, R3.6, R3.7, R2.7, Art. 9 and 10: every purpose has a lawful basis stated in full, archives stay archives. */
final class PurposeRules {

    private PurposeRules() {
    }

    static List<LintRule> all() {
        return List.of(
                Rule.error("legal-basis-missing", "Every purpose names its Art. 6(1) legal basis (R1.6).",
                        (p, report) -> p.policy().purposes().stream().filter(x -> x.basis() == null).forEach(x ->
                                report.at("purposes." + x.id(), "purpose `" + x.id()
                                        + "` has no `legal-basis`; add one of consent, contract, legal-obligation, vital-interest, public-task, legitimate-interest"))),
                Rule.error("legitimate-interest-unstated",
                        "A legitimate-interest purpose states the interest (R1.6).",
                        (p, report) -> basis(p.policy().purposes(), LegalBasis.LEGITIMATE_INTEREST)
                                .filter(x -> empty(x.interest())).forEach(x -> report.at("purposes." + x.id() + ".legal-basis",
                                        "purpose `" + x.id() + "` relies on legitimate interest but does not say which; add `interest: {nl: ..., en: ...}`"))),
                Rule.error("public-authority-legitimate-interest",
                        "A public authority cannot rely on legitimate interest for the performance of its tasks (Art. 6(1), last sentence, GDPR); it uses public-task or another basis.",
                        (p, report) -> {
                            if (p.policy().controller().publicAuthority()) {
                                basis(p.policy().purposes(), LegalBasis.LEGITIMATE_INTEREST).filter(x -> !x.outsidePublicTasks())
                                        .forEach(x -> report.at("purposes." + x.id() + ".legal-basis", "the controller is a "
                                                + "public authority, which cannot rely on legitimate interest for its tasks; use "
                                                + "`legal-basis: public-task` (with `law:`), or, if this purpose is no public task "
                                                + "(e.g. managing its own building), say so with `outside-public-tasks: true`"));
                            }
                        }),
                Rule.error("outside-public-tasks-misused",
                        "`outside-public-tasks` is said only of a legitimate-interest purpose of a public authority.",
                        (p, report) -> p.policy().purposes().stream().filter(Purpose::outsidePublicTasks)
                                .filter(x -> !p.policy().controller().publicAuthority() || x.basis() != LegalBasis.LEGITIMATE_INTEREST)
                                .forEach(x -> report.at("purposes." + x.id() + ".outside-public-tasks", "`outside-public-tasks` "
                                        + "only matters for a legitimate-interest purpose of a controller with `public-authority: true`; remove it"))),
                Rule.warning("legitimate-interest-unweighed",
                        "A legitimate-interest purpose says how the interest was weighed against the subject's (R1.6, R3.6).",
                        (p, report) -> basis(p.policy().purposes(), LegalBasis.LEGITIMATE_INTEREST)
                                .filter(x -> empty(x.balancing())).forEach(x -> report.at("purposes." + x.id() + ".legal-basis",
                                        "purpose `" + x.id() + "` does not record the balancing test; add `balancing: {nl: ..., en: ...}`"))),
                Rule.error("legal-obligation-law-missing",
                        "A legal-obligation purpose names the law that imposes it (R1.6, R2.2).",
                        (p, report) -> basis(p.policy().purposes(), LegalBasis.LEGAL_OBLIGATION)
                                .filter(x -> empty(x.law())).forEach(x -> report.at("purposes." + x.id() + ".legal-basis",
                                        "purpose `" + x.id() + "` is a legal obligation but names no law; add `law: {nl: ..., en: ...}` (e.g. art. 52 AWR)"))),
                Rule.error("public-task-law-missing",
                        "A public-task purpose names the law that sets the task (Art. 6(3) GDPR, R1.6).",
                        (p, report) -> basis(p.policy().purposes(), LegalBasis.PUBLIC_TASK)
                                .filter(x -> empty(x.law())).forEach(x -> report.at("purposes." + x.id() + ".legal-basis",
                                        "purpose `" + x.id() + "` is a public task but names no law; Art. 6(3) GDPR requires the task "
                                                + "to be laid down in Union or national law: add `law: {nl: ..., en: ...}` (e.g. the Participatiewet)"))),
                Rule.error("consent-not-withdrawable",
                        "Consent, also the explicit consent of Art. 9(2)(a) next to another basis, can be withdrawn at any time (Art. 7(3), R3.7).",
                        (p, report) -> p.policy().purposes().stream()
                                .filter(x -> (x.basis() == LegalBasis.CONSENT || x.art9() == Art9Condition.EXPLICIT_CONSENT) && !x.withdrawable())
                                .forEach(x -> report.at("purposes." + x.id() + ".withdrawable", "purpose `" + x.id() + "` "
                                        + (x.basis() == LegalBasis.CONSENT ? "is based on consent"
                                        : "uses special-category data on explicit consent (Art. 9(2)(a))")
                                        + ", which must be withdrawable at any time (Art. 7(3) GDPR); remove `withdrawable: false`"
                                        + (x.basis() == LegalBasis.CONSENT ? "" : ", or use another Art. 9(2) condition if the data is needed regardless")))),
                Rule.warning("consent-power-imbalance",
                        "Consent of employees or applicants is rarely free (Art. 7(4), recital 43 GDPR; EDPB Guidelines 05/2020 §21): a consent purpose for them says why refusing has no consequence.",
                        (p, report) -> {
                            for (Purpose x : basis(p.policy().purposes(), LegalBasis.CONSENT).filter(x -> empty(x.freeChoice())).toList()) {
                                List<String> dependent = x.subjects().stream().filter(id -> p.policy().subjectCategory(id)
                                        .map(c -> c.relation() == SubjectRelation.EMPLOYEES || c.relation() == SubjectRelation.APPLICANTS)
                                        .orElse(false)).toList();
                                if (!dependent.isEmpty()) {
                                    report.at("purposes." + x.id() + ".legal-basis", "purpose `" + x.id() + "` asks consent of `"
                                            + String.join("`, `", dependent) + "`, who depend on the organisation, so their consent is "
                                            + "rarely free (Art. 7(4), recital 43 GDPR; EDPB Guidelines 05/2020 §21); use another basis, "
                                            + "or say in `free-choice: {nl: ..., en: ...}` why they can refuse without any consequence");
                                }
                            }
                        }),
                Rule.error("direct-marketing-not-objectable",
                        "A subject may object to direct marketing at any time (Art. 21(2)), and the objection is always honoured (Art. 21(3)) (R3.6).",
                        (p, report) -> p.policy().purposes().stream().filter(x -> x.directMarketing() && !x.objectable())
                                .forEach(x -> report.at("purposes." + x.id() + ".objectable", "purpose `" + x.id()
                                        + "` is direct marketing, which a subject may object to at any time (Art. 21(2) GDPR), and "
                                        + "after an objection the data is no longer used for it (Art. 21(3)); remove `objectable: false`"))),
                Rule.error("special-category-condition-missing",
                        "A purpose that uses special-category data names an Art. 9(2) condition (R1.3).",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes()) {
                                List<String> special = categories(p, x).stream().filter(DataCategory::special).map(DataCategory::id).toList();
                                if (!special.isEmpty() && x.art9() == null) {
                                    report.at("purposes." + x.id() + ".data", "purpose `" + x.id() + "` uses special-category data ("
                                            + String.join(", ", special) + ") without an Art. 9(2) condition; add `art9-condition:` such as explicit-consent");
                                }
                            }
                        }),
                Rule.error("special-category-law-missing",
                        "The Art. 9(2) conditions (b) employment, (g) substantial public interest, (h) health care, (i) public health and (j) archiving or research apply only on a law (UAVG art. 23-30 or a sector law), named in `law:`; art. 22(2) UAVG covers only (a), (c), (d), (e) and (f).",
                        (p, report) -> p.policy().purposes().stream()
                                .filter(x -> x.art9() != null && NEEDS_LAW.contains(x.art9()) && empty(x.law()))
                                .forEach(x -> report.at("purposes." + x.id() + ".art9-condition", "purpose `" + x.id()
                                        + "` uses special-category data under Art. 9(2)(" + letter(x.art9()) + ") ("
                                        + x.art9().term() + "), which applies only where a law provides for it; name it in `law:` "
                                        + "(e.g. " + lawExample(x.art9()) + ")"))),
                Rule.error("criminal-data-law-missing",
                        "A purpose that uses criminal-offence data names the law that allows it (Art. 10).",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes()) {
                                if (categories(p, x).stream().anyMatch(DataCategory::criminal) && empty(x.law())) {
                                    report.at("purposes." + x.id() + ".data", "purpose `" + x.id()
                                            + "` uses criminal-offence data; name the law that permits it in `law:` (Art. 10 GDPR, art. 31-33 UAVG)");
                                }
                            }
                        }),
                Rule.error("national-id-statute-missing",
                        "The citizen service number (BSN) is used only to carry out a law or for purposes a law sets, named in `law:`; consent is not enough (art. 46 UAVG).",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes()) {
                                if (categories(p, x).stream().noneMatch(DataCategory::nationalId)) {
                                    continue;
                                }
                                if (x.basis() == LegalBasis.CONSENT) {
                                    report.at("purposes." + x.id() + ".data", "purpose `" + x.id()
                                            + "` uses a national identification number on consent, but consent is not enough: art. 46 "
                                            + "UAVG allows it only to carry out a law or for purposes a law sets; base the purpose on "
                                            + "that law (legal-obligation, public-task or contract) with it in `law:`, or stop collecting it");
                                } else if (empty(x.law())) {
                                    report.at("purposes." + x.id() + ".data", "purpose `" + x.id()
                                            + "` uses a national identification number, which art. 46 UAVG allows only to carry out a law "
                                            + "or for purposes a law sets; name that law in `law:` (e.g. the Wet aanvullende "
                                            + "bepalingen verwerking persoonsgegevens in de zorg), or stop collecting it");
                                }
                            }
                        }),
                Rule.error("archive-purpose-misused",
                        "An archive purpose keeps data only for legal claims, statistics or history: not for direct marketing, profiling or automated decisions (R2.7).",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes().stream().filter(Purpose::archiveOnly).toList()) {
                                List<String> uses = new ArrayList<>();
                                if (x.directMarketing()) {
                                    uses.add("direct-marketing");
                                }
                                if (x.profiling()) {
                                    uses.add("profiling");
                                }
                                if (x.automatedDecision()) {
                                    uses.add("automated-decision");
                                }
                                if (!uses.isEmpty()) {
                                    report.at("purposes." + x.id() + ".archive", "purpose `" + x.id() + "` is an archive purpose ("
                                            + String.join(", ", x.archive().stream().map(ArchiveUse::term).toList())
                                            + " only) but is also marked " + String.join(", ", uses)
                                            + "; archived data may not be used that way (R2.7): declare that use as a purpose of its own, or remove `archive:`");
                                }
                            }
                        }),
                Rule.warning("compatible-with-consent",
                        "Data collected on consent is not reused for another purpose by a compatibility assessment (Art. 6(4) GDPR): ask for consent to the new purpose.",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes()) {
                                for (String original : x.compatibleWith()) {
                                    p.policy().purpose(original).filter(o -> o.basis() == LegalBasis.CONSENT && !o.id().equals(x.id()))
                                            .ifPresent(o -> report.at("purposes." + x.id() + ".compatible-with", "purpose `" + x.id()
                                                    + "` is declared compatible with `" + o.id() + "`, which is based on consent; data given for that "
                                                    + "consent may be used for `" + x.id() + "` only with consent to it too (Art. 6(4)): remove `"
                                                    + o.id() + "` from `compatible-with` or base `" + x.id() + "` on consent"));
                                }
                            }
                        }),
                Rule.warning("compatible-with-special-category",
                        "Further processing of special-category or criminal-offence data is rarely compatible (Art. 6(4)(c) GDPR): check the assessment.",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes()) {
                                for (String original : x.compatibleWith()) {
                                    p.policy().purpose(original).filter(o -> !o.id().equals(x.id())).ifPresent(o -> {
                                        List<String> sensitive = categories(p, o).stream()
                                                .filter(d -> d.special() || d.criminal()).map(DataCategory::id).toList();
                                        if (!sensitive.isEmpty()) {
                                            report.at("purposes." + x.id() + ".compatible-with", "purpose `" + x.id()
                                                    + "` is declared compatible with `" + o.id() + "`, which uses special-category or criminal-offence data ("
                                                    + String.join(", ", sensitive) + "); Art. 6(4)(c) weighs the nature of the data: record why the "
                                                    + "further use is compatible, or collect that data for `" + x.id() + "` itself");
                                        }
                                    });
                                }
                            }
                        }),
                Rule.warning("joins-outside-purpose",
                        "A purpose joins subjects only to subject categories it processes (R1.2, R1.5).",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes()) {
                                List<String> outside = x.joinsSubjectCategories().stream()
                                        .filter(c -> !x.subjects().isEmpty() && !x.subjects().contains(c)).toList();
                                if (!outside.isEmpty()) {
                                    report.at("purposes." + x.id() + ".joins-subject-categories", "purpose `" + x.id()
                                            + "` may join subjects to " + String.join(", ", outside) + ", which it does not list in `subjects:`; "
                                            + "an application would place subjects in a category whose data it may not use: add them to `subjects:` or remove them here");
                                }
                            }
                        }),
                Rule.warning("purpose-without-data", "A purpose names the data categories it uses (R1.5).",
                        (p, report) -> p.policy().purposes().stream().filter(x -> x.data().isEmpty()).forEach(x ->
                                report.at("purposes." + x.id(), "purpose `" + x.id() + "` lists no `data:`; name the categories it uses"))),
                Rule.warning("provision-requirement-missing",
                        "A contract or legal-obligation purpose says whether people must provide the data and what happens if they do not (Art. 13(2)(e) GDPR).",
                        (p, report) -> p.policy().purposes().stream()
                                .filter(x -> (x.basis() == LegalBasis.CONTRACT || x.basis() == LegalBasis.LEGAL_OBLIGATION) && x.provision() == null)
                                .forEach(x -> report.at("purposes." + x.id() + ".legal-basis", "purpose `" + x.id()
                                        + "` rests on " + x.basis().term() + " but does not say whether people must provide the data "
                                        + "and what happens if they do not (Art. 13(2)(e) GDPR); add `provision: {requirement: "
                                        + (x.basis() == LegalBasis.CONTRACT ? "contract-entry" : "statutory")
                                        + ", consequence: {nl: ..., en: ...}}`"))),
                Rule.warning("automated-decision-unexplained",
                        "An automated decision says what logic it uses and what it means for the person (Art. 13(2)(f), 14(2)(g) GDPR, R1.9).",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes().stream().filter(Purpose::automatedDecision).toList()) {
                                List<String> missing = new ArrayList<>();
                                if (empty(x.automatedLogic())) {
                                    missing.add("`automated-logic` (the logic involved)");
                                }
                                if (empty(x.automatedSignificance())) {
                                    missing.add("`automated-significance` (what the decision means for the person and its consequences)");
                                }
                                if (!missing.isEmpty()) {
                                    report.at("purposes." + x.id() + ".automated-decision", "purpose `" + x.id()
                                            + "` takes automated decisions; Art. 13(2)(f) GDPR requires telling people the logic "
                                            + "involved and its significance and envisaged consequences: add " + String.join(" and ", missing));
                                }
                            }
                        }));
    }

    /** The Art. 9(2) conditions that need a law besides the condition itself (art. 22(2) UAVG covers only a, c, d, e, f). */
    private static final java.util.Set<Art9Condition> NEEDS_LAW = java.util.EnumSet.of(Art9Condition.EMPLOYMENT,
            Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST, Art9Condition.HEALTH_CARE, Art9Condition.PUBLIC_HEALTH,
            Art9Condition.ARCHIVING_RESEARCH);

    /** The letter of Art. 9(2) a condition is. */
    private static char letter(Art9Condition c) {
        return switch (c) {
            case EXPLICIT_CONSENT -> 'a';
            case EMPLOYMENT -> 'b';
            case VITAL_INTERESTS -> 'c';
            case NON_PROFIT -> 'd';
            case MADE_PUBLIC -> 'e';
            case LEGAL_CLAIMS -> 'f';
            case SUBSTANTIAL_PUBLIC_INTEREST -> 'g';
            case HEALTH_CARE -> 'h';
            case PUBLIC_HEALTH -> 'i';
            case ARCHIVING_RESEARCH -> 'j';
        };
    }

    private static String lawExample(Art9Condition c) {
        return switch (c) {
            case EMPLOYMENT -> "art. 30 UAVG on the reintegration of sick employees";
            case SUBSTANTIAL_PUBLIC_INTEREST -> "art. 23 or 25-29 UAVG, or a sector law";
            case HEALTH_CARE -> "art. 30 UAVG on care providers, with the WGBO";
            case PUBLIC_HEALTH -> "the Wet publieke gezondheid";
            case ARCHIVING_RESEARCH -> "art. 24 UAVG for research and statistics, or the Archiefwet 1995";
            default -> "the law";
        };
    }

    private static java.util.stream.Stream<Purpose> basis(List<Purpose> purposes, LegalBasis basis) {
        return purposes.stream().filter(x -> x.basis() == basis);
    }

    private static List<DataCategory> categories(nl.waarborg.policy.LoadedPolicy p, Purpose x) {
        return x.data().stream().flatMap(d -> p.policy().dataCategory(d).stream()).toList();
    }

    static boolean empty(Text t) {
        return t == null || t.absent();
    }
}
