package nl.waarborg.vault.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultCryptoTest {

    @TempDir
    Path dir;

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID item = UUID.randomUUID();

    @Test
    void masterKeyFileIsCreatedOwnerOnlyAndReusedOnRestart() throws Exception {
        Path file = dir.resolve("keys/master-key.json");
        MasterKey first = LocalMasterKey.openOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        byte[] wrapped = new SubjectKeys(first).newWrappedKey(ann);

        MasterKey again = LocalMasterKey.openOrCreate(file);
        ValueCipher cipher = new SubjectKeys(again).open(ann, wrapped);
        assertThat(cipher.decrypt(item, "email", cipher.encrypt(item, "email", "ann@example.nl"))).isEqualTo("ann@example.nl");
    }

    @Test
    void masterKeyReadableByOthersIsRefused() throws Exception {
        Path file = dir.resolve("master-key.json");
        LocalMasterKey.openOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> LocalMasterKey.openOrCreate(file)).hasMessageContaining("chmod 600");
    }

    @Test
    void valuesAreEncryptedAndBoundToSubjectAndCategory() {
        SubjectKeys keys = new SubjectKeys(LocalMasterKey.openOrCreate(dir.resolve("m.json")));
        byte[] annKey = keys.newWrappedKey(ann);
        ValueCipher cipher = keys.open(ann, annKey);
        byte[] sealed = cipher.encrypt(item, "email", "ann@example.nl");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("ann@example.nl");
        assertThatThrownBy(() -> cipher.decrypt(item, "phone", sealed)).as("relabelled category")
                .hasMessageNotContaining("ann@example.nl");
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), "email", sealed)).as("moved to another item")
                .hasMessageNotContaining("ann@example.nl");
        assertThatThrownBy(() -> keys.open(bob, annKey)).as("a key row copied to another subject")
                .isInstanceOf(SubjectKeys.KeyUnavailableException.class);
    }

    @Test
    void destroyingTheWrappedKeyShredsEveryCopyOfTheValues() {
        MasterKey master = LocalMasterKey.openOrCreate(dir.resolve("m.json"));
        SubjectKeys keys = new SubjectKeys(master);
        byte[] annKey = keys.newWrappedKey(ann);
        byte[] backupOfValue = keys.open(ann, annKey).encrypt(item, "email", "ann@example.nl");

        // erasure deletes the key row; a backup still holds the ciphertext, and a fresh key cannot read it
        byte[] replacement = keys.newWrappedKey(ann);
        assertThatThrownBy(() -> keys.open(ann, replacement).decrypt(item, "email", backupOfValue))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherMasterKeyCannotUnwrap() {
        byte[] wrapped = new SubjectKeys(LocalMasterKey.openOrCreate(dir.resolve("a.json"))).newWrappedKey(ann);
        SubjectKeys other = new SubjectKeys(LocalMasterKey.openOrCreate(dir.resolve("b.json")));
        assertThatThrownBy(() -> other.open(ann, wrapped)).isInstanceOf(SubjectKeys.KeyUnavailableException.class);
    }

    @Test
    void blindIndexFindsSpellingVariantsAndDependsOnTheKey() {
        MasterKey master = LocalMasterKey.openOrCreate(dir.resolve("m.json"));
        BlindIndex index = BlindIndex.openOrCreate(dir.resolve("index-key.bin"), master);
        assertThat(index.of(BlindIndex.Kind.EMAIL, " Ann@Example.NL ")).isEqualTo(index.of(BlindIndex.Kind.EMAIL, "ann@example.nl"));
        assertThat(index.of(BlindIndex.Kind.PHONE, "06-1234 5678")).isEqualTo(index.of(BlindIndex.Kind.PHONE, "+31 6 12345678"))
                .isEqualTo(index.of(BlindIndex.Kind.PHONE, "0031612345678"));
        assertThat(index.of(BlindIndex.Kind.EMAIL, "ann@example.nl")).isNotEqualTo(index.of(BlindIndex.Kind.EMAIL, "bob@example.nl"))
                .as("kinds are separated").isNotEqualTo(index.of(BlindIndex.Kind.REFERENCE, "ann@example.nl"));

        BlindIndex reopened = BlindIndex.openOrCreate(dir.resolve("index-key.bin"), master);
        assertThat(reopened.of(BlindIndex.Kind.EMAIL, "ann@example.nl")).isEqualTo(index.of(BlindIndex.Kind.EMAIL, "ann@example.nl"));
        BlindIndex otherKey = BlindIndex.openOrCreate(dir.resolve("other-index-key.bin"), master);
        assertThat(otherKey.of(BlindIndex.Kind.EMAIL, "ann@example.nl")).isNotEqualTo(index.of(BlindIndex.Kind.EMAIL, "ann@example.nl"));
    }

    @Test
    void identifiersThatAreNoIdentifiersAreRefusedNotIndexedAlike() {
        BlindIndex index = BlindIndex.openOrCreate(dir.resolve("bi.json"), LocalMasterKey.openOrCreate(dir.resolve("m.json")));
        assertThat(index.of(BlindIndex.Kind.PHONE, "+31 (0)6 1234 5678")).isEqualTo(index.of(BlindIndex.Kind.PHONE, "06-12345678"));
        assertThat(index.of(BlindIndex.Kind.EMAIL, " Ann@Example.NL ")).isEqualTo(index.of(BlindIndex.Kind.EMAIL, "ann@example.nl"));
        for (String notAPhone : new String[] {"n/a", "-", "12", "+0612345678"}) {
            assertThatThrownBy(() -> index.of(BlindIndex.Kind.PHONE, notAPhone)).as(notAPhone)
                    .isInstanceOf(BlindIndex.MalformedIdentifierException.class).hasMessage("not a phone number");
        }
        for (String notAnEmail : new String[] {"-", "ann", "@example.nl", "ann@", "a@b@c", "ann @example.nl"}) {
            assertThatThrownBy(() -> index.of(BlindIndex.Kind.EMAIL, notAnEmail)).as(notAnEmail)
                    .isInstanceOf(BlindIndex.MalformedIdentifierException.class).hasMessage("not an e-mail address");
        }
    }
}
