package nl.waarborg.cli;

import picocli.CommandLine;

/** The configured `waarborg` command line, for embedding and tests. */
public final class CommandLines {

    private CommandLines() {
    }

    public static CommandLine waarborg() {
        return WaarborgCommand.commandLine();
    }
}
