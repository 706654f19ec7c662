package nl.waarborg.database;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders only their owner may read: the data folder holds the master key, the database's secrets and
 * the staff token, so neither the folder nor anything in it is readable by another user of the machine.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the folder (and missing parents) and makes the folder itself owner-only. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (POSIX) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
        return dir;
    }

    /** The attribute that creates a file owner-only from its first byte (empty where the file system has none). */
    public static FileAttribute<?>[] fileAttribute() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Writes {@code content} to a new owner-only file next to {@code file} and moves it into place. */
    public static void write(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp", fileAttribute());
        try {
            Files.writeString(temp, content);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Takes group and other permissions off {@code root} and everything below it (files made by an earlier version,
     * or by hand). Symbolic links are not followed.
     */
    public static void tighten(Path root) throws IOException {
        if (!POSIX || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> now;
                try {
                    now = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // removed while walking (a temporary file of PostgreSQL's)
                }
                Set<PosixFilePermission> tight = java.util.EnumSet.noneOf(PosixFilePermission.class);
                for (PosixFilePermission x : now) {
                    if (x == PosixFilePermission.OWNER_READ || x == PosixFilePermission.OWNER_WRITE
                            || x == PosixFilePermission.OWNER_EXECUTE) {
                        tight.add(x);
                    }
                }
                if (!tight.equals(now)) {
                    try {
                        Files.setPosixFilePermissions(p, tight);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // as above
                    }
                }
            }
        }
    }

    /** Whether anyone but the owner may read, write or enter {@code path}. */
    public static boolean isOpenToOthers(Path path) throws IOException {
        if (!POSIX) {
            return false;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return p.stream().anyMatch(x -> x != PosixFilePermission.OWNER_READ && x != PosixFilePermission.OWNER_WRITE
                && x != PosixFilePermission.OWNER_EXECUTE);
    }
}
