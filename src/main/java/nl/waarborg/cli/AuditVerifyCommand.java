package nl.waarborg.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.waarborg.audit.AuditChainVerifier;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditJsonLines;
import nl.waarborg.audit.Verification;
import nl.waarborg.audit.service.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `waarborg audit verify [--data DIR | --database-url URL | --file EXPORT]`: re-computes the chain.
 * Exit 0 intact, 1 broken (`audit chain broken at event SEQ: reason`), 2 the log could not be read.
 */
@Command(name = "verify", description = "Re-compute the audit chain and name the first event that does not hold.")
final class AuditVerifyCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--file", paramLabel = "EXPORT",
            description = "verify an export (`waarborg audit export`, JSON lines) instead of a database")
    Path file;

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
        Optional<Checked> checked = file != null ? verifyFile(err)
                : database.query(err, AuditCommand.HTTP_VERIFY, ctx -> new Checked(ctx.getBean(AuditLog.class).verify(), ""));
        if (checked.isEmpty()) {
            return WaarborgCommand.UNREADABLE;
        }
        int code = switch (checked.get().result()) {
            case Verification.Ok ok -> {
                out.println("audit chain intact: " + ok.events() + (ok.events() == 1 ? " event" : " events")
                        + (ok.events() == 0 ? "" : ", the last is event " + ok.lastSeq() + " with hash " + ok.lastHash().hex())
                        + checked.get().note());
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
    private Optional<Checked> verifyFile(PrintWriter err) {
        AuditChainVerifier verifier = null;
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
                    verifier = fromStart ? new AuditChainVerifier() : AuditChainVerifier.after(e.seq() - 1, e.prevHash());
                    note = fromStart ? "" : " (the export starts at event " + e.seq() + "; its link to event "
                            + (e.seq() - 1) + " is not checked)";
                }
                if (!verifier.accept(e)) {
                    break;
                }
            }
        } catch (IOException e) {
            err.println("waarborg: " + file + ": cannot read: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
        return Optional.of(new Checked((verifier == null ? new AuditChainVerifier() : verifier).result(), note));
    }
}
