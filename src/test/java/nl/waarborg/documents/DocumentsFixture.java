package nl.waarborg.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;

/** The test policy of the documents capability, and variations of it. */
public final class DocumentsFixture {

    private DocumentsFixture() {
    }

    /** src/test/resources/policies/documents-fixture.yaml on the test class path. */
    public static Path path() {
        try {
            return Path.of(DocumentsFixture.class.getResource("/policies/documents-fixture.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Policy policy() {
        try {
            return PolicyLoader.load(path()).orThrow().policy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fixture with its tax records declared an archive purpose (R2.7) and the choice to refuse an
     * anonymised remainder offered (R2.6): the two things the plain fixture leaves out.
     */
    public static Policy withArchiveAndRemainderChoice() {
        try {
            String text = Files.readString(path(), StandardCharsets.UTF_8);
            text = once(text, "    legal-basis: legal-obligation\n", "    legal-basis: legal-obligation\n    archive: [legal-claims, historical]\n");
            text = once(text, "  free-of-charge: true\n", "  free-of-charge: true\n  refuse-anonymised-remainder: true\n");
            return PolicyLoader.load("documents-fixture.yaml", text.getBytes(StandardCharsets.UTF_8)).orThrow().policy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String once(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("fixture text must occur exactly once: " + from);
        }
        return text.replace(from, to);
    }

    /** The purpose ids of the fixture, in order. */
    public static final List<String> PURPOSES = List.of("quote", "rental-contract", "camera-surveillance",
            "fiscal-records", "newsletter", "accessibility");

    public static Policy withControllerName(Policy p, String name) {
        Policy.Controller c = p.controller();
        return with(p, p.statement(), new Policy.Controller(name, c.registration(), c.address(), c.contact(), c.dpo(), c.authority(), c.publicAuthority(), c.representative()));
    }

    public static Policy withStatement(Policy p, Policy.Statement statement) {
        return with(p, statement, p.controller());
    }

    private static Policy with(Policy p, Policy.Statement statement, Policy.Controller controller) {
        return new Policy(p.format(), statement, controller, p.roles(), p.subjectCategories(), p.dataCategories(),
                p.sources(), p.lifecycleEvents(), p.purposes(), p.retention(), p.recipients(), p.systems(), p.transfers(),
                p.rights(), p.minors(), p.security(), p.recording(), p.itemDates(), p.holdKinds(), p.asProcessor());
    }
}
