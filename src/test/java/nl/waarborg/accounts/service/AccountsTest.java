package nl.waarborg.accounts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.SignInOutcome;
import nl.waarborg.accounts.SignInOutcome.Reason;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.accounts.Totp;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff accounts on the real database with a clock the test moves: sign-in answers, throttling, TOTP, the first
 * administrator, and the audit log without passwords, codes or secrets.
 */
@TestPropertySource(properties = "waarborg.data-dir=${waarborg.test.data-root}/accounts")
@Import(MutableClockConfiguration.class)
class AccountsTest extends ServiceTestBase {

    private static final StaffAccount ADMIN = new StaffAccount(UUID.randomUUID(), "test-admin", "Test", List.of(Roles.ADMINISTRATOR),
            false, false, false, Instant.EPOCH, Instant.EPOCH);

    @Autowired
    Accounts accounts;
    @Autowired
    AccountStore store;
    @Autowired
    PasswordHashing hashing;
    @Autowired
    FirstAdministrator firstAdministrator;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MutableClock clock;
    @Autowired
    AccountsProperties properties;

    private static int networks;

    /** A client address in a /24 no other test uses, so the network throttle of one test does not touch another. */
    private static synchronized String address() {
        networks++;
        return "10." + networks + ".7.9";
    }

    private StaffAccount account(String username, String password) {
        StaffAccount a = accounts.create(ADMIN, new Accounts.NewAccount(username, "Anna de Vries", List.of("support"), password));
        assertThat(a.mustChangePassword()).isTrue();
        return accounts.changePassword(a.id(), password, password + "-2");
    }

    @Test
    void anUnknownUsernameAndAWrongPasswordGetTheSameAnswerAndEachCostsOneArgon2idCheck() {
        account("same-answer", "paard batterij nietje");
        String ip = address();
        for (int i = 0; i < 4; i++) { // 4 each: below the lock threshold of the name, not of the network
            long before = hashing.checks();
            SignInOutcome u = accounts.authenticate("no-such-" + i, "paard batterij nietje-2", null, ip);
            long afterUnknown = hashing.checks();
            SignInOutcome w = accounts.authenticate("same-answer", "wrong password " + i, null, ip);
            // the same answer, and the same work (one Argon2id check each, against a dummy hash for an unknown name),
            // so neither the answer nor its time tells whether the name exists; no timing is asserted here
            assertThat(u).isEqualTo(w).isEqualTo(new SignInOutcome.Refused(Reason.CREDENTIALS, null));
            assertThat(afterUnknown - before).isEqualTo(1);
            assertThat(hashing.checks() - afterUnknown).isEqualTo(1);
        }
        assertThat(accounts.authenticate("same-answer", "paard batterij nietje-2", null, ip))
                .isInstanceOf(SignInOutcome.SignedIn.class);
    }

