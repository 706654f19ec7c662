package nl.waarborg.requests.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.access.Caller;
import nl.waarborg.requests.Request;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process {@link FulfilmentKilledTest} kills: the service (without web) on a data folder and a policy, which enters
 * an erasure request for a new customer, verifies it, writes the reference to {@code DATA.reference}, and fulfils it;
 * the test's webhook system holds the erasure's delivery until the process is killed. Arguments: the data folder, the
 * policy.
 */
public final class FulfilInAnotherProcess {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WaarborgApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--waarborg.data-dir=" + data, "--waarborg.policy=" + args[1],
                        "--waarborg.retention.sweep-interval=PT0S", "--waarborg.systems.retry-interval=0s",
                        "--waarborg.requests.fulfilment-interval=0s", "--waarborg.systems.webhook-timeout=120s",
                        "--logging.config=classpath:waarborg-cli-logback.xml")) {
            Caller staff = new Caller("privacy-team", "management", List.of(), true);
            Vault vault = ctx.getBean(Vault.class);
            UUID subject = vault.createSubjects(staff, List.of(new Vault.NewSubject(List.of(), List.of(),
                    List.of("customer")))).getFirst();
            vault.addItems(new Caller("crm", "customer-service", List.of("customer-contract"), false), List.of(
                    new NewItem(subject, "email", "killed@example.nl", List.of("customer-contract"), "from-subject",
                            "vault", null)));
            Requests requests = ctx.getBean(Requests.class);
            Request r = requests.receive(staff, new Requests.NewRequest(List.of("erasure"), List.of(), "email", "nl",
                    subject, null));
            requests.identity(staff, r.reference(), "account-login", "verified");
            Files.writeString(data.resolveSibling(data.getFileName() + ".reference"), r.reference());
            ctx.getBean(Fulfilment.class).fulfil(staff, r.reference(), List.of());
        }
    }
}
