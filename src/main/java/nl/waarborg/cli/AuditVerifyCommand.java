package nl.waarborg.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.waarborg.audit.AuditChainVerifier;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditHash;
import nl.waarborg.audit.Checkpoint;
import nl.waarborg.audit.CheckpointCheck;
import nl.waarborg.audit.AuditJsonLines;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditCheckpoints;
import nl.waarborg.audit.service.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `waarborg audit verify [--data DIR | --database-url URL | --file EXPORT] [--checkpoints FILE]`: re-computes the
 * chain and, given checkpoints of its head kept outside the database, holds it against them (a removed tail).
 * Exit 0 intact, 1 broken (`audit chain broken at event SEQ: reason`), 2 the log or the checkpoints could not be read.
 */
@Command(name = "verify", description = "Re-compute the audit chain and name the first event that does not hold.")
final class AuditVerifyCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--file", paramLabel = "EXPORT",
            description = "verify an export (`waarborg audit export`, JSON lines) instead of a database")
    Path file;

    @Option(names = "--checkpoints", paramLabel = "FILE",
            description = "checkpoints of the head kept outside the database (the service's <data>/audit-checkpoints): "
                    + "a checkpoint beyond the end of the log, or with another hash, is a break")
    Path checkpointFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (file != null && (database.data != null || database.databaseUrl != null)) {
            err.println("waarborg: give --file or a database (--data, --database-url), not both");
            err.flush();
            return WaarborgCommand.UNREADABLE;
        }
        List<Checkpoint> checkpoints = List.of();
        if (checkpointFile != null) {
            try {
                checkpoints = AuditCheckpoints.read(checkpointFile);
            } catch (IOException e) {
                err.println("waarborg: " + (e instanceof java.nio.file.NoSuchFileException ? checkpointFile + ": no such file"
                        : e.getMessage() != null && e.getMessage().startsWith(checkpointFile.toString()) ? e.getMessage()
                        : checkpointFile + ": cannot read: " + e.getMessage()));
                err.flush();
                return WaarborgCommand.UNREADABLE;
            }
        }
        List<Checkpoint> held = checkpoints;
        String heldNote = held.isEmpty() ? "" : "; " + held.size() + (held.size() == 1 ? " checkpoint holds" : " checkpoints hold");
        Optional<Checked> checked = file != null ? verifyFile(err, held)
                : database.query(err, AuditCommand.HTTP_VERIFY, ctx -> new Checked(ctx.getBean(AuditLog.class).verify(held), ""));
        if (checked.isEmpty()) {
            return WaarborgCommand.UNREADABLE;
        }
        int code = switch (checked.get().result()) {
            case Verification.Ok ok -> {
                out.println("audit chain intact: " + ok.events() + (ok.events() == 1 ? " event" : " events")
                        + (ok.events() == 0 ? "" : ", the last is event " + ok.lastSeq() + " with hash " + ok.lastHash().hex())
                        + checked.get().note() + heldNote);
                yield 0;
            }
            case Verification.Broken broken -> {
                out.println(broken.message());
                yield 1;
            }
        };
        out.flush();
        return code;
    }

    private record Checked(Verification result, String note) {
    }

    /**
     * An export from the start is checked from the genesis hash; one that starts later (a page of the HTTP export)
     * is checked from its first event on, trusting that event's previous hash. A file has no head to compare the
     * end with: compare the last hash with one kept elsewhere (docs/audit.md).
     */
    private Optional<Checked> verifyFile(PrintWriter err, List<Checkpoint> checkpoints) {
        AuditChainVerifier verifier = null;
        Set<Long> wanted = CheckpointCheck.seqs(checkpoints);
        Map<Long, AuditHash> hashes = new HashMap<>();
        long firstSeq = 1;
        String note = "";
        long lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                AuditEvent e;
                try {
                    e = AuditJsonLines.parse(line);
                } catch (RuntimeException bad) {
                    if (verifier == null) {
                        verifier = new AuditChainVerifier();
                    }
                    verifier.brokenAt(verifier.lastSeq() + 1, Verification.Why.CONTENT_CHANGED,
                            "line " + lineNo + " of " + file + " is not an audit event (" + bad.getMessage() + ")");
                    break;
                }
                if (verifier == null) {
                    boolean fromStart = e.seq() == 1;
                    firstSeq = e.seq();
                    verifier = fromStart ? new AuditChainVerifier() : AuditChainVerifier.after(e.seq() - 1, e.prevHash());
                    note = fromStart ? "" : " (the export starts at event " + e.seq() + "; its link to event "
                            + (e.seq() - 1) + " is not checked)";
                }
                if (!verifier.accept(e)) {
                    break;
                }
                if (wanted.contains(e.seq())) {
                    hashes.put(e.seq(), e.hash());
                }
            }
        } catch (IOException e) {
            err.println("waarborg: " + file + ": cannot read: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
        Verification chain = (verifier == null ? new AuditChainVerifier() : verifier).result();
        long from = firstSeq;
        // checkpoints before a partial export's first event cannot be checked against it
        List<Checkpoint> within = checkpoints.stream().filter(c -> c.seq() >= from || c.seq() == 0).toList();
        return Optional.of(new Checked(CheckpointCheck.check(chain, within, hashes), note));
    }
}
