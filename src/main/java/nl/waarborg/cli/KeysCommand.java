package nl.waarborg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarborg.web.ApiKey;
import nl.waarborg.web.ApiKeys;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `waarborg keys create|list|revoke`: the API keys applications call Waarborg with. */
@Command(name = "keys", description = "Manage the API keys of applications.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand {

    @Option(names = "--data", paramLabel = "DIR", description = "data folder; default ./data", scope = picocli.CommandLine.ScopeType.INHERIT)
    Path data;

    @Option(names = "--database-url", paramLabel = "JDBC-URL", description = "an external PostgreSQL",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    String databaseUrl;

    /** Runs one key operation on the stored keys; a refusal (bad role or purpose) is exit 1 with its reason. */
    int run(CommandSpec spec, java.util.function.ToIntFunction<ApiKeys> action) {
        try (ConfigurableApplicationContext ctx = ServiceContext.open(data, databaseUrl)) {
            return action.applyAsInt(ctx.getBean(ApiKeys.class));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("waarborg: " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "create", description = "Create a key for a policy role and purposes; the key is printed once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "a role declared in the policy")
        String role;
        @Option(names = "--purposes", required = true, split = ",", paramLabel = "P,…",
                description = "purposes that grant the role")
        List<String> purposes;
        @Option(names = "--label", paramLabel = "TEXT", description = "what the key is for, e.g. the application's name")
        String label;

        @Override
        public Integer call() {
            return parent.run(spec, keys -> {
                ApiKeys.Created created = keys.create(role, purposes, label);
                PrintWriter out = spec.commandLine().getOut();
                out.println(created.plaintext());
                out.flush();
                spec.commandLine().getErr().println("Key " + created.key().prefix() + " for role " + role
                        + " created. It is shown only now: store it in the application's secret store.");
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return parent.run(spec, keys -> {
                PrintWriter out = spec.commandLine().getOut();
                out.println("PREFIX\tROLE\tPURPOSES\tCREATED\tSTATE\tLABEL");
                for (ApiKey k : keys.list()) {
                    out.println(String.join("\t", k.prefix(), k.role(), String.join(",", k.purposes()),
                            k.createdAt().toString(), k.active() ? "active" : "revoked " + k.revokedAt(),
                            k.label() == null ? "" : k.label()));
                }
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "revoke", description = "Revoke a key by its prefix; calls with it are refused from then on.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PREFIX", description = "the key's prefix, as `keys list` shows it")
        String prefix;

        @Override
        public Integer call() {
            return parent.run(spec, keys -> {
                if (keys.revoke(prefix)) {
                    spec.commandLine().getErr().println("Key " + prefix + " revoked.");
                    return 0;
                }
                spec.commandLine().getErr().println("waarborg: no active key with prefix " + prefix);
                return 1;
            });
        }
    }
}
