package nl.waarborg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps the layout honest: capabilities meet through public types only, and the deciding cores stay plain Java. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.waarborg");

    /** The plain-Java cores: policy model, loading, lint, retention semantics, compilation, decisions, rendering, the audit chain, vault cryptography, request deadlines, the breach register's clock and rules, breach documents, staff accounts' TOTP, password rules and throttle. */
    private static final String[] PURE_CORES = {"nl.waarborg.policy", "nl.waarborg.policy.internal..",
            "nl.waarborg.policy.lint..", "nl.waarborg.access", "nl.waarborg.documents", "nl.waarborg.audit",
            "nl.waarborg.vault.crypto..", "nl.waarborg.retention", "nl.waarborg.requests",
            "nl.waarborg.breaches", "nl.waarborg.breaches.letters", "nl.waarborg.accounts", "nl.waarborg.staff"};

    @Test
    void pureCoresImportNeitherSpringNorJdbc() {
        noClasses().that().resideInAnyPackage(PURE_CORES)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "jakarta.servlet..", "org.postgresql..", "io.zonky..", "com.zaxxer..")
                .because("decision logic is plain Java, fast and tested in isolation (design.md)")
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy", "access", "documents", "database", "audit", "vault", "consent", "retention", "requests", "breaches", "accounts", "web", "cli"})
    void internalsOfACapabilityAreUsedOnlyByThatCapability(String capability) {
        String base = "nl.waarborg." + capability;
        noClasses().that().resideOutsideOfPackage(base + "..")
                .should().dependOnClassesThat().resideInAPackage(base + ".internal..")
                .allowEmptyShould(true)
                .because("capabilities meet only through their public types")
                .check(CLASSES);
    }

    @Test
    void lintRulesAreReachedOnlyThroughThePolicyCapability() {
        noClasses().that().resideOutsideOfPackage("nl.waarborg.policy..")
                .should().dependOnClassesThat().resideInAPackage("nl.waarborg.policy.lint..")
                .check(CLASSES);
    }

    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("nl.waarborg.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheCommandLineAndTheApplicationReachIntoEveryCapability() {
        for (String capability : List.of("policy", "access", "documents", "database", "audit", "vault", "consent", "retention",
                "requests", "breaches", "accounts")) {
            noClasses().that().resideInAPackage("nl.waarborg." + capability + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("nl.waarborg.cli..", "nl.waarborg.web..")
                    .because("the command line and the web shell sit on top of the capabilities, not under them")
                    .check(CLASSES);
        }
    }

    @Test
    void consentBuildsOnAccessAuditPolicyAndDatabaseOnly() {
        noClasses().that().resideInAPackage("nl.waarborg.consent..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.waarborg.vault..", "nl.waarborg.documents..")
                .because("consent reaches subjects through their ids and decisions through access (design.md)")
                .check(CLASSES);
    }

    @Test
    void vaultAndAccessDoNotDependOnRetention() {
        noClasses().that().resideInAnyPackage("nl.waarborg.vault..", "nl.waarborg.access..")
                .should().dependOnClassesThat().resideInAPackage("nl.waarborg.retention..")
                .because("retention computes schedules for the vault through vault.ItemScheduler and hears of holds "
                        + "through access.service.HoldObserver; the dependency runs one way")
                .check(CLASSES);
    }

    @Test
    void accessDependsOnNeitherVaultNorConsent() {
        noClasses().that().resideInAPackage("nl.waarborg.access..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.waarborg.vault..", "nl.waarborg.consent..")
                .because("the capabilities that record facts depend on access, not the other way round")
                .check(CLASSES);
    }
}
