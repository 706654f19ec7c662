package nl.waarborg.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The folder a Waarborg instance keeps its state in, held with an exclusive OS file lock for as long as the
 * instance runs, so a second instance on the same folder stops with a clear message instead of starting a
 * second PostgreSQL over the same files.
 */
public final class DataFolder implements AutoCloseable {

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolder(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
    }

    public static DataFolder open(Path root) {
        try {
            // the folder holds keys, secrets and the database: no other user of the machine may enter it
            OwnerOnly.directory(root);
            OwnerOnly.tighten(root);
            Path lockFile = root.resolve("waarborg.lock");
            FileChannel channel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE), OwnerOnly.fileAttribute());
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // held by this very JVM (another instance started in-process)
            }
            if (lock == null) {
                String holder = Files.readString(lockFile).trim();
                channel.close();
                throw new DataFolderInUseException(root, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new DataFolder(root, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data folder " + root.toAbsolutePath(), e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    /**
     * Whether a running Waarborg holds the folder and has published where its database listens (its socket folder,
     * in {@code database.properties}); one-shot commands then attach to that database instead of starting one.
     */
    public static boolean heldByRunningService(Path root) {
        Path lockFile = root.resolve("waarborg.lock");
        if (!Files.exists(lockFile) || !Files.exists(root.resolve("database.properties"))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe != null) {
                probe.release();
                return false; // nobody holds it: what was published is stale
            }
            return true;
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another running Waarborg holds the folder. */
    public static final class DataFolderInUseException extends IllegalStateException {
        private final Path root;
        private final String holder;

        public DataFolderInUseException(Path root, String holder) {
            super("the data folder " + root.toAbsolutePath() + " is in use by another running Waarborg ("
                    + (holder.isEmpty() ? "unknown process" : holder)
                    + "); stop it first, or start this one with another folder (--data DIR)");
            this.root = root;
            this.holder = holder.isEmpty() ? "unknown process" : holder;
        }

        public Path root() {
            return root;
        }

        /** What the lock file says about the holder, such as {@code pid 1234}. */
        public String holder() {
            return holder;
        }
    }
}
