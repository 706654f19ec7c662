package nl.waarborg.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nl.waarborg.BundleAgreement;
import nl.waarborg.documents.Doc;
import nl.waarborg.documents.DocRenderer;
import nl.waarborg.documents.PdfConformance;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/** The letters about a request: both languages say the same things, each with its article, and nothing more. */
class RequestLettersTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static Policy policy(String file) throws IOException {
        return PolicyLoader.load(Path.of(file)).orThrow().policy();
    }

    private static Request request(List<RequestKind> kinds, List<String> purposes) {
        return new Request(UUID.randomUUID(), "WB-7K2M-9QXD", kinds, purposes, IntakeChannel.EMAIL, "nl", null,
                Instant.parse("2026-03-03T10:00:00Z"), "staff", LocalDate.of(2026, 4, 7),
                Instant.parse("2026-04-07T22:00:00Z"), null, null, null, null, null, Request.Identity.PENDING, null, null,
                null, Request.Status.OPEN, null, null, null, null, 1, null, null);
    }

    private static String text(Doc doc) {
        StringBuilder b = new StringBuilder(doc.title()).append('\n');
        for (Doc.Block block : doc.blocks()) {
            switch (block) {
                case Doc.Para p -> b.append(line(p.line())).append('\n');
                case Doc.Bullets l -> l.items().forEach(i -> b.append("- ").append(line(i)).append('\n'));
                case Doc.Heading h -> b.append(h.text()).append('\n');
                case Doc.Table t -> b.append("[table]\n");
            }
        }
        return b.toString();
    }

    private static String line(Doc.Line l) {
        return l.text();
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryTextTheSamePlaceholders() {
        Properties nl = BundleAgreement.assertNlAndEnAgree(RequestLetters.class, "letters");
        // every kind and every ground has its words
        for (RequestKind k : RequestKind.values()) {
            assertThat(nl.stringPropertyNames()).contains("kind." + k.term());
        }
        for (RefusalGround g : RefusalGround.values()) {
            assertThat(nl.stringPropertyNames()).contains("refusal.ground." + g.term());
        }
    }

    @Test
    void theReceiptSaysWhatWasAskedByWhenTheAnswerComesAndHowFarItMayMove() throws IOException {
        Policy p = policy("examples/self-storage.yaml");
        Request r = request(List.of(RequestKind.ACCESS, RequestKind.OBJECTION), List.of("marketing"));

        String nl = text(new RequestLetters(p, Lang.NL, AMSTERDAM).receipt(r, LocalDate.of(2026, 6, 3)));
        String en = text(new RequestLetters(p, Lang.EN, AMSTERDAM).receipt(r, LocalDate.of(2026, 6, 3)));

        assertThat(nl).contains("ontvangen op 3 maart 2026", "WB-7K2M-9QXD", "uw gegevens inzien (artikel 15 AVG)",
                "bezwaar, artikel 21 AVG", "uiterlijk op 7 april 2026 (artikel 12, lid 3 AVG)", "tot uiterlijk 3 juni 2026",
                "vóór 7 april 2026", "artikel 12, lid 6 AVG");
        assertThat(en).contains("received your request on 3 March 2026", "to see your data (Article 15 GDPR)",
                "objection, Article 21 GDPR", "by 7 April 2026 at the latest (Article 12(3) GDPR)", "to 3 June 2026",
                "Article 12(6) GDPR");
        // the purpose objected to by its name in the letter's language
        assertThat(nl).contains(p.purpose("marketing").orElseThrow().name().nl());
        assertThat(en).contains(p.purpose("marketing").orElseThrow().name().en());
    }

    @Test
    void theExtensionGivesTheReasonStaffWroteAndTheNewDate() throws IOException {
        Request base = request(List.of(RequestKind.ERASURE), List.of());
        Request r = new Request(base.id(), base.reference(), base.kinds(), base.purposes(), base.channel(), "nl", null,
                base.receivedAt(), "staff", base.deadline(), base.deadlineEndsAt(), LocalDate.of(2026, 6, 3),
                Instant.parse("2026-06-03T22:00:00Z"), Instant.parse("2026-03-20T10:00:00Z"), "staff",
                "Uw verzoek raakt veel systemen.", Request.Identity.VERIFIED, "email-link", "staff", null,
                Request.Status.OPEN, null, null, null, null, 1, null, null);

        String nl = text(new RequestLetters(policy("examples/self-storage.yaml"), Lang.NL, AMSTERDAM).extension(r));

        assertThat(nl).contains("Uw verzoek raakt veel systemen.", "uiterlijk op 3 juni 2026", "artikel 12, lid 3 AVG");
    }

    private static Request refused(RefusalGround ground) {
        Request b = request(List.of(RequestKind.ACCESS), List.of());
        return new Request(b.id(), b.reference(), b.kinds(), b.purposes(), b.channel(), "nl", null, b.receivedAt(),
                "staff", b.deadline(), b.deadlineEndsAt(), null, null, null, null, null, Request.Identity.VERIFIED,
                "email-link", "staff", null, Request.Status.REFUSED, ground, "U vroeg dit gisteren ook.",
                Instant.parse("2026-03-10T10:00:00Z"), "staff", 1, null, null);
    }

    @Test
    void aRefusalGivesItsGroundAndTheRoutesToTheAuthorityAndTheCourtThatApplyToTheController() throws IOException {
        Policy company = policy("examples/self-storage.yaml");
        String nl = text(new RequestLetters(company, Lang.NL, AMSTERDAM).refusal(refused(RefusalGround.EXCESSIVE)));
        assertThat(nl).contains("buitensporig", "Art. 12(5)(b)", "U vroeg dit gisteren ook.", "Autoriteit Persoonsgegevens",
                "artikel 77 AVG", "verzoekschrift", "artikel 35 UAVG").doesNotContain("bezwaar tegen maken");

        Policy gemeente = PolicyLoader.load("p.yaml", java.nio.file.Files.readString(Path.of("examples/self-storage.yaml"))
                .replaceFirst("\ncontroller:\n", "\ncontroller:\n  public-authority: true\n")
                .getBytes(StandardCharsets.UTF_8)).orThrow().policy();
        assertThat(gemeente.controller().publicAuthority()).isTrue();
        String besluit = text(new RequestLetters(gemeente, Lang.NL, AMSTERDAM).refusal(refused(RefusalGround.EXCESSIVE)));
        assertThat(besluit).contains("besluit (artikel 34 UAVG)", "bezwaar", "6:7").doesNotContain("artikel 35 UAVG");

        // outside the Netherlands the Dutch routes do not apply: the GDPR's own, and that country's authority
        Policy belgian = policy("examples/public-library-be.yaml");
        String en = text(new RequestLetters(belgian, Lang.EN, AMSTERDAM).refusal(refused(RefusalGround.MANIFESTLY_UNFOUNDED)));
        assertThat(en).contains("manifestly unfounded", "Article 77 GDPR", "Article 79 GDPR", belgian.controller().authority().name())
                .doesNotContain("UAVG");
    }

    private static Request completed(List<RequestKind> kinds, List<String> purposes) {
        Request r = request(kinds, purposes);
        return new Request(r.id(), r.reference(), r.kinds(), r.purposes(), r.channel(), r.language(), UUID.randomUUID(),
                r.receivedAt(), r.receivedBy(), r.deadline(), r.deadlineEndsAt(), null, null, null, null, null,
                Request.Identity.VERIFIED, "account-login", "staff", r.receivedAt(), Request.Status.COMPLETED, null, null,
                Instant.parse("2026-03-20T10:00:00Z"), "staff", 1, null, null);
    }

    @Test
    void theCompletionSaysWhatWasDoneWhatWasKeptWhyAndUntilWhenAndWhoWasTold() throws IOException {
        Policy company = policy("examples/self-storage.yaml");
        Completion c = new Completion(List.of(new KeptData("crm", "payment-details", 3, "legal-obligation", null,
                LocalDate.of(2033, 5, 1)), new KeptData("vault", "email", 1, "hold", null, null)),
                List.of(company.recipients().getFirst().id()), "https://privacy.example.nl/api/v1/requests/answers/T",
                LocalDate.of(2026, 4, 3), false);
        Request r = completed(List.of(RequestKind.ACCESS, RequestKind.ERASURE), List.of());

        String nl = text(new RequestLetters(company, Lang.NL, AMSTERDAM).completion(r, c));
        String en = text(new RequestLetters(company, Lang.EN, AMSTERDAM).completion(r, c));

        assertThat(nl).contains("3 maart 2026", "https://privacy.example.nl/api/v1/requests/answers/T", "3 april 2026",
                "artikel 15 AVG", "artikel 17 AVG", "3 gegevens", "artikel 17 lid 3 onder b AVG", "1 mei 2033",
                "zolang die reden geldt", "artikel 19 AVG", company.recipients().getFirst().name().in(Lang.NL),
                "Autoriteit Persoonsgegevens", "artikel 35 UAVG");
        assertThat(en).contains("3 items", "Article 17(3)(b) GDPR", "1 May 2033", "Article 19 GDPR");
        assertThat(text(new RequestLetters(company, Lang.EN, AMSTERDAM).completion(r, new Completion(List.of(), List.of(),
                null, null, false)))).contains("no longer works").doesNotContain("Article 19");
    }

    @Test
    void theAnswersLinkStaysWholeInEveryFormatWhateverCharactersItsTokenHas() throws IOException {
        Policy company = policy("examples/self-storage.yaml");
        // a token is base64url: about every other one holds an '_' or '-', which Markdown text would escape
        String link = "https://privacy.example.nl/api/v1/requests/answers/ab_cd-ef_gh";
        Completion c = new Completion(List.of(), List.of(), link, LocalDate.of(2026, 4, 3), false);
        Request r = completed(List.of(RequestKind.ACCESS), List.of());
        Doc letter = new RequestLetters(company, Lang.NL, AMSTERDAM).completion(r, c);

        String markdown = new String(DocRenderer.render(letter, Lang.NL, StatementFormat.MD),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(markdown).contains("<" + link + ">").doesNotContain("ab\\_cd");
        String html = new String(DocRenderer.render(letter, Lang.NL, StatementFormat.HTML),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("href=\"" + link + "\"");
        assertThat(letter.blocks().stream().filter(b -> b instanceof Doc.Para).map(b -> ((Doc.Para) b).line().text()))
                .anySatisfy(t -> assertThat(t).contains("via deze link: " + link + ". De link werkt tot en met"));
    }

    @Test
    void theLettersAsPdfAreTaggedPdfUaWithEmbeddedFonts() throws IOException {
        Policy p = policy("examples/self-storage.yaml");
        for (Lang lang : Lang.values()) {
            RequestLetters letters = new RequestLetters(p, lang, AMSTERDAM);
            for (Doc letter : List.of(
                    letters.receipt(request(List.of(RequestKind.ACCESS, RequestKind.OBJECTION), List.of("marketing")),
                            LocalDate.of(2026, 6, 3)),
                    letters.refusal(refused(RefusalGround.EXCESSIVE)))) {
                PdfConformance.assertAccessible(DocRenderer.render(letter, lang, StatementFormat.PDF), lang.code(),
                        letter.title());
            }
        }
    }
}
