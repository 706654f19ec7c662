package nl.waarborg.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18, "One home for every human-readable text": the rendered statements and registers are the contract while
 * their wording moves from Java into message bundles. Every example policy (and the documents fixture, plain and with
 * its archive purpose) is rendered in Dutch and English, statement as Markdown and HTML, register (Art. 30(1), and
 * Art. 30(2) where declared) as HTML, CSV and JSON-LD, and compared byte for byte with
 * {@code src/test/resources/golden/}. PDF is left out: its bytes are not stable, and it is printed from the HTML.
 *
 * <p>To regenerate after an intended change of wording: {@code -Dgolden.update=true} (or {@code GOLDEN_UPDATE=true});
 * then read the diff before committing it.
 */
class StatementGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static boolean update() {
        return Boolean.getBoolean("golden.update") || "true".equalsIgnoreCase(System.getenv("GOLDEN_UPDATE"));
    }

    static Stream<Arguments> documents() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            add(out, name, PolicyLoader.load(f).orThrow().policy());
        }
        add(out, "documents-fixture", DocumentsFixture.policy());
        add(out, "documents-fixture-archive", DocumentsFixture.withArchiveAndRemainderChoice());
        return out.stream();
    }

    private static void add(List<Arguments> out, String name, Policy policy) {
        for (Lang lang : Lang.values()) {
            String l = lang.name().toLowerCase();
            for (StatementFormat f : List.of(StatementFormat.MD, StatementFormat.HTML)) {
                out.add(Arguments.of(name + "/statement_" + l + "." + f.extension(),
                        (Render) () -> StatementRenderer.render(policy, lang, f)));
            }
            for (RegisterFormat f : List.of(RegisterFormat.HTML, RegisterFormat.CSV, RegisterFormat.JSONLD)) {
                out.add(Arguments.of(name + "/register_" + l + "." + f.extension(),
                        (Render) () -> RegisterRenderer.render(policy, f, lang)));
                if (RegisterRenderer.hasProcessorRegister(policy)) {
                    out.add(Arguments.of(name + "/processor-register_" + l + "." + f.extension(),
                            (Render) () -> RegisterRenderer.renderProcessor(policy, f, lang)));
                }
            }
        }
    }

    interface Render {
        byte[] bytes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void renders_exactly_as_the_golden_file(String file, Render render) throws IOException {
        byte[] actual = render.bytes();
        Path golden = GOLDEN.resolve(file);
        if (update()) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, actual);
            return;
        }
        assertThat(Files.exists(golden)).as("golden file " + golden + " (regenerate with -Dgolden.update=true)").isTrue();
        // compared as text first, so a failure shows the differing lines; then byte for byte
        assertThat(new String(actual, StandardCharsets.UTF_8)).as(file)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(actual).as(file).isEqualTo(Files.readAllBytes(golden));
    }
}
