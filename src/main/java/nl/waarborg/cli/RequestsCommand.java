package nl.waarborg.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.RequestKind;
import nl.waarborg.requests.service.Requests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `waarborg requests list`: the open data-subject requests by their deadline (docs/requests.md). */
@Command(name = "requests", description = "Data-subject requests and their deadlines.",
        subcommands = {RequestsCommand.ListRequests.class})
final class RequestsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "list", description = "Open requests by deadline, soonest first (unverified ones left out unless "
            + "--unverified).")
    static final class ListRequests implements Callable<Integer> {
        private static final Pattern DAYS = Pattern.compile("(\\d{1,4})([dw])");

        @Mixin
        DatabaseOptions database;
        @Spec
        CommandSpec spec;
        @Option(names = "--due-within", paramLabel = "N{d|w}", description = "only those due within N days or weeks (7d, 2w)")
        String dueWithin;
        @Option(names = "--overdue", description = "only those past their deadline")
        boolean overdue;
        @Option(names = "--unverified", description = "also those whose identity is still pending")
        boolean unverified;
        @Option(names = "--all", description = "closed ones too")
        boolean all;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Duration within = null;
            if (dueWithin != null) {
                Matcher m = DAYS.matcher(dueWithin);
                if (!m.matches()) {
                    err.println("waarborg: --due-within is a number of days or weeks, such as 7d or 2w, not " + dueWithin);
                    err.flush();
                    return WaarborgCommand.UNREADABLE;
                }
                within = Duration.ofDays(Long.parseLong(m.group(1)) * (m.group(2).equals("w") ? 7 : 1));
            }
            Duration chosen = within;
            return database.query(err, "GET /api/v1/requests", ctx -> {
                Requests requests = ctx.getBean(Requests.class);
                List<Request> list = requests.list(all, chosen, overdue, unverified, 10_000);
                LocalDate today = LocalDate.now(requests.zone());
                out.println("REFERENCE\tDUE\tDAYS LEFT\tKINDS\tIDENTITY\tSTATUS\tRECEIVED");
                for (Request r : list) {
                    out.println(String.join("\t", r.reference(), r.dueOn().toString()
                                    + (r.extendedTo() != null ? " (extended)" : ""),
                            Long.toString(ChronoUnit.DAYS.between(today, r.dueOn())),
                            String.join(",", r.kinds().stream().map(RequestKind::term).toList()), r.identity().term(),
                            r.status().term(), r.receivedAt().toString()));
                }
                out.println(list.size() + " request" + (list.size() == 1 ? "" : "s"));
                out.flush();
                return 0;
            }).orElse(WaarborgCommand.UNREADABLE);
        }
    }
}
