package nl.waarborg.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarborg.web.ApiKey;
import nl.waarborg.web.ApiKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `waarborg keys create|list|revoke`: the API keys applications call Waarborg with. */
@Command(name = "keys", description = "Manage the API keys of applications.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand {

    private static final String WHILE_RUNNING = "stop it, or run the command where it can reach the service's database";

    /** Runs one key operation on the stored keys; a refusal (bad role or purpose) is exit 1 with its reason. */
    static int run(DatabaseOptions database, CommandSpec spec, java.util.function.ToIntFunction<ApiKeys> action) {
        try {
            return database.query(spec.commandLine().getErr(), WHILE_RUNNING,
                    ctx -> action.applyAsInt(ctx.getBean(ApiKeys.class))).orElse(2);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("waarborg: " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "create", description = "Create a key for a policy role and purposes; the key is printed once.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;
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
            return run(database, spec, keys -> {
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
        @Mixin
        DatabaseOptions database;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return run(database, spec, keys -> {
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
        @Mixin
        DatabaseOptions database;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PREFIX", description = "the key's prefix, as `keys list` shows it")
        String prefix;

        @Override
        public Integer call() {
            return run(database, spec, keys -> {
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
