package nl.waarborg.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.BundleAgreement;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.accounts.Totp;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** My account (TOTP enrolment) and the accounts page over real HTTP. */
class ConsoleAccountPagesTest extends ServiceTestBase {

    private static final Pattern SECRET = Pattern.compile("secret=([A-Z2-7]+)");
    private static final Pattern PASSWORD = Pattern.compile("<code class=\"secret\">([^<]+)</code>");

    @Autowired
    Accounts accounts;

    @Autowired
    Clock clock;

    @Test
    void theWordsAgreeInDutchAndEnglish() {
        BundleAgreement.assertNlAndEnAgreeIcu(ConsoleAccountPagesTest.class, "/nl/waarborg/pages/accounts");
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPage() {
        ConsoleClient c = new ConsoleClient(port);
        for (String path : List.of("/console/account", "/console/accounts")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
        c.get("/console/signin");
        for (String path : List.of("/console/account/totp", "/console/accounts")) {
            HttpResponse<String> r = c.post(path, Map.of());
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
    }

    @Test
    void onlyAnAdministratorManagesAccounts() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-acc-po", Roles.PRIVACY_OFFICER);
        assertThat(c.get("/console/accounts").statusCode()).isEqualTo(403);
        c.get("/console/account");
        assertThat(c.post("/console/accounts", Map.of("username", "cpol-acc-nope", "displayName", "X",
                "roles", Roles.SUPPORT)).statusCode()).isEqualTo(403);
        StaffAccount po = accounts.find("cpol-acc-po").orElseThrow();
        assertThat(c.post("/console/accounts/" + po.id() + "/disable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(accounts.find("cpol-acc-nope")).isEmpty();
    }

    @Test
    void formsPostedWithoutTheirTokenAreRefused() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-acc-admin-csrf", Roles.ADMINISTRATOR);
        c.get("/console/accounts");
        assertThat(c.postRaw("/console/accounts", Map.of("username", "cpol-acc-forged", "displayName", "X",
                "roles", Roles.SUPPORT)).statusCode()).isEqualTo(403);
        assertThat(c.postRaw("/console/account/totp", Map.of()).statusCode()).isEqualTo(403);
        assertThat(c.postRaw("/console/account/totp/confirm", Map.of("code", "123456")).statusCode()).isEqualTo(403);
        StaffAccount self = accounts.find("cpol-acc-admin-csrf").orElseThrow();
        assertThat(c.postRaw("/console/accounts/" + self.id() + "/disable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(accounts.find("cpol-acc-forged")).isEmpty();
    }

    @Test
    void totpEnrolledThroughThePagesIsThenAskedAtSignIn() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "cpol-acc-totp", Roles.SUPPORT);
        HttpResponse<String> mine = c.get("/console/account");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("<h1>Mijn account</h1>").contains("Uit").contains("/console/password");
        HttpResponse<String> started = c.post("/console/account/totp", Map.of());
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        Matcher m = SECRET.matcher(started.body());
        assertThat(m.find()).isTrue();
        byte[] secret = base32(m.group(1));
        assertThat(started.body()).contains(m.group(1).substring(0, 4) + " " + m.group(1).substring(4, 8));

        HttpResponse<String> wrong = c.post("/console/account/totp/confirm", Map.of("code", "000000".equals(
                Totp.code(secret, clock.instant())) ? "111111" : "000000"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("De code klopt niet").doesNotContain(m.group(1));
        HttpResponse<String> confirmed = c.post("/console/account/totp/confirm",
                Map.of("code", Totp.code(secret, clock.instant())));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(c.get("/console/account?done=totp-on").body()).contains("De tweede stap staat aan");

        c.post("/console/signout", Map.of());
        String password = ConsoleClient.account(accounts, "cpol-acc-totp", List.of(Roles.SUPPORT));
        HttpResponse<String> withoutCode = c.signIn("cpol-acc-totp", password);
        assertThat(withoutCode.statusCode()).isEqualTo(200);
        assertThat(withoutCode.body()).contains("name=\"code\"");
        assertThat(c.get("/console").statusCode()).isEqualTo(302);
        // the step after the one used to confirm: a code is taken once, and one step ahead is accepted
        String next = Totp.code(secret, clock.instant().plus(Duration.ofSeconds(Totp.STEP_SECONDS)));
        HttpResponse<String> withCode = c.post("/console/signin", Map.of("username", "cpol-acc-totp",
                "password", password, "code", next));
        assertThat(withCode.statusCode()).isEqualTo(302);
        assertThat(c.get("/console").statusCode()).isEqualTo(200);
        assertThat(c.get("/console/account").body()).contains("Aan");
    }

    @Test
    void anAdministratorMakesAnAccountSeesItsPasswordOnceAndSwitchesItOff() {
        ConsoleClient admin = ConsoleClient.signedIn(port, accounts, "cpol-acc-admin", Roles.ADMINISTRATOR);
        HttpResponse<String> list = admin.get("/console/accounts");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>Accounts</h1>").contains("cpol-acc-admin")
                .contains("<label for=\"role-support\">").contains("<legend>Rollen</legend>");

        HttpResponse<String> bad = admin.post("/console/accounts", Map.of("username", "Not Valid@x", "displayName", "X",
                "roles", Roles.SUPPORT));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("role=\"alert\"").contains("href=\"#username\"");

        HttpResponse<String> made = admin.post("/console/accounts", Map.of("username", "cpol-acc-new",
                "displayName", "Nieuwe Collega", "roles", Roles.AUDITOR));
        assertThat(made.statusCode()).isEqualTo(201);
        Matcher m = PASSWORD.matcher(made.body());
        assertThat(m.find()).isTrue();
        String temporary = m.group(1);
        HttpResponse<String> taken = admin.post("/console/accounts", Map.of("username", "cpol-acc-new",
                "displayName", "X", "roles", Roles.AUDITOR));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).doesNotContain(temporary);

        ConsoleClient newcomer = new ConsoleClient(port);
        HttpResponse<String> first = newcomer.signIn("cpol-acc-new", temporary);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/console/password");

        StaffAccount created = accounts.find("cpol-acc-new").orElseThrow();
        admin.get("/console/accounts");
        HttpResponse<String> off = admin.post("/console/accounts/" + created.id() + "/disable", Map.of());
        assertThat(off.statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/accounts?done=disabled").body()).contains("Het account is uitgezet")
                .contains("Uitgezet");
        assertThat(new ConsoleClient(port).signIn("cpol-acc-new", temporary).statusCode()).isEqualTo(403);
        assertThat(admin.get("/console/accounts?lang=en").body()).contains("Make account").contains("Switched off");
    }

    /** Who acts is read from the database: a session of an administrator switched off meanwhile can do nothing. */
    @Test
    void anAdministratorSwitchedOffMidSessionCanNoLongerMakeAccounts() {
        ConsoleClient gone = ConsoleClient.signedIn(port, accounts, "cpol-acc-gone", Roles.ADMINISTRATOR);
        ConsoleClient other = ConsoleClient.signedIn(port, accounts, "cpol-acc-keeper", Roles.ADMINISTRATOR);
        gone.get("/console/accounts");
        other.get("/console/accounts");
        StaffAccount target = accounts.find("cpol-acc-gone").orElseThrow();
        assertThat(other.post("/console/accounts/" + target.id() + "/disable", Map.of()).statusCode()).isEqualTo(302);
        HttpResponse<String> r = gone.post("/console/accounts", Map.of("username", "cpol-acc-ghost",
                "displayName", "X", "roles", Roles.SUPPORT));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(accounts.find("cpol-acc-ghost")).isEmpty();
    }

    private static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char ch : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
