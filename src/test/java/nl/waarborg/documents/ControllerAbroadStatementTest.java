package nl.waarborg.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Belgian public library (examples/public-library-be.yaml) in both statements and the register: its register
 * number under the Belgian register's name, the Belgian authority with its address, the Belgian age of 13, and no
 * Dutch ACM.
 */
class ControllerAbroadStatementTest {

    private static final Policy LIBRARY = load();

    private static Policy load() {
        try {
            return PolicyLoader.load(Path.of("examples/public-library-be.yaml")).orThrow().policy();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String statement(Lang lang) {
        return new String(StatementRenderer.render(LIBRARY, lang, StatementFormat.MD), UTF_8);
    }

    @Test
    void theDutchStatementNamesTheEnterpriseNumberTheBelgianAuthorityAndThirteen() {
        String md = statement(Lang.NL);
        assertThat(md).contains("**Ondernemingsnummer (KBO):** 0207.451.227").doesNotContain("KvK");
        assertThat(md).contains("Gegevensbeschermingsautoriteit (GBA)").contains("**Adres:** Drukpersstraat 35, 1000 Brussel");
        assertThat(md).contains("jonger dan 13").doesNotContain("ACM");
    }

    @Test
    void theEnglishStatementSaysTheSame() {
        String md = statement(Lang.EN);
        assertThat(md).contains("**Enterprise number (KBO):** 0207.451.227").doesNotContain("KvK");
        assertThat(md).contains("Gegevensbeschermingsautoriteit (GBA)").contains("**Address:** Drukpersstraat 35, 1000 Brussel");
        assertThat(md).contains("under 13").doesNotContain("ACM");
    }

    @Test
    void theRegisterIdentifiesTheControllerByItsEnterpriseNumber() {
        JsonNode doc = JsonMapper.builder().build().readTree(RegisterRenderer.render(LIBRARY, RegisterFormat.JSONLD));
        String json = doc.toString();
        assertThat(json).contains("\"schema:identifier\":\"KBO 0207.451.227\"").contains("urn:waarborg:kbo-0207-451-227");
        assertThat(json).contains("Drukpersstraat 35");
    }
}
