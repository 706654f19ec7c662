package nl.waarborg.policy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.Policy.JdbcMapping;
import nl.waarborg.policy.Policy.MappedTable;
import nl.waarborg.policy.Policy.ParentLink;
import nl.waarborg.policy.Policy.Setting;
import nl.waarborg.policy.Policy.SubjectLink;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.policy.TableErase;
import org.junit.jupiter.api.Test;

/** The jdbc mapping fits the policy (issue 15): each rule's cases beyond the one PolicyLintTest shows. */
class JdbcMappingRulesTest {

    private static final String CLIPS = "    connector: jdbc\n    jdbc:\n      url: {env: CCTV_JDBC_URL}\n"
            + "      user: {env: CCTV_DB_USER}\n      password: {env: CCTV_DB_PASSWORD}\n      tables:\n"
            + "        - table: clips\n          key: [id]\n          subject: {reference: visitor, column: visitor_id}\n"
            + "          columns:\n            visitor_id: not-personal\n            recorded_at: not-personal\n"
            + "            frames: video-footage\n          collected-at: recorded_at\n";

    /** The rental purpose also uses the recorder (it keeps names until a year after the contract ended). */
    private static final String RENTAL_SYSTEMS = "    data: [name, email]\n    sources: [subject]\n    systems: [vault]\n  - id: bookkeeping";

    private static List<Finding> lint(String cctv) throws IOException {
        return lint(cctv, false);
    }

    private static List<Finding> lint(String cctv, boolean rentalUsesIt) throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/policies/clean.yaml")).replace("    connector: manual\n", cctv);
        if (rentalUsesIt) {
            assertThat(yaml).contains(RENTAL_SYSTEMS);
            yaml = yaml.replace(RENTAL_SYSTEMS, RENTAL_SYSTEMS.replace("[vault]", "[vault, cctv]"));
        }
        return PolicyLint.lint(PolicyLoader.load("policy.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Finding> of(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void aRuleStartingAtAnEventNeedsThatEventsColumnInTheTable() throws IOException {
        // the clips also hold names, which the customers rule keeps until a year after the contract ended
        String yaml = CLIPS.replace("            frames: video-footage\n", "            frames: video-footage\n"
                + "            visitor_name: name\n") + "          events: {complaint-closed: complaint_at}\n";
        List<Finding> all = lint(yaml, true);
        assertThat(of(all, "mapping-category-undeclared")).isEmpty();
        List<Finding> missing = of(all, "mapping-retention-start-missing");
        assertThat(missing).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .contains("`customers`", "lifecycle event `contract-ended`", "`events: {contract-ended: COLUMN}`", "Art. 5(1)(e)"));
        assertThat(missing).extracting(Finding::message).noneSatisfy(m -> assertThat(m).contains("`complaint-closed`"));

        assertThat(missing).hasSize(1);
        List<Finding> named = lint(yaml.replace("{complaint-closed: complaint_at}",
                "{complaint-closed: complaint_at, contract-ended: ended_at}"), true);
        assertThat(named).extracting(Finding::format).isEmpty();
    }

    @Test
    void aTableOfOtherSubjectsIsNotHeldToTheirRules() throws IOException {
        // names of customers have a rule from contract end; a table of visitors only is not covered by it
        String yaml = CLIPS.replace("            frames: video-footage\n", "            frames: video-footage\n"
                + "            visitor_name: name\n").replace("          columns:\n",
                "          subject-categories: [facility-visitor]\n          columns:\n");
        assertThat(of(lint(yaml, true), "mapping-retention-start-missing")).isEmpty();
        List<Finding> findings = lint(yaml);
        assertThat(of(findings, "mapping-retention-start-missing")).isEmpty();
        assertThat(of(findings, "mapping-category-undeclared")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("`clips.visitor_name`", "`name`", "purposes: security",
                        "Art. 5(1)(b)"));
    }

