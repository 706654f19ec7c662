package nl.waarborg.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, "Dutch and English": every example policy's statement, in both languages, checked mechanically for the
 * language faults a reader noticed. Each check names what it found, so a failure reads as a list of sentences to fix
 * (in the phrases, never by loosening a check).
 *
 * <ul>
 *   <li>No capital after a colon unless a full sentence follows (Taalunie): a colon the statement writes before a
 *       list or a name is followed by a small letter. Exempt: a word that keeps its capitals inside a sentence anyway
 *       ({@link Words#inSentence}: "IT-dienstverleners", "AI-klantassistent"), an organisation's own name
 *       ({@link Words#properName}), an address, and the lead-ins the policy's own free text follows (its interest, its
 *       balancing, its law, its changes), which may be full sentences.</li>
 *   <li>No colons inside the items of a list ("huurgegevens: nummer, … en bezoeklogboek: datum"): an item's
 *       explanation goes between brackets.</li>
 *   <li>No capitals in the middle of a list: a policy name that reads in small letters inside a sentence never
 *       follows ", ", "; ", " en ", " of " (" and ", " or ") with its capital.</li>
 *   <li>No jargon or anglicisms: "Need-to-know", "conversie", an unexplained "SCC" or "BCR"; in English never
 *       "permission" for toestemming (consent).</li>
 *   <li>Agreement in number: the recipients' roles carry no verb that reads wrong for a plural recipient.</li>
 *   <li>The transfer paragraph appears once: only the transfers section explains safeguards, and at most one of its
 *       paragraphs speaks of the EEA.</li>
 * </ul>
 */
class StatementLanguageTest {

    private static final Path EXAMPLES = Path.of("examples");

    /** Lead-ins after which the policy's own text follows as written: it may be a full sentence (Taalunie). */
    private static final List<String> POLICY_TEXT_LEAD_INS = List.of("Ons belang:", "Our interest:",
            "afgewogen tegen uw belangen:", "weighed this against your interests:", "De wet die dit voorschrijft:",
            "The law that requires it:", "Wat is er veranderd:", "What has changed:");

    private static final List<String> ADDRESS_LABELS = List.of("Adres:", "Address:");

    /** Words that do not belong in a statement written for a layperson, or that say something else in English. */
    private static final List<String> JARGON_NL = List.of("Need-to-know", "need-to-know", "conversie", "Geldt niet meer zodra",
            "hoort bij:");
    private static final List<String> JARGON_EN = List.of("Need-to-know", "need-to-know", "conversion to", "permission",
            "Permission", "belong to:", "exception of Article 49");

    /** Roles with a verb in the singular, wrong for "Gelieerde groepsmaatschappijen" and other plural recipients. */
    private static final List<String> SINGULAR_ROLES = List.of("wat hij met de gegevens doet", "werkt in onze opdracht",
            "krijgt alleen gepseudonimiseerde", "its own use of the data", "works on our instructions",
            "receives pseudonymised data only");

    /** Words that explain a safeguard: they belong in the transfers section only. */
    private static final List<String> SAFEGUARD_WORDS = List.of("standaardcontractbepalingen", "standard contractual clauses",
            "bindende bedrijfsvoorschriften", "binding corporate rules", "artikel 49", "Article 49",
            "Data Privacy Framework");

    static Stream<Arguments> statements() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                for (Lang lang : Lang.values()) {
                    out.add(Arguments.of(f.getFileName().toString(), lang));
                }
            }
        }
        assertThat(out).as("every example in both languages").hasSizeGreaterThanOrEqualTo(12);
        return out.stream();
    }

    private static Policy policy(String file) throws IOException {
        return PolicyLoader.load(EXAMPLES.resolve(file)).orThrow().policy();
    }

    /** The statement as plain lines: Markdown emphasis and links reduced to their text. */
    private static List<String> lines(Policy policy, Lang lang) {
        String md = new String(StatementRenderer.render(policy, lang, StatementFormat.MD), UTF_8);
        return md.lines().map(l -> l.replace("**", "").replace("_", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")).toList();
    }

    private static final Pattern COLON_CAPITAL = Pattern.compile(":\\s+(\\p{Lu}[\\p{L}\\p{N}'’-]*)");

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statements")
    void noCapitalAfterAColonWhereNoSentenceFollows(String file, Lang lang) throws IOException {
        Policy policy = policy(file);
        Words w = new Words(policy, Phrases.of(lang));
        List<String> proper = policy.recipients().stream().filter(r -> Words.properName(r.name()))
                .map(r -> firstWord(w.t(r.name()))).toList();
        List<String> found = new ArrayList<>();
        for (String line : lines(policy, lang)) {
            Matcher m = COLON_CAPITAL.matcher(line);
            while (m.find()) {
                String before = line.substring(0, m.start() + 1);
                String word = m.group(1);
                boolean exempt = w.inSentence(word).equals(word) || proper.contains(word)
                        || POLICY_TEXT_LEAD_INS.stream().anyMatch(before::endsWith)
                        || ADDRESS_LABELS.stream().anyMatch(a -> before.strip().endsWith(a));
                if (!exempt) {
                    found.add(excerpt(line, m.start()));
                }
            }
        }
        assertThat(found).as("capital after a colon in %s (%s)", file, lang).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statements")
    void noCapitalInTheMiddleOfAList(String file, Lang lang) throws IOException {
        Policy policy = policy(file);
        Words w = new Words(policy, Phrases.of(lang));
        List<String> names = new ArrayList<>();
        policy.purposes().forEach(x -> names.add(w.name(x)));
        policy.dataCategories().forEach(d -> names.add(w.t(d.name())));
        policy.subjectCategories().forEach(s -> names.add(w.t(s.name())));
        policy.roles().forEach(r -> names.add(w.t(r.name())));
        policy.systems().forEach(s -> names.add(w.t(s.name())));
        policy.recipients().stream().filter(r -> !Words.properName(r.name())).forEach(r -> names.add(w.t(r.name())));
        Phrases p = Phrases.of(lang);
        List<String> joints = List.of(", ", "; ", " " + p.and() + " ", " " + p.or() + " ");
        String text = String.join("\n", lines(policy, lang));
        List<String> found = new ArrayList<>();
        for (String name : names) {
            if (name.isBlank() || w.inSentence(name).equals(name)) {
                continue; // a name that keeps its capital inside a sentence ("IT-dienstverleners")
            }
            for (String joint : joints) {
                int at = text.indexOf(joint + name);
                if (at >= 0) {
                    found.add(excerpt(text, at));
                }
            }
        }
        assertThat(found).as("capital in the middle of a list in %s (%s)", file, lang).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statements")
    void noColonInsideTheItemsOfAList(String file, Lang lang) throws IOException {
        Phrases p = Phrases.of(lang);
        List<String> labels = List.of(p.lData(), p.lSubjects(), p.lSharedWith()).stream().map(l -> "- " + l + ": ").toList();
        List<String> found = lines(policy(file), lang).stream()
                .filter(l -> labels.stream().anyMatch(l::startsWith))
                .filter(l -> l.indexOf(": ", l.indexOf(": ") + 2) >= 0).toList();
        assertThat(found).as("a colon inside a list item in %s (%s)", file, lang).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statements")
    void noJargonNoAnglicismsAndConsentIsConsent(String file, Lang lang) throws IOException {
        String text = String.join("\n", lines(policy(file), lang));
        List<String> found = new ArrayList<>();
        for (String word : lang == Lang.NL ? JARGON_NL : JARGON_EN) {
            if (text.contains(word)) {
                found.add(excerpt(text, text.indexOf(word)));
            }
        }
        // an abbreviation of a safeguard only right after the words it abbreviates
        Matcher m = Pattern.compile("\\b(SCC|BCR)").matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 80), m.start()).toLowerCase();
            if (!(before.contains("standaardcontractbepalingen") || before.contains("standard contractual clauses")
                    || before.contains("bedrijfsvoorschriften") || before.contains("corporate rules"))) {
                found.add(excerpt(text, m.start()));
            }
        }
        assertThat(found).as("jargon in %s (%s)", file, lang).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statements")
    void recipientRolesReadForOneOrManyRecipients(String file, Lang lang) throws IOException {
        String text = String.join("\n", lines(policy(file), lang));
        assertThat(SINGULAR_ROLES.stream().filter(text::contains).toList()).as("singular roles in %s (%s)", file, lang)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statements")
    void theTransferParagraphAppearsOnce(String file, Lang lang) throws IOException {
        Policy policy = policy(file);
        List<String> lines = lines(policy, lang);
        String heading = "## " + Phrases.of(lang).hTransfers();
        assertThat(lines.stream().filter(heading::equals).count()).isEqualTo(1);
        int start = lines.indexOf(heading);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        List<String> outside = new ArrayList<>(lines.subList(0, start));
        outside.addAll(lines.subList(end, lines.size()));
        List<String> explainedElsewhere = outside.stream()
                .filter(l -> SAFEGUARD_WORDS.stream().anyMatch(l::contains)).toList();
        assertThat(explainedElsewhere).as("safeguards explained outside the transfers section of %s (%s)", file, lang)
                .isEmpty();
        List<String> eea = lines.subList(start + 1, end).stream()
                .filter(l -> l.contains("EER") || l.contains("EEA") || l.contains("Europese Economische Ruimte")
                        || l.contains("European Economic Area")).toList();
        assertThat(eea).as("paragraphs on the EEA in the transfers section of %s (%s)", file, lang).hasSizeLessThanOrEqualTo(1);
        // every recipient and system outside the EEA is named once there
        Words w = new Words(policy, Phrases.of(lang));
        String section = String.join("\n", lines.subList(start + 1, end));
        List<String> names = Stream.concat(
                policy.recipients().stream().filter(Policy.Recipient::outsideEea).map(r -> nameAsWritten(w, r.name(), r.id())),
                policy.systems().stream().filter(Policy.DataSystem::outsideEea).map(s -> nameAsWritten(w, s.name(), s.id())))
                .toList();
        for (String name : names) {
            // "AI-klantassistent (" also occurs inside "aanbieder van de AI-klantassistent ("
            int inLonger = names.stream().filter(n -> !n.equals(name) && n.endsWith(name)).mapToInt(n -> count(section, n + " (")).sum();
            assertThat(count(section, name + " (") - inLonger).as("%s in the transfers section", name).isEqualTo(1);
        }
    }

    /** A recipient's or system's name as the transfers section lists it: as the policy writes it. */
    private static String nameAsWritten(Words w, nl.waarborg.policy.Text name, String id) {
        String n = w.t(name);
        return n.isEmpty() ? id : n;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static String firstWord(String s) {
        return s.strip().split("\\s+")[0];
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 50), Math.min(text.length(), at + 60)).replace('\n', ' ');
    }
}
