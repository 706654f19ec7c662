package nl.waarborg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `waarborg` command line: one executable jar, one subcommand per task. */
@Command(name = "waarborg", mixinStandardHelpOptions = true, version = "Waarborg 0.1.0",
        description = "Waarborg: the privacy statement made executable.",
        subcommands = {ServeCommand.class, LintCommand.class, StatementCommand.class, RegisterCommand.class,
                KeysCommand.class, AuditCommand.class, RetentionCommand.class, SystemsCommand.class,
                RequestsCommand.class, BreachesCommand.class})
public final class WaarborgCommand implements Runnable {

    /** Exit code for input that could not be read at all (design.md). */
    public static final int UNREADABLE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            // before any logger exists: one-shot commands keep stdout for their output
            System.setProperty("logback.configurationFile", "waarborg-cli-logback.xml");
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new WaarborgCommand());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("waarborg: " + ex.getMessage());
            return UNREADABLE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("waarborg: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return UNREADABLE;
        });
        return cl;
    }
}