    @Test
    void everyRuleStartingAtCollectionIsOneFindingAtTheTable() throws IOException {
        List<Finding> findings = of(lint(CLIPS.replace("          collected-at: recorded_at\n", "")),
                "mapping-retention-start-missing");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.message()).contains("table `clips` holds video-footage", "`footage`", "collection",
                    "`collected-at: COLUMN`");
        });
    }

    @Test
    void aChildCountsFromItsParentsEventAndTakesItsParentsSubjects() throws IOException {
        String child = "        - table: stills\n          key: [id]\n          parent: {table: clips, columns: [clip_id]}\n"
                + "          columns: {caption: name}\n          collected-at: taken_at\n";
        String clips = CLIPS.replace("            frames: video-footage\n", "            frames: video-footage\n"
                + "            visitor_name: name\n") + "          events: {complaint-closed: complaint_at}\n";
        // the parent names no contract end: neither table can count the customers rule
        assertThat(of(lint(clips + child, true), "mapping-retention-start-missing")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("table `stills`", "neither the table nor its parents"));
        // the parent's column serves the child too
        String withEnd = clips.replace("{complaint-closed: complaint_at}", "{complaint-closed: complaint_at, contract-ended: ended_at}");
        assertThat(lint(withEnd + child, true)).extracting(Finding::format).isEmpty();
        // visitors only at the top: the customers rule covers neither table
        String visitors = clips.replace("          columns:\n", "          subject-categories: [facility-visitor]\n          columns:\n");
        assertThat(of(lint(visitors + child, true), "mapping-retention-start-missing")).isEmpty();
    }

    @Test
    void aParentChainThatReturnsToItselfIsReported() {
        MappedTable a = table("a", List.of("id"), null, new ParentLink("b", List.of("b_id")), TableErase.DELETE);
        MappedTable b = table("b", List.of("id"), null, new ParentLink("a", List.of("a_id")), TableErase.DELETE);
        List<String> found = new ArrayList<>();
        JdbcMappingRules.invalidLinks(system(a, b), (path, message) -> found.add(path + ": " + message));
        assertThat(found).hasSize(2).allSatisfy(m -> assertThat(m).contains("its own ancestor"));
        assertThat(found.getFirst()).startsWith("systems.s.jdbc.tables.a.parent:");
    }

    @Test
    void aReferenceLinkWithoutSchemeIsReported() {
        // the loader never builds one; a policy assembled in code could
        MappedTable t = table("t", List.of("id"), new SubjectLink(LinkKind.REFERENCE, null, "customer_no"), null,
                TableErase.DELETE);
        List<String> found = new ArrayList<>();
        JdbcMappingRules.invalidLinks(system(t), (path, message) -> found.add(path + ": " + message));
        assertThat(found).singleElement().satisfies(m -> assertThat(m)
                .startsWith("systems.s.jdbc.tables.t.subject:").contains("names no scheme", "column: customer_no"));
    }

    @Test
    void nullifyingATableWhoseForeignKeyIsPersonalIsReportedAndDeletingItIsNot() {
        MappedTable parent = table("p", List.of("id"), new SubjectLink(LinkKind.EMAIL, null, "email"), null, TableErase.DELETE);
        MappedTable child = new MappedTable("c", List.of("id"), null, new ParentLink("p", List.of("p_email")),
                Map.of("p_email", "email", "note", "name"), "at", Map.of(), TableErase.ANONYMISE, List.of());
        List<String> found = new ArrayList<>();
        JdbcMappingRules.personalKeys(system(parent, child), (path, message) -> found.add(path + ": " + message));
        assertThat(found).singleElement().satisfies(m -> assertThat(m)
                .startsWith("systems.s.jdbc.tables.c.columns.p_email:").contains("`anonymise`", "foreign-key column",
                        "`email`", "Art. 5(1)(e), 17"));
    }

    private static MappedTable table(String name, List<String> key, SubjectLink subject, ParentLink parent, TableErase erase) {
        java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
        key.forEach(k -> columns.put(k, "email")); // personal keys: only the erase rule cares, and only for nullify/anonymise
        return new MappedTable(name, key, subject, parent, columns, "at", Map.of(), erase, List.of());
    }

    private static DataSystem system(MappedTable... tables) {
        Setting env = new Setting(null, "X", null);
        return new DataSystem("s", null, "IT", Connector.JDBC, List.of("NL"), null, null, false,
                new JdbcMapping(env, env, env, List.of(tables)), null);
    }

    private static List<Finding> crmRows(String from, String to) throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/policies/crm-rows.yaml"));
        assertThat(yaml).contains(from);
        return PolicyLint.lint(PolicyLoader.load("crm-rows.yaml", yaml.replace(from, to).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void perRowSubjectCategoriesItemDatesAndConsentBoundRulesFitTheirMapping() throws IOException {
        assertThat(crmRows("", "")).filteredOn(f -> f.rule().startsWith("mapping-")).isEmpty();
    }

    @Test
    void aRuleStartingAtAnItemDateNeedsItsColumnInTheTable() throws IOException {
        List<Finding> found = of(crmRows("          item-dates: {invoice-date: invoice_date}\n", ""),
                "mapping-retention-start-missing");

        assertThat(found).hasSize(1);
        assertThat(found.getFirst().message()).contains("`fiscal-invoices`").contains("item-dates: {invoice-date: COLUMN}")
                .contains("Art. 5(1)(e)");
    }

    @Test
    void aRowsSubjectCategoryMustBeOneTheTableHolds() throws IOException {
        List<Finding> found = of(crmRows("former: customer}", "former: facility-visitor}"),
                "mapping-subject-category-invalid");

        assertThat(found).hasSize(1);
        assertThat(found.getFirst().message()).contains("`former`").contains("facility-visitor").contains("lead, customer");
    }
}
