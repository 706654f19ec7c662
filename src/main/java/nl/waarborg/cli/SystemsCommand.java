package nl.waarborg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarborg.demo.DemoCrm;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.systems.Secrets;
import nl.waarborg.systems.check.MappingCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `waarborg systems check`: the systems Waarborg reaches, checked against what they really are. */
@Command(name = "systems", description = "Check the systems Waarborg reaches.", subcommands = SystemsCommand.Check.class)
final class SystemsCommand implements Runnable {

    /** The policy `waarborg serve` enforces when given none. */
    static final String DEFAULT_POLICY = "classpath:examples/self-storage.yaml";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /**
     * Connects to every jdbc system of the policy and checks its mapping against the live schema. Exit 0 clean or
     * warnings only, 1 errors (in the policy or a mapping), 2 the policy cannot be read or a system cannot be reached.
     */
    @Command(name = "check", description = "Connect to every jdbc system and check its mapping against the live schema "
            + "(tables, columns, types, keys, indexes, unmapped personal data).")
    static final class Check implements Callable<Integer> {

        @Option(names = "--policy", paramLabel = "FILE", description = "the policy; default: the one `waarborg serve` "
                + "enforces without --policy (the self-storage example)")
        Path policy;

        @Option(names = "--data", paramLabel = "DIR", description = "the data folder, where `password: {file: …}` "
                + "settings are read; default ./data")
        Path data;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
                description = "how long a system may take to answer (default 10)")
        int timeout;

        @Spec
        CommandSpec spec;

        /** The environment settings are read from; replaceable in tests. */
        java.util.Map<String, String> environment = System.getenv();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                PolicyLoader.Result loaded = load(err);
                if (loaded == null) {
                    return WaarborgCommand.UNREADABLE;
                }
                List<Finding> errors = PolicyLint.lint(loaded).stream().filter(Finding::isError).toList();
                if (!errors.isEmpty() || !loaded.ok()) {
                    errors.forEach(f -> err.println(f.format()));
                    err.println("waarborg: the policy has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                            + "; fix them before checking its systems (`waarborg lint`)");
                    return PolicyLoader.unreadable(errors) ? WaarborgCommand.UNREADABLE : 1;
                }
                return check(loaded.loaded(), out, err);
            } finally {
                out.flush();
                err.flush();
            }
        }

        private int check(LoadedPolicy policy, PrintWriter out, PrintWriter err) {
            Path dir = data != null ? data : Path.of("data");
            // a folder `serve --demo` ran in: its CRM's settings (docs/systems.md, "The demo")
            java.util.Map<String, String> env = java.nio.file.Files.isRegularFile(DemoCrm.settingsFile(dir))
                    ? Secrets.overlay(environment, DemoCrm.settingsFile(dir)) : environment;
            MappingCheck check = new MappingCheck(new Secrets(dir, env),
                    Duration.ofSeconds(Math.max(1, timeout)));
            List<MappingCheck.Outcome> outcomes = check.checkAll(policy);
            if (outcomes.isEmpty()) {
                err.println("waarborg: " + policy.source() + " declares no system with a `jdbc:` mapping; nothing to check");
                return 0;
            }
            boolean errors = false;
            boolean unreachable = false;
            for (MappingCheck.Outcome o : outcomes) {
                switch (o) {
                    case MappingCheck.Checked c -> {
                        c.findings().forEach(f -> out.println(f.format()));
                        errors |= c.findings().stream().anyMatch(Finding::isError);
                    }
                    case MappingCheck.Unreachable u -> {
                        err.println("waarborg: " + u.cause());
                        unreachable = true;
                    }
                }
            }
            return unreachable ? WaarborgCommand.UNREADABLE : errors ? 1 : 0;
        }

        /** The policy file, or the default one from the jar; null after saying why it cannot be read. */
        private PolicyLoader.Result load(PrintWriter err) {
            if (policy == null) {
                String resource = DEFAULT_POLICY.substring("classpath:".length());
                try (InputStream in = SystemsCommand.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        err.println("waarborg: the default policy " + DEFAULT_POLICY + " is not in this build; give --policy FILE");
                        return null;
                    }
                    return PolicyLoader.load(DEFAULT_POLICY, in.readAllBytes());
                } catch (IOException e) {
                    err.println("waarborg: cannot read " + DEFAULT_POLICY + ": " + e.getMessage());
                    return null;
                }
            }
            if (!Files.isRegularFile(policy)) {
                err.println(policy + ": cannot read: no such file");
                return null;
            }
            try {
                return PolicyLoader.load(policy);
            } catch (IOException e) {
                err.println(policy + ": cannot read: " + e.getMessage());
                return null;
            }
        }
    }
}
