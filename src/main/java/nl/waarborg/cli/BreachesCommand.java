package nl.waarborg.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarborg.breaches.Breach;
import nl.waarborg.breaches.BreachClock;
import nl.waarborg.breaches.Nature;
import nl.waarborg.breaches.service.BreachVersion;
import nl.waarborg.breaches.service.Breaches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `waarborg breaches list`: the breach register with each clock's state (docs/breaches.md). */
@Command(name = "breaches", description = "The breach register and the 72-hour clock.",
        subcommands = {BreachesCommand.ListBreaches.class})
final class BreachesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "list", description = "Breaches by awareness, the earliest first, with the clock's state and the "
            + "deadline in the organisation's zone.")
    static final class ListBreaches implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;
        @Spec
        CommandSpec spec;
        @Option(names = "--open", description = "only those not closed")
        boolean open;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return database.query(err, "GET /api/v1/breaches", ctx -> {
                Breaches breaches = ctx.getBean(Breaches.class);
                List<BreachVersion> list = breaches.list(open, 100_000);
                Instant now = Instant.now();
                out.println("REFERENCE\tSTATE\tDUE\tAWARE\tROLE\tNATURE\tSTATUS\tTITLE");
                for (BreachVersion v : list) {
                    Breach b = v.breach();
                    BreachClock c = breaches.clock(b);
                    out.println(String.join("\t", b.reference(), c.state(now, b.notified(), b.notificationNotRequired()).term(),
                            c.dueInZone().toOffsetDateTime().toString(), c.awareInZone().toOffsetDateTime().toString(),
                            b.role().term(), String.join(",", b.nature().stream().map(Nature::term).toList()),
                            b.open() ? "open" : "closed", b.title().replace('\t', ' ').replace('\n', ' ')));
                }
                out.println(list.size() + " breach" + (list.size() == 1 ? "" : "es"));
                out.flush();
                return 0;
            }).orElse(WaarborgCommand.UNREADABLE);
        }
    }
}
