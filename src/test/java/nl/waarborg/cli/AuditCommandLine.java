package nl.waarborg.cli;

import picocli.CommandLine;

/**
 * `waarborg audit …` as its own program, for scripts/bench-audit to time the command as a user runs it (JVM,
 * Spring and PostgreSQL start included) whether or not WaarborgCommand lists `audit` yet.
 */
public final class AuditCommandLine {

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "waarborg-cli-logback.xml");
        CommandLine cl = WaarborgCommand.commandLine();
        if (!cl.getSubcommands().containsKey("audit")) {
            cl.addSubcommand(new AuditCommand());
        }
        String[] all = new String[args.length + 1];
        all[0] = "audit";
        System.arraycopy(args, 0, all, 1, args.length);
        System.exit(cl.execute(all));
    }

    private AuditCommandLine() {
    }
}
