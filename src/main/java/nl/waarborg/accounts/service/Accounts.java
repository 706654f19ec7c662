package nl.waarborg.accounts.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.waarborg.accounts.PasswordRules;
import nl.waarborg.staff.Roles;
import nl.waarborg.audit.ClientNetwork;
import nl.waarborg.accounts.SignInOutcome;
import nl.waarborg.accounts.SignInOutcome.Reason;
import nl.waarborg.accounts.SignInThrottle;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.accounts.Totp;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff accounts (docs/accounts.md): create (administrators only), sign in with password and TOTP, change the
 * password, enrol and confirm TOTP, disable. Every change and every sign-in, allowed or refused, is one audit event
 * ({@code account-…}) in the transaction that makes the change; the actor is the username (a term), and no password,
 * code, secret or otpauth URI is ever in an event, a log line or an exception.
 */
@Service
public class Accounts {

    /** The audit role of a person acting on their own account (signing in, changing their password). */
    static final String SELF = "staff-account";
    /** The audit actor of a sign-in with a name no account has: the name typed is never recorded (it may be a password). */
    static final String UNKNOWN_ACTOR = "unknown-account";

    private static final Pattern ROLE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_DISPLAY_NAME = 200;

    private final AccountStore store;
    private final PasswordHashing hashing;
    private final TotpSecrets secrets;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ActivePolicy policy;
    private final AccountsProperties properties;
    private final SignInThrottle throttle;

    Accounts(AccountStore store, PasswordHashing hashing, TotpSecrets secrets, AuditLog audit, TransactionTemplate tx,
             Clock clock, ActivePolicy policy, AccountsProperties properties) {
        this.store = store;
        this.hashing = hashing;
        this.secrets = secrets;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.policy = policy;
        this.properties = properties;
        this.throttle = new SignInThrottle(clock, properties.lockAfterFailures(), properties.networkLockAfterFailures(),
                properties.firstLock(), properties.maxLock(), 100_000);
    }

    /** A new account as an administrator gives it; the person must change the password at first sign-in. */
    public record NewAccount(String username, String displayName, List<String> roles, String password) {
        @Override
        public String toString() {
            return "NewAccount[" + username + "]";
        }
    }

    /** The otpauth:// URI to show once as a QR code; it holds the secret, so it is never logged (nor in toString). */
    public record TotpEnrolment(String uri) {
        @Override
        public String toString() {
            return "TotpEnrolment[hidden]";
        }
    }

    public Optional<StaffAccount> find(String username) {
        return store.byUsername(normalise(username)).map(AccountStore.Row::account);
    }

    public Optional<StaffAccount> find(UUID id) {
        return store.byId(id).map(AccountStore.Row::account);
    }

    /**
     * A stamp of the account's credentials for its console sessions: it changes when the password does (here or in
     * another session) and is empty once the account is disabled, so a session signed in before either ends.
     */
    public Optional<String> sessionStamp(UUID accountId) {
        return store.sessionStamp(accountId);
    }

