package nl.waarborg.policy;

import static nl.waarborg.policy.PolicyFixtures.clean;
import static nl.waarborg.policy.PolicyFixtures.cleanWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, section 4: what a policy file may be. YAML anchors and aliases are refused with their position
 * (an alias was read as the text of its name and published); bytes that are not UTF-8 are an error with a
 * position; a file over the size limit is refused without being read; one huge string stays cheap.
 */
class PolicyInputLimitsTest {

    @TempDir
    Path dir;

    private static PolicyLoader.Result load(String yaml) {
        return PolicyLoader.load("p.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAliasIsRefusedWithItsPositionInsteadOfBeingReadAsItsName() {
        String yaml = cleanWith("  name: Testopslag B.V.", "  name: &v Testopslag B.V.\n  trade-name: *v");
        PolicyLoader.Result result = load(yaml);
        assertThat(result.ok()).isFalse();
        List<String> lines = result.findings().stream().map(Finding::format).toList();
        int anchorLine = yaml.lines().toList().indexOf("  name: &v Testopslag B.V.") + 1;
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("p.yaml:" + anchorLine + ":").contains("error yaml-anchor"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("p.yaml:" + (anchorLine + 1) + ":").contains("error yaml-alias"));
    }

    @Test
    void anAliasIsNotPublishedAsTheTextOfItsName() {
        // before: no finding, and the register showed KvK number "v"
        String yaml = cleanWith("  name: Testopslag B.V.", "  name: &v Testopslag B.V.").replace("  kvk: \"12345678\"", "  kvk: *v");
        PolicyLoader.Result result = load(yaml);
        assertThat(result.ok()).isFalse();
        assertThat(result.findings()).extracting(Finding::rule).contains("yaml-anchor", "yaml-alias");
    }

    @Test
    void anAnchorOnAMappingIsRefused() {
        PolicyLoader.Result result = load(cleanWith("  address: {street: Teststraat 1,", "  address: &a {street: Teststraat 1,"));
        assertThat(result.ok()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("yaml-anchor"));
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorAtTheirPosition() {
        byte[] good = clean().getBytes(StandardCharsets.UTF_8);
        String text = clean();
        int at = text.indexOf("Testopslag B.V.");
        byte[] bad = good.clone();
        bad[at] = (byte) 0xff; // line 7, column 9: "  name: T…"
        PolicyLoader.Result result = PolicyLoader.load("p.yaml", bad);
        assertThat(result.ok()).isFalse();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.format()).startsWith("p.yaml:7:9: error encoding:");
            assertThat(PolicyLoader.unreadable(List.of(f))).isTrue();
        });
        assertThat(PolicyLoader.load("p.yaml", new byte[] {'a', ':', ' ', (byte) 0xc3}).findings().getFirst().rule())
                .as("a sequence cut off at the end").isEqualTo("encoding");
        assertThat(PolicyLoader.load("p.yaml", new byte[] {'a', ':', ' ', (byte) 0xed, (byte) 0xa0, (byte) 0x80})
                .findings().getFirst().rule()).as("an encoded surrogate").isEqualTo("encoding");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutBeingRead() throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024); // 50 MB, sparse: never read
        }
        PolicyLoader.Result result = PolicyLoader.load(huge);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.format()).startsWith(huge + ":1:1: error policy-too-large:").contains("1048576 bytes");
        });
        assertThat(PolicyLoader.unreadable(result.findings())).isTrue();
    }

    @Test
    @Timeout(60) // a guard against a hang, not a speed figure: this lints in well under a second
    void lintingAFileWithOneHugeStringJustUnderTheLimitStaysCheap() {
        int room = PolicyLoader.MAX_BYTES - clean().length() - 100;
        String hugeValue = cleanWith("  name: Testopslag B.V.", "  name: \"" + "x".repeat(room) + "\"");
        assertThat(hugeValue.length()).isLessThan(PolicyLoader.MAX_BYTES);
        assertThat(PolicyLint.lint(load(hugeValue))).noneMatch(f -> f.rule().equals("yaml-syntax"));

        String hugeKey = cleanWith("  name: Testopslag B.V.", "  name: Testopslag B.V.\n  " + "k".repeat(room) + ": 1");
        assertThat(PolicyLint.lint(load(hugeKey))).anySatisfy(f -> assertThat(f.isError()).isTrue());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "waarborg: " + "[".repeat(10_000) + "]".repeat(10_000);
        PolicyLoader.Result result = load(deep);
        assertThat(result.ok()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("yaml-syntax"));
    }

    @Test
    void lintExitsTwoAndPrintsTheFindingForAFileThatIsNotUtf8() throws IOException {
        Path bad = Files.write(dir.resolve("bad.yaml"), new byte[] {'w', 'a', 'a', 'r', 'b', 'o', 'r', 'g', ':', ' ', (byte) 0xfe});
        List<Finding> findings = PolicyLint.lint(bad);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.format()).isEqualTo(bad
                + ":1:11: error encoding: the file is not valid UTF-8 here (byte 0xfe at offset 10); save it as UTF-8"));
        assertThat(PolicyLoader.unreadable(findings)).isTrue();
    }
}
