package nl.waarborg.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/** A policy that declares only what it must: every document still renders and says what is absent, without gaps. */
class MinimalPolicyTest {

    private static final String YAML = """
            waarborg: 1
            statement:
              version: "1"
              effective: 2025-01-01
              languages: [en]
            controller:
              name: Tiny Shop
              address: {street: Main Street 1, postcode: 1000 AA, city: Amsterdam}
              contact: {email: privacy@tiny.test}
            subject-categories:
              - id: customer
                name: {nl: Klanten, en: Customers}
            data-categories:
              - id: email
                name: {nl: E-mailadres, en: E-mail address}
            purposes:
              - id: orders
                name: {nl: Bestellingen, en: Orders}
                legal-basis: contract
                data: [email]
            retention:
              - id: orders
                data: [email]
                period: P1Y6M
            transfers:
              stance: eu-only
            rights:
              response-time: P1M
              free-of-charge: false
            """;

    private static Policy policy() {
        return PolicyLoader.load("tiny.yaml", YAML.getBytes(UTF_8)).orThrow().policy();
    }

    @Test
    void theStatementSaysWhatIsAbsentInsteadOfLeavingGaps() {
        String md = new String(StatementRenderer.render(policy(), Lang.EN, StatementFormat.MD), UTF_8);
        assertThat(md).contains("# Privacy statement of Tiny Shop",
                "**About whom:** customers", // no subjects on the purpose: every subject category
                "| E-mail address | 1 year and 6 months | from the moment we receive the data | deleted | — |",
                "We do not share your data with anyone outside our organisation.",
                "Your data stays in the European Economic Area (EEA).",
                "We do not make decisions about you that are taken by a computer alone.",
                "We do not build a profile of you.",
                "At the moment we do not ask for your consent for anything.",
                "A request is free of charge. Only if a request is manifestly unfounded or excessive", "We respond within 1 month",
                "- by e-mail to [privacy@tiny.test](mailto:privacy@tiny.test)",
                "the Autoriteit Persoonsgegevens:",
                "this version remains available");
        assertThat(md).doesNotContain("## Where your data comes from", "## How we protect your data", "## Children",
                "data protection officer", "null");
        // the Dutch statement falls back to the English policy texts where the policy has no Dutch
        String nl = new String(StatementRenderer.render(policy(), Lang.NL, StatementFormat.MD), UTF_8);
        assertThat(nl).contains("## Wie wij zijn", "1 jaar en 6 maanden", "Bestellingen");
    }

    @Test
    void everyFormatRenders() {
        for (StatementFormat f : StatementFormat.values()) {
            assertThat(StatementRenderer.render(policy(), Lang.EN, f)).isNotEmpty();
        }
        for (RegisterFormat f : RegisterFormat.values()) {
            assertThat(RegisterRenderer.render(policy(), f)).isNotEmpty();
        }
        String csv = new String(RegisterRenderer.render(policy(), RegisterFormat.CSV), UTF_8);
        assertThat(RegisterRendererTest.parseCsv(csv)).hasSize(2);
        assertThat(csv).startsWith("Purpose id,").contains("none", "not declared", "policy: data stays within the EU/EEA");
    }
}