    /**
     * Up to {@code limit} (1 to 200) accounts after {@code afterUsername} (null or empty: from the first), in
     * username order: a page of the console's list, read through the username's unique index.
     */
    public List<StaffAccount> list(String afterUsername, int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "limit must be between 1 and 200");
        }
        return store.page(afterUsername == null ? "" : normalise(afterUsername), limit);
    }

    /** A temporary password for a new account (20 characters, about 116 bits), to be shown once and changed at the first sign-in. */
    public static String temporaryPassword() {
        return FirstAdministrator.randomPassword();
    }

    public StaffAccount create(StaffAccount by, NewAccount n) {
        administrator(by, "account-create-refused");
        String username = normalise(n.username());
        if (!StaffAccount.USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "a username is 2 to 64 lower-case letters, digits and . _ - "
                    + "(no '@' or spaces), starting with a letter or digit");
        }
        String display = n.displayName() == null ? "" : n.displayName().strip();
        if (display.isEmpty() || display.length() > MAX_DISPLAY_NAME || display.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("displayName", "a display name is 1 to " + MAX_DISPLAY_NAME
                    + " characters without control characters");
        }
        List<String> roles = roles(n.roles());
        passwordRules(username, n.password(), "password");
        Instant now = clock.instant();
        StaffAccount a = new StaffAccount(UUID.randomUUID(), username, display, roles, false, true, false, now, now);
        String hash = hashing.hash(n.password());
        try {
            tx.executeWithoutResult(s -> {
                store.insert(a, hash, false);
                List<String> reasons = new ArrayList<>(List.of("account:" + username));
                roles.forEach(r -> reasons.add("role:" + r));
                audit.append(AuditEvent.draft(by.username(), Roles.ADMINISTRATOR, "account-created")
                        .outcome(Outcome.ALLOWED, reasons.toArray(String[]::new)));
            });
        } catch (DuplicateKeyException e) {
            throw new AccountConflictException("username-taken", "an account with this username exists already");
        }
        return a;
    }

    /**
     * Signs in. {@code clientAddress} is the caller's IP address as the servlet container gives it (only its network
     * is kept). A wrong username and a wrong password cost the same (an Argon2id check either way) and give the same
     * {@link Reason#CREDENTIALS}; the throttle counts unknown names as it counts accounts.
     */
    public SignInOutcome authenticate(String username, String password, String totpCode, String clientAddress) {
        String network = ClientNetwork.of(clientAddress);
        String name = normalise(username);
        Optional<AccountStore.Row> row = store.byUsername(name); // the same query whether or not the name could exist
        row.ifPresent(r -> throttle.restore(name, r.failedAttempts(), r.lockedUntil()));
        Optional<Instant> locked = throttle.lockedUntil(name, network);
        if (locked.isPresent()) {
            signInEvent(row, Outcome.DENIED, network, Reason.THROTTLED.code());
            return new SignInOutcome.Refused(Reason.THROTTLED, locked.get());
        }
        if (row.isEmpty()) {
            hashing.burn(password);
            return failed(row, name, network, Reason.CREDENTIALS);
        }
        AccountStore.Row r = row.get();
        if (!hashing.matches(password, r.passwordHash())) {
            return failed(row, name, network, Reason.CREDENTIALS);
        }
        if (r.account().disabled()) {
            signInEvent(row, Outcome.DENIED, network, Reason.DISABLED.code());
            return new SignInOutcome.Refused(Reason.DISABLED, null);
        }
        if (r.account().totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                return new SignInOutcome.NeedsSecondFactor();
            }
            OptionalLong step = Totp.verify(secrets.open(r.id(), r.sealedTotpSecret()), totpCode, clock.instant(),
                    r.totpLastStep());
            // the conditional update makes two sign-ins racing with one code end with one success
            if (step.isEmpty() || !Boolean.TRUE.equals(tx.execute(s -> store.takeTotpStep(r.id(), step.getAsLong())))) {
                return failed(row, name, network, Reason.SECOND_FACTOR);
            }
        }
        throttle.succeeded(name);
        String upgraded = hashing.needsUpgrade(r.passwordHash()) ? hashing.hash(password) : null;
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            store.recordSuccess(r.id(), upgraded, now);
            List<String> reasons = new ArrayList<>(List.of("network:" + network));
            if (r.account().totpEnabled()) {
                reasons.add("second-factor:totp");
            }
            if (upgraded != null) {
                reasons.add("password-hash-upgraded");
            }
            if (r.account().mustChangePassword()) {
                reasons.add("must-change-password");
            }
            audit.append(AuditEvent.draft(r.account().username(), SELF, "account-signed-in")
                    .outcome(Outcome.ALLOWED, reasons.toArray(String[]::new)));
        });
        return new SignInOutcome.SignedIn(r.account(), r.account().mustChangePassword());
    }

    /** Replaces the password, given the current one; clears the must-change flag. */
    public StaffAccount changePassword(UUID accountId, String currentPassword, String newPassword) {
        AccountStore.Row r = active(accountId, "account-password-change-refused");
        if (!hashing.matches(currentPassword, r.passwordHash())) {
            refuse(r.account().username(), SELF, "account-password-change-refused", "credentials");
            throw new AccountRefusedException("credentials", "the current password is not right");
        }
        passwordRules(r.account().username(), newPassword, "newPassword");
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", "the new password must differ from the current one");
        }
        String hash = hashing.hash(newPassword);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            store.setPassword(r.id(), hash, now);
            audit.append(AuditEvent.draft(r.account().username(), SELF, "account-password-changed"));
        });
        throttle.succeeded(r.account().username());
        return store.byId(accountId).orElseThrow().account();
    }

    /** Starts TOTP enrolment: a new secret, stored sealed and not yet in use until {@link #confirmTotp}. */
    public TotpEnrolment enrolTotp(UUID accountId) {
        AccountStore.Row r = active(accountId, "account-totp-refused");
        if (r.account().totpEnabled()) {
            throw new AccountConflictException("totp-enabled", "this account has TOTP already");
        }
        byte[] secret = Totp.newSecret();
        byte[] sealed = secrets.seal(r.id(), secret);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            store.setPendingTotp(r.id(), sealed, now);
            audit.append(AuditEvent.draft(r.account().username(), SELF, "account-totp-enrolment-started"));
        });
        return new TotpEnrolment(Totp.uri(properties.totpIssuer(), r.account().username(), secret));
    }

    /** Turns TOTP on when {@code code} is right for the enrolled secret (the app was set up correctly). */
    public StaffAccount confirmTotp(UUID accountId, String code) {
        AccountStore.Row r = active(accountId, "account-totp-refused");
        if (r.account().totpEnabled() || r.sealedTotpSecret() == null) {
            throw new AccountConflictException(r.account().totpEnabled() ? "totp-enabled" : "totp-not-enrolled",
                    r.account().totpEnabled() ? "this account has TOTP already" : "start the enrolment first");
        }
        OptionalLong step = Totp.verify(secrets.open(r.id(), r.sealedTotpSecret()), code, clock.instant(), r.totpLastStep());
        if (step.isEmpty()) {
            refuse(r.account().username(), SELF, "account-totp-refused", "second-factor");
            throw new InvalidInputException("code", "the code is not right; check the time on the phone");
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            store.enableTotp(r.id(), step.getAsLong(), now);
            audit.append(AuditEvent.draft(r.account().username(), SELF, "account-totp-enabled"));
        });
        return store.byId(accountId).orElseThrow().account();
    }

    /** Disables an account (administrators only); the last enabled administrator cannot be disabled. */
    public StaffAccount disable(StaffAccount by, UUID accountId) {
        administrator(by, "account-disable-refused");
        AccountStore.Row r = store.byId(accountId).orElseThrow(() -> new InvalidInputException("account", "no such account"));
        if (r.account().hasRole(Roles.ADMINISTRATOR) && store.countWithRole(Roles.ADMINISTRATOR, r.id()) == 0) {
            throw new AccountConflictException("last-administrator", "the last enabled administrator cannot be disabled");
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            store.disable(r.id(), now);
            audit.append(AuditEvent.draft(by.username(), Roles.ADMINISTRATOR, "account-disabled")
                    .outcome(Outcome.ALLOWED, "account:" + r.account().username()));
        });
        return store.byId(accountId).orElseThrow().account();
    }

    // --- helpers

    private SignInOutcome failed(Optional<AccountStore.Row> row, String name, String network, Reason reason) {
        SignInThrottle.Attempts a = throttle.failed(name, network);
        tx.executeWithoutResult(s -> {
            row.ifPresent(r -> store.recordFailure(r.id(), a.failures(), a.lockedUntil()));
            audit.append(signInDraft(row, Outcome.DENIED, network, reason.code()));
        });
        // the lock, if this failure set one, shows at the next attempt, for a known and an unknown name alike
        return new SignInOutcome.Refused(reason, null);
    }

    private void signInEvent(Optional<AccountStore.Row> row, Outcome outcome, String network, String reason) {
        tx.executeWithoutResult(s -> audit.append(signInDraft(row, outcome, network, reason)));
    }

    private static AuditEvent.Draft signInDraft(Optional<AccountStore.Row> row, Outcome outcome, String network,
                                                String reason) {
        String actor = row.map(r -> r.account().username()).orElse(UNKNOWN_ACTOR);
        return AuditEvent.draft(actor, SELF, "account-sign-in-refused").outcome(outcome, reason, "network:" + network);
    }

    private void refuse(String actor, String role, String action, String reason) {
        tx.executeWithoutResult(s -> audit.append(AuditEvent.draft(actor, role, action).outcome(Outcome.DENIED, reason)));
    }

    private void administrator(StaffAccount by, String refusedAction) {
        if (by == null || by.disabled() || !by.hasRole(Roles.ADMINISTRATOR) || by.mustChangePassword()) {
            if (by != null) {
                refuse(by.username(), SELF, refusedAction, "not-administrator");
            }
            throw new AccountRefusedException("not-administrator", "only an administrator manages accounts");
        }
    }

    private AccountStore.Row active(UUID id, String refusedAction) {
        AccountStore.Row r = store.byId(id).orElseThrow(() -> new InvalidInputException("account", "no such account"));
        if (r.account().disabled()) {
            refuse(r.account().username(), SELF, refusedAction, "disabled");
            throw new AccountRefusedException("disabled", "this account is disabled");
        }
        return r;
    }

    private List<String> roles(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException("roles", "an account needs at least one role");
        }
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String r = given.get(i);
            if (r == null || !ROLE.matcher(r).matches()
                    || !(Roles.builtIn(r) || policy.policy().role(r).isPresent())) {
                throw new InvalidInputException("roles/" + i, "not a role: the built-in ones are "
                        + String.join(", ", Roles.BUILT_IN) + "; others come from the policy's roles");
            }
            roles.add(r);
        }
        return List.copyOf(roles);
    }

    static void passwordRules(String username, String password, String field) {
        PasswordRules.problem(username, password).ifPresent(problem -> {
            throw new InvalidInputException(field, switch (problem) {
                case "password-too-short" -> "a password has at least " + PasswordRules.MIN_LENGTH + " characters";
                case "password-too-long" -> "a password has at most " + PasswordRules.MAX_LENGTH + " characters";
                case "password-too-common" -> "this password is among the most used ones; choose another";
                default -> "a password may not contain the username";
            });
        });
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
