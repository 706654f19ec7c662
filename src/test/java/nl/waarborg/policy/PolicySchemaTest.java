package nl.waarborg.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.waarborg.policy.lint.LintRule;
import nl.waarborg.policy.lint.LintRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/policy-format.md, schema/policy.schema.json and the loader in step: the documented example is
 * schema-valid and lints clean, every example policy is schema-valid, and the schema rejects what the loader rejects.
 */
class PolicySchemaTest {

    private static final Path DOC = Path.of("docs/policy-format.md");
    private static final Path LINT_DOC = Path.of("docs/lint-rules.md");
    private static final Path SCHEMA = Path.of("schema/policy.schema.json");
    private static final Path EXAMPLES = Path.of("examples");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static JsonSchema schema;
    private static String example;

    @BeforeAll
    static void readSchemaAndExample() throws IOException {
        JsonNode schemaNode = new ObjectMapper().readTree(SCHEMA.toFile());
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode, config);
        example = firstYamlBlock(Files.readString(DOC, StandardCharsets.UTF_8));
    }

    /** The text of the first ```yaml fenced block of a Markdown document. */
    static String firstYamlBlock(String markdown) {
        Matcher m = Pattern.compile("(?m)^```yaml[ \\t]*\\R(.*?)^```[ \\t]*$", Pattern.DOTALL).matcher(markdown);
        assertThat(m.find()).as("docs/policy-format.md has a ```yaml block").isTrue();
        return m.group(1);
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        return schema.validate(YAML.readTree(yaml));
    }

    @Test
    void documentedExampleMatchesTheSchema() throws IOException {
        assertThat(validate(example)).isEmpty();
    }

    @Test
    void documentedExampleLoadsAndLintsClean() {
        PolicyLoader.Result loaded = PolicyLoader.load("docs/policy-format.md#example", example.getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.findings()).extracting(Finding::format).isEmpty();
        assertThat(loaded.ok()).isTrue();
        assertThat(PolicyLint.lint(loaded)).extracting(Finding::format).isEmpty();
    }

    @Test
    void everyExamplePolicyMatchesTheSchema() throws IOException {
        if (!Files.isDirectory(EXAMPLES)) {
            return; // the examples are written elsewhere; nothing to check yet
        }
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                for (ValidationMessage message : validate(Files.readString(file, StandardCharsets.UTF_8))) {
                    problems.add(file + ": " + message.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void schemaRejectsUnknownKeys() throws IOException {
        ObjectNode top = (ObjectNode) YAML.readTree(example);
        top.put("colour", "blue");
        assertThat(schema.validate(top)).isNotEmpty();

        ObjectNode nested = (ObjectNode) YAML.readTree(example);
        ((ObjectNode) nested.get("purposes").get(0)).put("legal-bases", "contract");
        assertThat(schema.validate(nested)).isNotEmpty();

        ObjectNode inText = (ObjectNode) YAML.readTree(example);
        ((ObjectNode) inText.get("purposes").get(0).get("name")).put("de", "Angebote");
        assertThat(schema.validate(inText)).isNotEmpty();
    }

    @Test
    void schemaRejectsWhatTheLoaderRejects() throws IOException {
        assertThat(validate(example.replaceFirst("legal-basis: contract", "legal-basis: contrac"))).isNotEmpty();
        assertThat(validate(example.replaceFirst("- id: quotes", "- id: Quotes"))).isNotEmpty();
        assertThat(validate(example.replaceFirst("processing-agreement: 2024-06-01", "processing-agreement: 1 June 2024")))
                .isNotEmpty();
        assertThat(validate(example.replaceFirst("(?m)^rights:", "rights-of-subjects:"))).isNotEmpty();
        assertThat(validate(example.replaceFirst("legal-basis: contract", "legal-basis: contract\n    archive: historic"))).isNotEmpty();
        assertThat(validate(example.replaceFirst("refuse-anonymised-remainder: true", "refuse-anonymised-remainder: yes please")))
                .isNotEmpty();
        assertThat(validate(example.replaceFirst("(?m)^  kvk: (.*)$", "  kvk: $1\n  registration: {kind: kvk, number: $1}")))
                .isNotEmpty();
        assertThat(validate(example.replaceFirst("(?m)^  kvk: (.*)$", "  registration: {kind: kbp, number: $1}"))).isNotEmpty();
        assertThat(validate(example.replaceFirst("(?m)^  kvk: (.*)$", "  registration: {kind: kbo, number: \"0207.451.227\"}")))
                .isEmpty();
    }

    /** A start rounded to the calendar or at an item date passes the schema as the loader takes it; a wrong word does not. */
    @Test
    void roundedAndItemDateStartsAreValidAndUnknownRoundingWordsAreNot() throws IOException {
        String rule = "\n  - id: invoices\n    data: [name]\n    period: P7Y\n    start: %s\n";
        String itemDates = "item-dates:\n  - id: invoice-date\n    name: {nl: de factuurdatum, en: the invoice date}\n"
                + "    data-categories: [name]\n";
        for (String start : java.util.List.of("{after: contract-ended, round: start-of-next-year}",
                "{after: [contract-ended], round: end-of-current-quarter}", "{after: collection, round: end-of-next-month}",
                "{item-date: invoice-date}", "{item-date: invoice-date, round: start-of-current-year}")) {
            String yaml = example.replaceFirst("(?m)^retention:", itemDates + "retention:" + rule.formatted(start).stripTrailing());
            assertThat(validate(yaml)).as(start).isEmpty();
        }
        for (String start : java.util.List.of("{after: contract-ended, round: start-of-next-yaer}", "{round: start-of-next-year}",
                "{after: contract-ended, item-date: invoice-date}", "{item-date: invoice-date, rounding: start-of-next-year}")) {
            String yaml = example.replaceFirst("(?m)^retention:", itemDates + "retention:" + rule.formatted(start).stripTrailing());
            assertThat(validate(yaml)).as(start).isNotEmpty();
        }
        assertThat(validate(example.replaceFirst("(?m)^retention:", itemDates.replace("    data-categories: [name]\n", "")
                + "retention:"))).as("an item date names its categories").isNotEmpty();
    }

    /** The archive words (R2.7), as one word or a list, are valid wherever the loader takes them. */
    @Test
    void archiveUsesAreAcceptedAsAWordOrAList() throws IOException {
        assertThat(validate(example.replaceFirst("legal-basis: contract", "legal-basis: contract\n    archive: historical"))).isEmpty();
        assertThat(validate(example.replaceFirst("legal-basis: contract",
                "legal-basis: contract\n    archive: [legal-claims, statistics, historical]"))).isEmpty();
    }

    /** "As long as necessary" must load (schema-valid) so that lint can point at it (R2.8). */
    @Test
    void nonConcretePeriodPassesTheSchemaAndIsReportedByLint() throws IOException {
        String vague = example.replaceFirst("period: P6M", "period: zolang als nodig");
        assertThat(validate(vague)).isEmpty();
        List<Finding> findings = PolicyLint.lint(PolicyLoader.load("vague.yaml", vague.getBytes(StandardCharsets.UTF_8)));
        assertThat(findings).extracting(Finding::rule).containsExactly("retention-not-concrete");
    }

    /** Every shorthand the loader accepts (one value where a list is expected) is accepted by the schema too. */
    @Test
    void singleValuesAreAcceptedWhereListsAre() throws IOException {
        String single = example.replaceFirst("channels: \\[email, web, post, in-person\\]", "channels: email")
                .replaceFirst("languages: \\[nl, en\\]", "languages: NL");
        assertThat(validate(single)).isEmpty();
    }

    @Test
    void everyRuleIdIsDocumented() throws IOException {
        String doc = Files.readString(LINT_DOC, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>(LintRules.LOADING);
        LintRules.ALL.stream().map(LintRule::id).forEach(ids::add);
        assertThat(ids).allSatisfy(id -> assertThat(doc).contains("| `" + id + "` |"));
    }
}
