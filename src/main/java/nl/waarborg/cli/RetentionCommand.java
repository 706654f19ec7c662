package nl.waarborg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.retention.service.RetentionForecast;
import nl.waarborg.retention.service.Sweeper;
import nl.waarborg.vault.ExpiringItems.DueGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `waarborg retention forecast|sweep`: what retention will erase, and a sweep now. */
@Command(name = "retention", description = "See what retention will erase, or sweep now.",
        subcommands = {RetentionCommand.Forecast.class, RetentionCommand.Sweep.class})
final class RetentionCommand implements Runnable {

    private static final String WHILE_RUNNING = "GET /api/v1/retention/forecast or POST /api/v1/retention/sweep";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "forecast", description = "What will be deleted or anonymised in the next N days, per category, "
            + "rule and system, with the attestation tasks due then.")
    static final class Forecast implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;
        @Spec
        CommandSpec spec;
        @Option(names = "--days", defaultValue = "30", paramLabel = "N", description = "how far ahead (default 30)")
        int days;
        @Option(names = "--policy", paramLabel = "FILE", description = "forecast under this policy instead of the one "
                + "in force (before activating a new version: a shortened period shows as items due at once)")
        Path policy;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (days < 0 || days > 3660) {
                err.println("waarborg: --days is 0 to 3660, not " + days);
                err.flush();
                return WaarborgCommand.UNREADABLE;
            }
            Policy candidate = null;
            if (policy != null) {
                try {
                    if (!Files.isRegularFile(policy)) {
                        err.println(policy + ": cannot read: no such file");
                        err.flush();
                        return WaarborgCommand.UNREADABLE;
                    }
                    PolicyLoader.Result loaded = PolicyLoader.load(policy);
                    List<Finding> errors = PolicyLint.lint(loaded).stream().filter(Finding::isError).toList();
                    if (!errors.isEmpty()) {
                        errors.forEach(f -> err.println(f.format()));
                        err.flush();
                        return 1;
                    }
                    candidate = loaded.loaded().policy();
                } catch (IOException e) {
                    err.println(policy + ": cannot read: " + e.getMessage());
                    err.flush();
                    return WaarborgCommand.UNREADABLE;
                }
            }
            Policy chosen = candidate;
            return database.query(err, WHILE_RUNNING, ctx -> {
                RetentionForecast f = ctx.getBean(RetentionForecast.class);
                print(out, chosen == null ? f.forecast(days) : f.forecast(days, chosen), chosen != null);
                return 0;
            }).orElse(WaarborgCommand.UNREADABLE);
        }
    }

    @Command(name = "sweep", description = "Run one sweep now: erase every due item (in batches, each with its audit "
            + "event) and plan attestation tasks.")
    static final class Sweep implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;
        @Spec
        CommandSpec spec;
        @Option(names = "--dry-run", description = "report what is due now; change nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return database.query(spec.commandLine().getErr(), WHILE_RUNNING, ctx -> {
                Sweeper.Report r = ctx.getBean(Sweeper.class).sweep(dryRun);
                if (r.dryRun()) {
                    out.println("dry run at " + r.at() + ": " + r.deleted() + " items due"
                            + (r.rescheduled() > 0 ? "; " + r.rescheduled() + " items have a schedule of an older policy "
                            + "version and are recomputed first" : ""));
                    printGroups(out, r.due());
                } else {
                    out.println("swept at " + r.at() + ": " + r.deleted() + " items erased (" + r.anonymised()
                            + " anonymised) in " + r.batches() + " batches; " + r.rescheduled() + " schedules recomputed; "
                            + r.attestationTasksCreated() + " attestation tasks created");
                    r.byCategoryAndRule().forEach((k, n) -> out.println("  " + k + "\t" + n));
                }
                r.records().forEach((records, n) -> out.println(records + ": " + n + (r.dryRun() ? " due" : " erased")));
                if (!r.systems().isEmpty()) { // the organisation's own systems, each swept on its own (docs/systems.md)
                    out.println("SYSTEM\tCONNECTOR\tSTATUS\tCOUNTS\tCAUSE");
                    r.systems().forEach(s -> out.println(String.join("\t", s.system(), s.connector(), s.status(),
                            s.counts().toString(), s.cause() == null ? "" : s.cause())));
                }
                out.flush();
                return 0;
            }).orElse(WaarborgCommand.UNREADABLE);
        }
    }

    static void print(PrintWriter out, RetentionForecast.Forecast f, boolean candidate) {
        out.println("Retention forecast " + f.from() + " to " + f.until() + " (" + f.days() + " days), under "
                + (candidate ? "the given policy (not in force)" : "policy version " + f.policyVersion()) + ": "
                + f.items() + " items, " + f.overdue() + " of them due already");
        if (f.staleSchedules() > 0) {
            out.println("  " + f.staleSchedules() + " items have a schedule of an older policy version; the next sweep "
                    + "recomputes them first");
        }
        printGroups(out, f.groups());
        printUndated(out, f);
        if (!f.systems().isEmpty()) { // the organisation's own systems, as each counts (docs/systems.md)
            out.println("SYSTEM\tCONNECTOR\tSTATUS\tDUE NOW\tDUE BY " + f.until() + "\tCAUSE");
            f.systems().forEach(s -> out.println(String.join("\t", s.system(), s.connector(), s.status(),
                    s.dueNow().toString(), s.dueBy().toString(), s.cause() == null ? "" : s.cause())));
        }
        if (!f.attestations().isEmpty()) {
            out.println("ATTESTATION DUE\tRULE\tSYSTEM\tOWNER\tCATEGORIES\tSTATE");
            for (RetentionForecast.Attestation a : f.attestations()) {
                out.println(String.join("\t", a.dueAt().toString(), a.rule(), a.system(), a.owner(),
                        String.join(",", a.categories()), a.id() == null ? "planned" : a.overdue() ? "overdue" : "open"));
            }
        }
        out.flush();
    }

    /** What is kept without a date, so that nothing is kept indefinitely unseen: "kept until contract-ended". */
    private static void printUndated(PrintWriter out, RetentionForecast.Forecast f) {
        if (f.undatedItems() == 0) {
            return;
        }
        out.println("Kept without a due date: " + f.undatedItems() + " items");
        out.println("CATEGORY\tRULE\tKEPT\tITEMS");
        for (RetentionForecast.Undated u : f.undated()) {
            String kept = switch (u.reason()) {
                case START_EVENT_PENDING -> "until " + String.join(" or ", u.startEvents());
                case OPEN_ENDED_HOLD -> "while an open-ended hold runs";
                case NO_CONCRETE_PERIOD -> "without a concrete period";
                case NO_RULE -> "without a recorded rule";
            };
            out.println(String.join("\t", u.category(), String.valueOf(u.rule()), kept, Long.toString(u.items())));
        }
    }

    private static void printGroups(PrintWriter out, List<DueGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        out.println("CATEGORY\tRULE\tSYSTEM\tACTION\tITEMS\tFIRST DUE\tLAST DUE");
        for (DueGroup g : groups) {
            out.println(String.join("\t", g.category(), String.valueOf(g.rule()), g.system(), g.action().term(),
                    Long.toString(g.items()), g.first().toString(), g.last().toString()));
        }
    }
}
