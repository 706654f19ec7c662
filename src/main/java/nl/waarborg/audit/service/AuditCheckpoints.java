package nl.waarborg.audit.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.waarborg.audit.Checkpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes the head of the audit chain (seq and hash) outside the database on a schedule: one line appended to an
 * owner-only file in the data folder ({@code audit-checkpoints}, mode 0600, never rewritten) and one log line, so
 * that deleting the tail of the log and resetting the head, which the chain alone cannot show, is found by
 * {@code waarborg audit verify --checkpoints FILE} (docs/audit.md). A checkpoint is written when the head has
 * moved since the last one. Copy the file or ship the log line to where the database's administrators cannot
 * write; in the data folder it only guards against someone who can change the database but not the files.
 * Only in the service, not in one-shot commands.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AuditCheckpoints implements SmartLifecycle {

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "audit-checkpoints";

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private static final long SHUTDOWN_WAIT_SECONDS = 2;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * {@code waarborg.audit.checkpoints.*}: how often the head is checked and, when it moved, written (0: never;
     * otherwise at least one second), and the file (default: {@code audit-checkpoints} in the data folder).
     */
    @ConfigurationProperties("waarborg.audit.checkpoints")
    public record Settings(@DefaultValue("15m") Duration interval, Path file) {
        public Settings {
            if (interval == null || interval.isNegative() || (!interval.isZero() && interval.compareTo(Duration.ofSeconds(1)) < 0)) {
                throw new IllegalArgumentException("waarborg.audit.checkpoints.interval must be 0 (off) or at least 1s, not "
                        + interval);
            }
        }
    }

    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration interval;
    private final Path file;
    private AuditLog.Head last;
    private volatile ScheduledExecutorService executor;

    AuditCheckpoints(AuditLog auditLog, Clock clock, Settings settings,
                     @org.springframework.beans.factory.annotation.Value("${waarborg.data-dir:data}") Path dataDir) {
        this.auditLog = auditLog;
        this.clock = clock;
        this.interval = settings.interval();
        this.file = settings.file() != null ? settings.file() : dataDir.resolve(FILE_NAME);
    }

    /** Where the checkpoints go. */
    public Path file() {
        return file;
    }

    /**
     * Appends the current head to the file and the log, unless it is where the last checkpoint of this process
     * left it (the scheduled task calls this; so may anyone who wants a checkpoint now). Returns what it wrote.
     */
    public synchronized Optional<Checkpoint> write() {
        AuditLog.Head head = auditLog.head();
        if (head.equals(last)) {
            return Optional.empty();
        }
        Checkpoint c = new Checkpoint(clock.instant(), head.lastSeq(), head.lastHash());
        append(file, c);
        last = head;
        log.info("audit checkpoint: event {} hash {}", c.seq(), c.hash().hex());
        return Optional.of(c);
    }

    /** Appends one line to {@code file}, creating it owner-only; an existing file is made owner-only too. */
    static void append(Path file, Checkpoint c) {
        try {
            if (Files.notExists(file)) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another writer created it meanwhile: append to it
                }
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            // APPEND: every write goes to the end, nothing is ever rewritten; SYNC: on disk before the log line says so
            Files.writeString(file, c.line() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit checkpoint file", e);
        }
    }

    /**
     * Reads a checkpoint file; a line that is not a checkpoint is an error naming the file and line (blank lines
     * are skipped).
     */
    public static List<Checkpoint> read(Path file) throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(Checkpoint.parse(line));
            } catch (IllegalArgumentException bad) {
                throw new IOException(file + ":" + n + ": not a checkpoint: " + bad.getMessage());
            }
        }
        return out;
    }

    private void scheduled() {
        try {
            write();
        } catch (RuntimeException e) {
            log.warn("audit checkpoint not written; the next one retries: {}", e.getClass().getName());
        }
    }

    @Override
    public void start() {
        if (interval.isZero()) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("waarborg-audit-checkpoints").factory());
        long millis = interval.toMillis();
        e.scheduleWithFixedDelay(this::scheduled, 0, millis, TimeUnit.MILLISECONDS);
        executor = e;
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            executor = null;
            // the head as the service leaves it, waited for a few seconds at most (FinalRun says why)
            if (!FinalRun.thenStop(e, Executors.callable(this::scheduled), java.time.Duration.ofSeconds(SHUTDOWN_WAIT_SECONDS))) {
                log.warn("audit checkpoint at shutdown not written within {} s", SHUTDOWN_WAIT_SECONDS);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return AuditRecorder.PHASE - 1; // after the recorder wrote its last events
    }
}
