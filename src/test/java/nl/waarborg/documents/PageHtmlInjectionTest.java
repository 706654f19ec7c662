package nl.waarborg.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.waarborg.policy.Lang;
import org.junit.jupiter.api.Test;

/**
 * Policy text reaches the pages as HTML made here, not by jte: the statement on {@code /} and the documents on the
 * console's policy pages are printed with {@code $unsafe}. Script typed into any policy text (a heading, a sentence,
 * a bold term, a table cell, a link and its target) comes out as text, and no template prints anything else unescaped
 * (docs/console.md "Security of the pages"). A new {@code $unsafe} must be added to the list here, with its reason.
 */
class PageHtmlInjectionTest {

    static final String EVIL = "<script>alert(1)</script>\" onmouseover=\"alert(2)";

    @Test
    void everyPartOfAStatementOrRegisterOnAPageIsEscaped() {
        Doc.Line line = new Doc.Line(List.of(new Doc.Plain(EVIL), new Doc.Strong(EVIL),
                new Doc.Link(EVIL, "javascript:alert(3)"), new Doc.Link(EVIL, "https://x.example/\"><script>")));
        Doc doc = new Doc("nl", EVIL, List.of(new Doc.Heading(2, "h\"><script>", EVIL), new Doc.Para(line, false),
                new Doc.Bullets(List.of(line)), new Doc.Table(List.of(EVIL),
                        List.of(List.of(new Doc.Cell(List.of(line)))))));
        for (String html : List.of(StatementRenderer.bodyHtml(doc, Lang.NL), DocRenderer.htmlFragment(doc))) {
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script")
                    .doesNotContainPattern("<[^>]*\\sonmouseover=").doesNotContain("javascript:");
        }
    }

    @Test
    void onlyTheDocumentsMadeByHtmlWriterArePrintedUnescaped() throws IOException {
        Pattern unsafe = Pattern.compile("\\$unsafe\\{([^}]*)}");
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            found = files.filter(f -> f.toString().endsWith(".jte")).flatMap(f -> {
                try {
                    Matcher m = unsafe.matcher(Files.readString(f));
                    return m.results().map(r -> Path.of("src/main/jte").relativize(f) + " " + r.group(1)).toList()
                            .stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
        // each is HtmlWriter's output: StatementRenderer.bodyHtml, the policy pages' documents and a request's letter
        // preview (DocRenderer.htmlFragment); the letter preview's typed reason is checked in PagesAttackTest
        assertThat(found).containsExactly("policy/document.jte doc.html()", "portal/statement.jte statement.bodyHtml()",
                "requests/preview.jte preview.html()");
    }
}