    @Test
    void fiveFailuresLockTheNameForAMinuteForRealAndUnknownNamesAlike() {
        account("locked-out", "paard batterij nietje");
        for (String name : List.of("locked-out", "never-existed")) {
            for (int i = 0; i < 5; i++) {
                assertThat(accounts.authenticate(name, "wrong password!", null, address()))
                        .isEqualTo(new SignInOutcome.Refused(Reason.CREDENTIALS, null));
            }
            SignInOutcome locked = accounts.authenticate(name, "paard batterij nietje-2", null, address());
            assertThat(locked).isInstanceOfSatisfying(SignInOutcome.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(Reason.THROTTLED);
                assertThat(Duration.between(clock.instant(), r.retryAfter())).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));
            });
        }
        assertThat(store.byUsername("locked-out").orElseThrow().lockedUntil()).as("kept in the row for a restart").isNotNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(accounts.authenticate("locked-out", "paard batterij nietje-2", null, address()))
                .isInstanceOf(SignInOutcome.SignedIn.class);
        assertThat(store.byUsername("locked-out").orElseThrow().failedAttempts()).isZero();
    }

    @Test
    void totpIsEnrolledConfirmedAskedForAndACodeIsNotTakenTwice() {
        StaffAccount a = account("two-factor", "paard batterij nietje");
        long before = audit.head().lastSeq();
        Accounts.TotpEnrolment e = accounts.enrolTotp(a.id());
        assertThat(e.toString()).doesNotContain("otpauth");
        Matcher m = Pattern.compile("^otpauth://totp/Waarborg:two-factor\\?secret=([A-Z2-7]+)&issuer=Waarborg&"
                + "algorithm=SHA1&digits=6&period=30$").matcher(e.uri());
        assertThat(m.matches()).as(e.uri()).isTrue();
        byte[] secret = base32(m.group(1));

        // stored sealed: neither the bytes nor their base32 are in the row
        byte[] stored = jdbc.sql("SELECT totp_secret FROM staff_account WHERE id = ?").param(a.id()).query(byte[].class).single();
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(HexFormat.of().formatHex(secret));
        assertThat(jdbc.sql("SELECT count(*) FROM staff_account WHERE row_to_json(staff_account)::text LIKE ?")
                .param("%" + m.group(1) + "%").query(Long.class).single()).isZero();

        assertThatThrownBy(() -> accounts.confirmTotp(a.id(), "123456")).isInstanceOf(InvalidInputException.class);
        assertThat(accounts.confirmTotp(a.id(), Totp.code(secret, clock.instant())).totpEnabled()).isTrue();

        String password = "paard batterij nietje-2";
        assertThat(accounts.authenticate("two-factor", password, null, address())).isInstanceOf(SignInOutcome.NeedsSecondFactor.class);
        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, clock.instant());
        assertThat(accounts.authenticate("two-factor", password, code, address())).isInstanceOf(SignInOutcome.SignedIn.class);
        assertThat(accounts.authenticate("two-factor", password, code, address())).as("replayed")
                .isEqualTo(new SignInOutcome.Refused(Reason.SECOND_FACTOR, null));
        assertThat(accounts.authenticate("two-factor", "wrong password!", code, address()))
                .isEqualTo(new SignInOutcome.Refused(Reason.CREDENTIALS, null));

        String events = audit.events(before, 100).toString();
        assertThat(events).contains("account-totp-enrolment-started", "account-totp-enabled", "account-signed-in",
                "second-factor:totp", "account-sign-in-refused");
        assertThat(events).doesNotContain(m.group(1)).doesNotContain(code).doesNotContain("otpauth")
                .doesNotContain(password).doesNotContain("wrong password");
    }

    @Test
    void theFirstAdministratorIsMadeOnceAndItsPrintedPasswordWorksOnlyUntilItIsChanged() {
        tx.executeWithoutResult(s -> jdbc.sql("DELETE FROM staff_account").update()); // as before the first start
        long before = audit.head().lastSeq();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(firstAdministrator.ensure(new PrintStream(out, true, StandardCharsets.UTF_8))).isTrue();
        Matcher m = Pattern.compile("\\n    (\\S{20})\\n").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        String oneTime = m.group(1);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(firstAdministrator.ensure(new PrintStream(again, true, StandardCharsets.UTF_8))).as("a restart").isFalse();
        assertThat(again.size()).isZero();
        assertThat(store.count()).isEqualTo(1);

        SignInOutcome first = accounts.authenticate("admin", oneTime, null, address());
        assertThat(first).isInstanceOfSatisfying(SignInOutcome.SignedIn.class, s -> {
            assertThat(s.mustChangePassword()).isTrue();
            assertThat(s.account().roles()).containsExactly(Roles.ADMINISTRATOR);
        });
        StaffAccount admin = ((SignInOutcome.SignedIn) first).account();
        assertThatThrownBy(() -> accounts.create(admin, new Accounts.NewAccount("helper", "H", List.of("support"),
                "paard batterij nietje"))).as("nothing but the change before it").isInstanceOf(AccountRefusedException.class);
        accounts.changePassword(admin.id(), oneTime, "een nieuw lang wachtwoord");
        assertThat(accounts.authenticate("admin", oneTime, null, address()))
                .isEqualTo(new SignInOutcome.Refused(Reason.CREDENTIALS, null));
        assertThat(accounts.authenticate("admin", "een nieuw lang wachtwoord", null, address()))
                .isInstanceOfSatisfying(SignInOutcome.SignedIn.class, s -> assertThat(s.mustChangePassword()).isFalse());

        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).filteredOn(e -> e.action().equals("account-created")).singleElement()
                .satisfies(e -> assertThat(e.reasons()).contains("account:admin", "password:one-time"));
        assertThat(events.toString()).doesNotContain(oneTime).doesNotContain("een nieuw lang wachtwoord");
    }

    @Test
    void thePasswordFromTheEnvironmentIsUsedNotPrintedAndMustBeStrong() {
        tx.executeWithoutResult(s -> jdbc.sql("DELETE FROM staff_account").update());
        MockEnvironment env = new MockEnvironment().withProperty("waarborg.admin-password", "uit de omgeving gegeven");
        FirstAdministrator fromEnv = new FirstAdministrator(store, hashing, audit, tx, clock, env, properties);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(fromEnv.ensure(new PrintStream(out, true, StandardCharsets.UTF_8))).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("WAARBORG_ADMIN_PASSWORD").doesNotContain("omgeving");
        assertThat(accounts.authenticate("admin", "uit de omgeving gegeven", null, address()))
                .isInstanceOfSatisfying(SignInOutcome.SignedIn.class, s -> assertThat(s.mustChangePassword()).isTrue());
        assertThatThrownBy(() -> new FirstAdministrator(store, hashing, audit, tx, clock,
                new MockEnvironment().withProperty("waarborg.admin-password", "admin123"), properties))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("12");
    }

    @Test
    void aHashMadeUnderWeakerParametersIsRemadeAtSignIn() {
        Instant now = clock.instant();
        StaffAccount a = new StaffAccount(UUID.randomUUID(), "old-hash", "Old", List.of("auditor"), false, false, false, now, now);
        String weak = new PasswordHashing(12288, 3, 1).hash("paard batterij nietje");
        tx.executeWithoutResult(s -> store.insert(a, weak, false));
        assertThat(accounts.authenticate("old-hash", "paard batterij nietje", null, address())).isInstanceOf(SignInOutcome.SignedIn.class);
        String now2 = store.byUsername("old-hash").orElseThrow().passwordHash();
        assertThat(now2).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(accounts.authenticate("old-hash", "paard batterij nietje", null, address())).isInstanceOf(SignInOutcome.SignedIn.class);
    }

    @Test
    void onlyAnAdministratorCreatesAndDisablesAndTheRulesHold() {
        StaffAccount support = account("support-one", "paard batterij nietje");
        assertThatThrownBy(() -> accounts.create(support, new Accounts.NewAccount("x-y", "X", List.of("support"),
                "paard batterij nietje"))).isInstanceOfSatisfying(AccountRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo("not-administrator"));
        assertThatThrownBy(() -> account("weak", "wachtwoord123")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> account("Anna@example.org", "paard batterij nietje")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> account("no-role", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> accounts.create(ADMIN, new Accounts.NewAccount("bad-role", "B", List.of("superuser"),
                "paard batterij nietje"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getBody().getProperties()).containsEntry("field", "roles/0"));
        assertThat(accounts.create(ADMIN, new Accounts.NewAccount("manager", "M", List.of("management", "auditor"),
                "paard batterij nietje")).roles()).as("a policy role").containsExactly("management", "auditor");
        assertThatThrownBy(() -> account("support-one", "paard batterij nietje")).isInstanceOf(AccountConflictException.class);

        long before = audit.head().lastSeq();
        accounts.disable(ADMIN, support.id());
        assertThat(accounts.authenticate("support-one", "paard batterij nietje-2", null, address()))
                .isEqualTo(new SignInOutcome.Refused(Reason.DISABLED, null));
        assertThat(audit.events(before, 10)).extracting(AuditEvent::action)
                .containsExactly("account-disabled", "account-sign-in-refused");
        assertThat(audit.events(before, 10).toString()).doesNotContain("Anna de Vries");
    }


    private static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[s.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return Arrays.copyOf(out, n);
    }

}
