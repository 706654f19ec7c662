package nl.waarborg.vault.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * A master key kept in a local Tink keyset file, created with owner-only permissions on first use. Keep the
 * file out of backups of the database: a database copy without this file cannot be decrypted.
 */
public final class LocalMasterKey implements MasterKey {

    private final Path file;
    private final Aead aead;

    private LocalMasterKey(Path file, Aead aead) {
        this.file = file;
        this.aead = aead;
    }

    /** Opens the key file, creating a new random AES-256-GCM key there if none exists yet. */
    public static LocalMasterKey openOrCreate(Path file) {
        CryptoSetup.ensure();
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            checkPermissions(file);
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            return new LocalMasterKey(file, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master key file " + file + " is not a valid Tink AEAD keyset", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.setPosixFilePermissions(parent, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path temp = Files.createTempFile(parent, ".master-key", ".tmp", ownerOnly());
        Files.writeString(temp, json, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            // a plain move would replace a key another process just created: never overwrite a key
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // another instance created it first; use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    /** A key readable by others is a key leaked: refuse to use it. */
    private static void checkPermissions(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new IllegalStateException("the master key file " + file + " is readable by others ("
                        + PosixFilePermissions.toString(perms) + "); run `chmod 600 " + file + "`");
            }
        } catch (UnsupportedOperationException notPosix) {
            // on a non-POSIX file system the folder's access control applies
        }
    }

    @Override
    public Aead aead() {
        return aead;
    }

    @Override
    public String description() {
        return "file " + file.toAbsolutePath();
    }
}
