package nl.waarborg.systems.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/**
 * The self-storage example's CRM mapping and the CRM schema it ships (examples/crm/schema.sql, which `serve --demo`
 * loads) agree: the live check finds nothing, so a change to either that breaks the other fails here.
 */
class ExampleCrmSchemaCheckTest {

    @Test
    void theExampleMappingFitsTheExampleSchemaWithoutAnyFinding() throws Exception {
        CrmDatabase crm = CrmDatabase.shared();
        crm.create("crm_example", Files.readString(Path.of("examples/crm/schema.sql")));
        LoadedPolicy p = PolicyLoader.load(Path.of("examples/self-storage.yaml")).orThrow();
        DataSystem system = p.policy().system("crm").orElseThrow();
        try (Connection c = DriverManager.getConnection(crm.url("crm_example"), crm.user(), crm.password())) {
            assertThat(new SchemaCheck(p).check(system, c)).extracting(Finding::format).isEmpty();
        }
    }
}
