package nl.waarborg.accounts.service;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the service's first start, when no account exists, makes the administrator ({@code admin}) with a one-time
 * password: taken from {@code WAARBORG_ADMIN_PASSWORD} (property {@code waarborg.admin-password}) when set, else
 * random and printed once to the console (standard output, never the log, which may be shipped elsewhere). Either
 * way it must be changed at the first sign-in. Made with a conditional insert, so two nodes starting together make
 * one; a restart makes none. Command-line runs (no web server) make none.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    static final String ENVIRONMENT_PROPERTY = "waarborg.admin-password";
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final AccountStore store;
    private final PasswordHashing hashing;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Environment environment;
    private final AccountsProperties properties;

    FirstAdministrator(AccountStore store, PasswordHashing hashing, AuditLog audit, TransactionTemplate tx, Clock clock,
                       Environment environment, AccountsProperties properties) {
        this.store = store;
        this.hashing = hashing;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.environment = environment;
        this.properties = properties;
        String given = environment.getProperty(ENVIRONMENT_PROPERTY);
        if (given != null && !given.isEmpty()) {
            // a weak password from the environment fails the start, not the first sign-in
            Accounts.passwordRules(properties.firstAdministrator(), given, "WAARBORG_ADMIN_PASSWORD");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext) {
            ensure(System.out);
        }
    }

    /** Makes the first administrator when there is no account; true when it did. */
    boolean ensure(PrintStream console) {
        if (store.count() > 0) {
            return false;
        }
        String given = environment.getProperty(ENVIRONMENT_PROPERTY);
        boolean fromEnvironment = given != null && !given.isEmpty();
        String password = fromEnvironment ? given : randomPassword();
        Instant now = clock.instant();
        StaffAccount admin = new StaffAccount(UUID.randomUUID(), properties.firstAdministrator(), "Administrator",
                List.of(Roles.ADMINISTRATOR), false, true, false, now, now);
        String hash = hashing.hash(password);
        Boolean made = tx.execute(s -> {
            if (!store.insert(admin, hash, true)) {
                return false;
            }
            audit.append(AuditEvent.draft("system:first-start", "system", "account-created")
                    .outcome(Outcome.ALLOWED, "account:" + admin.username(), "role:" + Roles.ADMINISTRATOR,
                            fromEnvironment ? "password:environment" : "password:one-time"));
            return true;
        });
        if (!Boolean.TRUE.equals(made)) {
            return false;
        }
        log.info("Created the first administrator '{}'; its password must be changed at the first sign-in",
                admin.username());
        if (fromEnvironment) {
            console.println("Waarborg: created the administrator '" + admin.username()
                    + "' with the password from WAARBORG_ADMIN_PASSWORD; change it at the first sign-in.");
        } else {
            console.println();
            console.println("Waarborg: created the administrator '" + admin.username() + "'. One-time password "
                    + "(shown only now, never again; change it at the first sign-in):");
            console.println();
            console.println("    " + password);
            console.println();
        }
        console.flush();
        return true;
    }

    /** 20 characters from 56 unambiguous ones: about 116 bits. */
    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] c = new char[20];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
