package nl.waarborg.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `waarborg audit verify|export`: check and export the hash-chained audit log (docs/audit.md). */
@Command(name = "audit", description = "Check and export the audit log.",
        subcommands = {AuditVerifyCommand.class, AuditExportCommand.class})
final class AuditCommand implements Runnable {

    /** What to use while a running service holds the data folder. */
    static final String HTTP_VERIFY = "GET /api/v1/audit/verify";
    static final String HTTP_EVENTS = "GET /api/v1/audit/events";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
