package nl.waarborg.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.waarborg.access.Caller;
import nl.waarborg.vault.crypto.MasterKey;
import nl.waarborg.vault.crypto.ValueCipher;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasure destroys the subject's data key, which lives outside the value database: a copy of the value database
 * taken before the erasure (a backup, dumped and restored with COPY as pg_dump does) still holds the subject's
 * ciphertexts, and with the same master key and key store they no longer decrypt. Other subjects' do.
 */
class CryptoShreddingTest extends ServiceTestBase {

    private static final Caller APP = new Caller("key:test", "staff", List.of("rental", "bookkeeping"), false);

    @Autowired
    Vault vault;

    @Autowired
    SubjectCiphers ciphers;

    @Autowired
    SubjectKeyStore keyStore;

    @Autowired
    MasterKey masterKey;

    @Autowired
    DataSource dataSource;

    /** A backup of the vault's tables, as pg_dump's data section holds them. */
    private record Backup(String subjects, String items) {
    }

    private record CopiedItem(UUID id, UUID subject, String category, byte[] value) {
    }

    @Test
    void aBackupTakenBeforeErasureCannotBeDecryptedAfterwards() throws Exception {
        UUID ann = vault.createSubjects(APP, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("customer")))).getFirst();
        UUID bob = vault.createSubjects(APP, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("customer")))).getFirst();
        vault.addItems(APP, List.of(
                new NewItem(ann, "name", "Ann de Vries", List.of("rental"), "subject", "vault", null),
                new NewItem(ann, "invoice", "INV-2026-001", List.of("bookkeeping"), "subject", "vault", null),
                new NewItem(bob, "name", "Bob Jansen", List.of("rental"), "subject", "vault", null)));

        Backup backup = dump();
        // control: the copy is a real copy, readable with the service's keys before the erasure
        List<CopiedItem> before = restore(backup, "copy_before");
        assertThat(decryptAll(before, ann)).containsExactlyInAnyOrder("Ann de Vries", "INV-2026-001");

        assertThat(http.delete("/api/v1/subjects/" + ann, staffToken()).statusCode()).isEqualTo(204);

        List<CopiedItem> after = restore(backup, "copy_after");
        List<CopiedItem> annsCopied = after.stream().filter(i -> i.subject().equals(ann)).toList();
        assertThat(annsCopied).as("the old copy still holds Ann's ciphertexts").hasSize(2);
        assertThat(keyStore.getAll(List.of(ann))).as("her key is gone from the key store").isEmpty();
        assertThat(ciphers.open(ann)).as("no cipher can be opened for her").isNull();
        // the master key alone does not decrypt values: they are under her (destroyed) data key
        for (CopiedItem item : annsCopied) {
            assertThatThrownBy(() -> masterKey.aead().decrypt(item.value(), new byte[0]))
                    .isInstanceOf(java.security.GeneralSecurityException.class);
        }
        for (String value : List.of("Ann de Vries", "INV-2026-001")) {
            assertThat(after.stream().map(i -> new String(i.value(), java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .noneMatch(s -> s.contains(value));
        }
        // Bob was not erased: the same copy still serves him
        assertThat(decryptAll(after, bob)).containsExactly("Bob Jansen");
        // and the live database holds nothing of Ann
        assertThat(count("SELECT count(*) FROM item WHERE subject_id = '" + ann + "'")).isZero();
        assertThat(count("SELECT count(*) FROM subject WHERE id = '" + ann + "'")).isZero();
        assertThat(http.get("/api/v1/subjects/" + ann, staffToken()).statusCode()).isEqualTo(404);
        assertThat(http.delete("/api/v1/subjects/" + ann, staffToken()).statusCode())
                .as("erasing twice: nothing left to erase").isEqualTo(404);
    }

    @Test
    void dataKeysAreNotInTheValueDatabase() throws Exception {
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'subject_key'")).isZero();
        assertThat(keyStore.description()).contains("waarborg_keys");
    }

    private List<String> decryptAll(List<CopiedItem> items, UUID subject) {
        ValueCipher cipher = ciphers.open(subject);
        assertThat(cipher).isNotNull();
        List<String> values = new ArrayList<>();
        for (CopiedItem i : items) {
            if (i.subject().equals(subject)) {
                values.add(cipher.decrypt(i.id(), i.category(), i.value()));
            }
        }
        return values;
    }

    private Backup dump() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringWriter subjects = new StringWriter();
            copy.copyOut("COPY subject TO STDOUT", subjects);
            StringWriter items = new StringWriter();
            copy.copyOut("COPY item TO STDOUT", items);
            return new Backup(subjects.toString(), items.toString());
        }
    }

    // Restores the backup into a schema of its own and reads the items back from there.
    private List<CopiedItem> restore(Backup backup, String schema) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".subject (LIKE public.subject)");
            s.execute("CREATE TABLE " + schema + ".item (LIKE public.item)");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY " + schema + ".subject FROM STDIN", new StringReader(backup.subjects()));
            copy.copyIn("COPY " + schema + ".item FROM STDIN", new StringReader(backup.items()));
            List<CopiedItem> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, subject_id, category, value FROM " + schema + ".item");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new CopiedItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBytes(4)));
                }
            }
            return items;
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
