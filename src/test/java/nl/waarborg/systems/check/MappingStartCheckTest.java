package nl.waarborg.systems.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.systems.Secrets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * At start: a mapping with errors refuses the start, as a policy with errors does; a system that cannot be reached
 * is a warning naming it, and the service starts.
 */
class MappingStartCheckTest {

    private static CrmDatabase crm;

    @TempDir
    Path data;

    @BeforeAll
    static void schemas() throws Exception {
        crm = CrmDatabase.shared();
        crm.create("start_faulty", SchemaCheckTest.FAULTY);
    }

    @Test
    void aMappingWithErrorsIsRefusedListingEachError() throws Exception {
        MappingCheck check = new MappingCheck(new Secrets(data, Map.of("CRM_URL", crm.url("start_faulty"),
                "CRM_PASSWORD", crm.password())), Duration.ofSeconds(5));
        assertThatThrownBy(() -> MappingStartCheck.run(SchemaCheckTest.policy(), check))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> {
                    assertThat(e.findings()).allSatisfy(f -> assertThat(f.isError()).isTrue()).hasSize(3);
                    assertThat(e.getMessage()).contains(":143:13: error schema-column-missing",
                            "error schema-type-mismatch", "error schema-key-not-primary");
                });
    }

    @Test
    void aSystemThatCannotBeReachedIsAWarningNamingItAndNotARefusal() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MappingStartCheck.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            MappingCheck check = new MappingCheck(new Secrets(data, Map.of("CRM_URL", crm.url("start_faulty"),
                    "CRM_PASSWORD", "not-" + crm.password())), Duration.ofSeconds(5));
            MappingStartCheck.run(SchemaCheckTest.policy(), check); // does not throw
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getFormattedMessage()).contains("Cannot check the mapping of crm", "Waarborg starts without it",
                    "password authentication failed").doesNotContain(crm.password());
        });
    }

    @Test
    void theServiceRefusesToStartOnAMappingWithErrors() throws Exception {
        // the settings as an operator gives them: the URL in the policy, the password in an owner-only file
        Path service = data.resolve("service");
        Files.createDirectories(service, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createDirectories(service.resolve("secrets"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(Files.createFile(service.resolve("secrets").resolve("crm-password"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), crm.password() + "\n");
        Path policy = data.resolve("policy.yaml");
        Files.writeString(policy, Files.readString(SchemaCheckTest.POLICY)
                .replace("url: {env: CRM_URL}", "url: \"" + crm.url("start_faulty") + "\"")
                .replace("password: {env: CRM_PASSWORD}", "password: {file: secrets/crm-password}"));
        assertThatThrownBy(() -> new SpringApplicationBuilder(WaarborgApplication.class).web(WebApplicationType.NONE)
                .run("--waarborg.data-dir=" + service, "--waarborg.policy=" + policy).close())
                .satisfies(e -> {
                    InvalidMappingException cause = cause(e);
                    assertThat(cause).as("caused by the mapping").isNotNull();
                    FailureAnalysis analysis = new InvalidMappingFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("does not fit its database",
                            "error schema-column-missing: table `customers` of system `crm` has no column `middle_name`");
                    assertThat(analysis.getAction()).contains("waarborg systems check");
                });
    }

    private static InvalidMappingException cause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InvalidMappingException m) {
                return m;
            }
        }
        return null;
    }
}
