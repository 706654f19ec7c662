package nl.waarborg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `waarborg lint POLICY…`: exit 0 clean or warnings only, 1 errors found, 2 unreadable input. */
@Command(name = "lint", description = "Check policies against the format and the GDPR rules.")
final class LintCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "POLICY", description = "policy files to check")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean errors = false;
        boolean unreadable = false;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println(file + ": cannot read: no such file");
                unreadable = true;
                continue;
            }
            try {
                List<Finding> findings = PolicyLint.lint(file);
                for (Finding f : findings) {
                    out.println(f.format());
                }
                errors |= findings.stream().anyMatch(Finding::isError);
                unreadable |= PolicyLoader.unreadable(findings); // too large or not UTF-8: printed, and exit 2
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                unreadable = true;
            }
        }
        out.flush();
        return unreadable ? WaarborgCommand.UNREADABLE : errors ? 1 : 0;
    }
}
