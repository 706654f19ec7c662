package nl.waarborg.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditJsonLines;
import nl.waarborg.audit.service.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `waarborg audit export [-o FILE] [--data DIR | --database-url URL]`: every event as JSON lines, from one
 * snapshot. Exit 0 written, 2 the log could not be read or the output not written. The summary on standard
 * error names the last event's hash: keeping it elsewhere is what makes a rewritten log detectable.
 */
@Command(name = "export", description = "Write the audit log as JSON lines, one event per line.")
final class AuditExportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Spec
    CommandSpec spec;

    /** Where the lines go without -o. Replaceable in tests. */
    OutputStream stdout = System.out;

    private record Exported(long events, AuditEvent last) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Exported> exported;
        try {
            exported = database.query(err, AuditCommand.HTTP_EVENTS, ctx -> write(ctx.getBean(AuditLog.class)));
        } catch (UncheckedIOException e) {
            err.println("waarborg: " + (output == null ? "standard output" : output.toString()) + ": cannot write: "
                    + e.getCause().getMessage());
            err.flush();
            return WaarborgCommand.UNREADABLE;
        }
        if (exported.isEmpty()) {
            return WaarborgCommand.UNREADABLE;
        }
        Exported x = exported.get();
        err.println("exported " + x.events() + (x.events() == 1 ? " event" : " events")
                + (x.last() == null ? "" : "; the last is event " + x.last().seq() + " with hash " + x.last().hash().hex()));
        err.flush();
        return 0;
    }

    private Exported write(AuditLog log) {
        try {
            if (output == null) {
                Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
                Exported x = writeAll(log, w);
                w.flush();
                return x;
            }
            // through a temporary file beside the target, so a failed export never leaves half a log
            Path absolute = output.toAbsolutePath();
            Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                Exported x;
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    x = writeAll(log, w);
                }
                try {
                    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
                return x;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Exported writeAll(AuditLog log, Writer w) {
        AuditEvent[] last = new AuditEvent[1];
        long n = log.forEach(0, e -> {
            try {
                w.write(AuditJsonLines.line(e));
                w.write('\n');
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            last[0] = e;
        });
        return new Exported(n, last[0]);
    }
}
