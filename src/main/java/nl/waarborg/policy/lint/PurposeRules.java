package nl.waarborg.policy.lint;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.policy.ArchiveUse;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy.DataCategory;
import nl.waarborg.policy.Policy.Purpose;
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
                Rule.error("consent-not-withdrawable",
                        "Consent can be withdrawn at any time (Art. 7(3), R3.7).",
                        (p, report) -> basis(p.policy().purposes(), LegalBasis.CONSENT).filter(x -> !x.withdrawable())
                                .forEach(x -> report.at("purposes." + x.id() + ".withdrawable", "purpose `" + x.id()
                                        + "` is based on consent, which must be withdrawable at any time; remove `withdrawable: false`"))),
                Rule.error("direct-marketing-not-objectable",
                        "Objection to direct marketing is always honoured (Art. 21(2), R3.6).",
                        (p, report) -> p.policy().purposes().stream().filter(x -> x.directMarketing() && !x.objectable())
                                .forEach(x -> report.at("purposes." + x.id() + ".objectable", "purpose `" + x.id()
                                        + "` is direct marketing, which a subject may always object to; remove `objectable: false`"))),
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
                        "The citizen service number (BSN) is used only where a statute requires it; consent is not enough (art. 46 UAVG).",
                        (p, report) -> {
                            for (Purpose x : p.policy().purposes()) {
                                if (categories(p, x).stream().noneMatch(DataCategory::nationalId)) {
                                    continue;
                                }
                                if (x.basis() != LegalBasis.LEGAL_OBLIGATION || empty(x.law())) {
                                    report.at("purposes." + x.id() + ".data", "purpose `" + x.id()
                                            + "` uses a national identification number; that is allowed only where a law requires it"
                                            + (x.basis() == LegalBasis.CONSENT ? " (consent is not enough)" : "")
                                            + ": use `legal-basis: legal-obligation` with the statute in `law:`, or stop collecting it");
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
                                report.at("purposes." + x.id(), "purpose `" + x.id() + "` lists no `data:`; name the categories it uses"))));
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
