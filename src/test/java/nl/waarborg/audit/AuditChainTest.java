package nl.waarborg.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The canonical content and the hash: as docs/audit.md defines them, byte for byte. */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123456Z");
    private static final UUID SUBJECT = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static AuditEvent sealed(AuditEvent.Draft draft) {
        return new AuditChain().seal(draft, 1, AT, AuditHash.GENESIS);
    }

    private static final AuditEvent.Draft FULL = AuditEvent.draft("staff", "DPO", "read").purpose("contract")
            .subject(SUBJECT).categories("name", "email").outcome(Outcome.DENIED, "consent-withdrawn").policyVersion(3);

    /** A second, independent writing of the format in docs/audit.md (DataOutputStream is big-endian). */
    private static byte[] reference(AuditEvent e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeLong(e.seq());
        out.writeLong(e.occurredAt().getEpochSecond() * 1_000_000 + e.occurredAt().getNano() / 1000);
        str(out, e.actor());
        str(out, e.role());
        str(out, e.action());
        out.writeByte(e.purpose() == null ? 0 : 1);
        if (e.purpose() != null) {
            str(out, e.purpose());
        }
        out.writeByte(e.subjectId() == null ? 0 : 1);
        if (e.subjectId() != null) {
            out.writeLong(e.subjectId().getMostSignificantBits());
            out.writeLong(e.subjectId().getLeastSignificantBits());
        }
        out.writeInt(e.categories().size());
        for (String c : e.categories()) {
            str(out, c);
        }
        str(out, e.outcome().word());
        out.writeInt(e.reasons().size());
        for (String r : e.reasons()) {
            str(out, r);
        }
        out.writeByte(e.policyVersion() == null ? 0 : 1);
        if (e.policyVersion() != null) {
            out.writeLong(e.policyVersion());
        }
        return bytes.toByteArray();
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    @Test
    void contentIsTheDocumentedEncoding() throws IOException {
        AuditEvent full = sealed(FULL);
        assertThat(AuditChain.content(full)).isEqualTo(reference(full));
        AuditEvent bare = sealed(AuditEvent.draft("system:retention", "system", "sweep"));
        assertThat(AuditChain.content(bare)).isEqualTo(reference(bare));
    }

    @Test
    void encodingAndHashArePinned() {
        // docs/audit.md shows these bytes and this hash; if this fails, every stored chain would stop verifying
        AuditEvent full = sealed(FULL);
        assertThat(HexFormat.of().formatHex(AuditChain.content(full))).isEqualTo(
                "01" + "0000000000000001" + "000660dac1c216c0"
                        + "00000005" + "7374616666" + "00000003" + "44504f" + "00000004" + "72656164"
                        + "01" + "00000008" + "636f6e7472616374"
                        + "01" + "0f8fad5bd9cb469fa16570867728950e"
                        + "00000002" + "00000004" + "6e616d65" + "00000005" + "656d61696c"
                        + "00000006" + "64656e696564"
                        + "00000001" + "00000011" + "636f6e73656e742d77697468647261776e"
                        + "01" + "0000000000000003");
        assertThat(full.hash().hex()).isEqualTo(PINNED_HASH);
    }

    private static final String PINNED_HASH = "4a50959511c4340e3153e843551631b0906541dfc1bb4737cdcecfe52a9cda2b";

    @Test
    void hashIsSha256OfThePreviousHashAndTheContent() throws Exception {
        AuditEvent first = sealed(FULL);
        assertThat(first.prevHash().toBytes()).isEqualTo(new byte[32]);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[32]);
        assertThat(first.hash().toBytes()).isEqualTo(sha.digest(AuditChain.content(first)));

        AuditEvent second = new AuditChain().seal(FULL, 2, AT, first.hash());
        sha.update(first.hash().toBytes());
        assertThat(second.hash().toBytes()).isEqualTo(sha.digest(AuditChain.content(second)));
        assertThat(new AuditChain().expectedHash(second)).isEqualTo(second.hash());
    }

    @Test
    void timeIsKeptToTheMicrosecondAsTheDatabaseKeepsIt() {
        AuditEvent e = new AuditChain().seal(FULL, 1, Instant.parse("2026-11-22T10:15:30.123456789Z"), AuditHash.GENESIS);
        assertThat(e.occurredAt()).isEqualTo(AT);
        assertThat(e.hash()).isEqualTo(sealed(FULL).hash());
    }

    @Test
    void lengthsKeepDifferentEventsApart() {
        AuditEvent.Draft base = AuditEvent.draft("staff", "DPO", "read");
        assertThat(sealed(base.categories("ab")).hash()).isNotEqualTo(sealed(base.categories("a", "b")).hash());
        assertThat(sealed(base.categories("name")).hash()).isNotEqualTo(sealed(base.outcome(Outcome.ALLOWED, "name")).hash());
        assertThat(sealed(base.purpose("x")).hash()).isNotEqualTo(sealed(base).hash());
        AuditEvent withoutVersion = sealed(base);
        assertThat(sealed(base.policyVersion(1)).hash()).isNotEqualTo(withoutVersion.hash());
    }

    @Test
    void theSeqIsPartOfTheContent() {
        AuditEvent at1 = new AuditChain().seal(FULL, 1, AT, AuditHash.GENESIS);
        AuditEvent at2 = new AuditChain().seal(FULL, 2, AT, AuditHash.GENESIS);
        assertThat(at1.hash()).isNotEqualTo(at2.hash());
    }

    @Test
    void textOutsideAsciiIsEncodedAsUtf8() throws IOException {
        // a Draft only takes ASCII terms, but a row changed in the database may hold anything
        AuditEvent e = sealed(FULL);
        AuditEvent changed = new AuditEvent(e.seq(), e.occurredAt(), "zoë 😀 \uD800", e.role(), e.action(), e.purpose(),
                e.subjectId(), List.of("café"), e.outcome(), e.reasons(), e.policyVersion(), e.prevHash(), e.hash());
        assertThat(AuditChain.content(changed)).isEqualTo(reference(changed));
    }

    @Test
    void oneChainObjectServesManyEvents() {
        List<AuditEvent> events = AuditFixtures.chain(50);
        AuditChain reused = new AuditChain();
        for (AuditEvent e : events) {
            assertThat(reused.expectedHash(e)).isEqualTo(e.hash());
        }
    }
}
