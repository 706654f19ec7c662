package nl.waarborg.accounts.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.BundleAgreement;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

/**
 * Passkeys without a real authenticator: the PostgreSQL repositories round-trip, every endpoint has its access rule and
 * form token, the options carry this relying party and demand user verification, a forged answer is refused and
 * audited, and the pages work in Dutch and English.
 */
class PasskeysTest extends ServiceTestBase {

    @Autowired
    Accounts accounts;
    @Autowired
    PasskeyUsers users;
    @Autowired
    PasskeyCredentials credentials;
    @Autowired
    AuditLog audit;

    @Test
    void theRepositoriesRoundTripAndLinkTheUserEntityToTheAccount() {
        ConsoleClient.account(accounts, "passkey-repo", List.of(Roles.SUPPORT));
        ConsoleClient.account(accounts, "passkey-repo-other", List.of(Roles.SUPPORT));
        StaffAccount account = accounts.find("passkey-repo").orElseThrow();
        StaffAccount other = accounts.find("passkey-repo-other").orElseThrow();
        Bytes handle = Bytes.random();
        users.save(ImmutablePublicKeyCredentialUserEntity.builder().id(handle).name("passkey-repo")
                .displayName("passkey-repo").build());
        assertThat(users.findByUsername("passkey-repo").getId()).isEqualTo(handle);
        assertThat(users.findById(handle).getName()).isEqualTo("passkey-repo");
        assertThat(users.accountOf(handle)).contains(account.id());
        assertThat(users.findByUsername("passkey-repo-other")).isNull();

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Bytes id = Bytes.random();
        CredentialRecord record = ImmutableCredentialRecord.builder().credentialId(id).userEntityUserId(handle)
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY).publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3}))
                .signatureCount(7).uvInitialized(true).backupEligible(true).backupState(false)
                .transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID))
                .attestationObject(new Bytes(new byte[] {4})).attestationClientDataJSON(new Bytes(new byte[] {5}))
                .label("telefoon").created(now).lastUsed(now).build();
        credentials.save(record);
        CredentialRecord read = credentials.findByCredentialId(id);
        assertThat(read.getUserEntityUserId()).isEqualTo(handle);
        assertThat(read.getPublicKey().getBytes()).containsExactly(1, 2, 3);
        assertThat(read.getSignatureCount()).isEqualTo(7);
        assertThat(read.isUvInitialized()).isTrue();
        assertThat(read.isBackupEligible()).isTrue();
        assertThat(read.getTransports()).containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL,
                AuthenticatorTransport.HYBRID);
        assertThat(read.getLabel()).isEqualTo("telefoon");
        assertThat(read.getCreated()).isEqualTo(now);
        assertThat(credentials.findByUserId(handle)).hasSize(1);

        // a sign-in saves the record again: the counter moves, the label stays the person's
        credentials.save(ImmutableCredentialRecord.fromCredentialRecord(read).signatureCount(8).build());
        assertThat(credentials.findByCredentialId(id).getSignatureCount()).isEqualTo(8);
        assertThat(credentials.of(account.id())).singleElement()
                .satisfies(p -> assertThat(p.label()).isEqualTo("telefoon"));

        assertThat(credentials.remove(other.id(), id)).isFalse(); // not another account's
        assertThat(credentials.remove(account.id(), id)).isTrue();
        assertThat(credentials.findByCredentialId(id)).isNull();
    }

    @Test
    void aSignedOutVisitorCannotAskToMakeAPasskey() {
        ConsoleClient c = new ConsoleClient(port);
        c.get("/console/signin"); // a form token of a signed-out session
        for (String path : List.of(PasskeyFilters.REGISTER_OPTIONS, PasskeyFilters.REGISTER)) {
            HttpResponse<String> r = c.post(path, Map.of());
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
        }
        HttpResponse<String> page = c.get("/console/account/passkeys");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/signin");
    }

    @Test
    void anAccountWithItsTemporaryPasswordMustChangeItFirst() {
        String password = ConsoleClient.account(accounts, "passkey-temp", List.of(Roles.SUPPORT));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn("passkey-temp", password);
        HttpResponse<String> page = c.get("/console/account/passkeys");
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/password");
        c.get("/console/password");
        HttpResponse<String> options = c.post(PasskeyFilters.REGISTER_OPTIONS, Map.of());
        assertThat(options.statusCode()).isEqualTo(302);
        assertThat(options.headers().firstValue("Location").orElseThrow()).endsWith("/console/password");
    }

    @Test
    void everyPasskeyPostNeedsTheFormToken() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "passkey-csrf", Roles.AUDITOR);
        c.get("/console/account/passkeys");
        for (String path : List.of(PasskeyFilters.REGISTER_OPTIONS, PasskeyFilters.REGISTER,
                PasskeyFilters.SIGN_IN_OPTIONS, PasskeyFilters.SIGN_IN, "/console/account/passkeys/remove")) {
            assertThat(c.postRaw(path, Map.of("id", "AAAA")).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void theRegistrationOptionsNameThisRelyingPartyAndTheAccountAndDemandUserVerification() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "passkey-options", Roles.PRIVACY_OFFICER);
        c.get("/console/account/passkeys");
        HttpResponse<String> r = c.post(PasskeyFilters.REGISTER_OPTIONS, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(r.body()).contains("\"challenge\"").contains("\"id\":\"localhost\"")
                .contains("\"name\":\"passkey-options\"").contains("\"userVerification\":\"required\"")
                .contains("\"residentKey\":\"required\"");
        // the user entity is stored, linked to the account
        StaffAccount account = accounts.find("passkey-options").orElseThrow();
        assertThat(users.handleOf(account.id())).isPresent();
    }

    @Test
    void aSignedOutVisitorGetsSignInOptionsButAForgedAnswerIsRefusedAndAudited() {
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> signin = c.get("/console/signin");
        assertThat(signin.body()).contains("id=\"passkey-signin\"").contains("<script src=\"/js/passkeys.js\" defer>")
                .contains("Inloggen met een passkey").doesNotContain("/console/oidc/");
        HttpResponse<String> options = c.post(PasskeyFilters.SIGN_IN_OPTIONS, Map.of());
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.body()).contains("\"challenge\"").contains("\"rpId\":\"localhost\"")
                .contains("\"userVerification\":\"required\"");

        long before = audit.head().lastSeq();
        String forged = "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"response\":{\"authenticatorData\":\"AAAA\","
                + "\"clientDataJSON\":\"AAAA\",\"signature\":\"AAAA\"},\"type\":\"public-key\","
                + "\"clientExtensionResults\":{}}";
        HttpResponse<String> answer = c.postJson(PasskeyFilters.SIGN_IN, forged);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"authenticated\":false");
        assertThat(c.get("/console").statusCode()).isEqualTo(302);
        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).filteredOn(e -> e.action().equals("account-sign-in-refused")).singleElement()
                .satisfies(e -> assertThat(e.reasons()).contains("passkey", "credentials"));
    }

    @Test
    void thePasskeysPageListsAndRemovesOnlyOnesOwnInDutchAndEnglish() {
        ConsoleClient c = ConsoleClient.signedIn(port, accounts, "passkey-page", Roles.SUPPORT);
        HttpResponse<String> empty = c.get("/console/account/passkeys");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("U hebt nog geen passkey.").contains("id=\"passkey-add\" hidden")
                .contains("<script src=\"/js/passkeys.js\" defer></script>").doesNotContain("style=");
        assertThat(c.get("/console/account/passkeys?lang=en").body()).contains("You have no passkey yet.");

        StaffAccount account = accounts.find("passkey-page").orElseThrow();
        Bytes handle = Bytes.random();
        users.save(ImmutablePublicKeyCredentialUserEntity.builder().id(handle).name("passkey-page")
                .displayName("passkey-page").build());
        Bytes id = Bytes.random();
        credentials.save(ImmutableCredentialRecord.builder().credentialId(id).userEntityUserId(handle)
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY).publicKey(new ImmutablePublicKeyCose(new byte[] {1}))
                .signatureCount(0).uvInitialized(true).backupEligible(false).backupState(false).transports(Set.of())
                .label("sleutel <b>").created(Instant.now()).lastUsed(Instant.now()).build());
        HttpResponse<String> listed = c.get("/console/account/passkeys");
        assertThat(listed.body()).contains("sleutel &lt;b&gt;").contains(id.toBase64UrlString())
                .contains("<th scope=\"col\">");

        ConsoleClient other = ConsoleClient.signedIn(port, accounts, "passkey-page-other", Roles.SUPPORT);
        other.get("/console/account/passkeys");
        assertThat(other.post("/console/account/passkeys/remove", Map.of("id", id.toBase64UrlString())).statusCode())
                .isEqualTo(404);
        assertThat(credentials.of(account.id())).hasSize(1);

        long before = audit.head().lastSeq();
        HttpResponse<String> removed = c.post("/console/account/passkeys/remove", Map.of("id", id.toBase64UrlString()));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(c.get("/console/account/passkeys?removed&lang=nl").body()).contains("De passkey is verwijderd.");
        assertThat(credentials.of(account.id())).isEmpty();
        assertThat(audit.events(before, 100)).extracting(AuditEvent::action).contains("account-passkey-removed");
    }

    @Test
    void theScriptIsAStaticFileForAnyone() {
        HttpResponse<String> r = new ConsoleClient(port).get("/js/passkeys.js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("navigator.credentials.get").contains("/console/signin/passkey/options");
    }

    @Test
    void theWordsAgreeInDutchAndEnglish() {
        BundleAgreement.assertNlAndEnAgreeIcu(PasskeysTest.class, "/nl/waarborg/pages/signin");
    }

    @Test
    void theRelyingPartySettingsAreCheckedAtStart() {
        new WebAuthnProperties("console.example.nl", "Waarborg", List.of("https://console.example.nl"));
        new WebAuthnProperties("example.nl", "Waarborg", List.of("https://console.example.nl:8443"));
        for (List<String> bad : List.of(List.of("http://console.example.nl"), List.of("https://evil.example.com"),
                List.of("https://console.example.nl/path"), List.<String>of())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> new WebAuthnProperties("console.example.nl", "Waarborg", bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new WebAuthnProperties("https://x", "Waarborg", List.of("https://x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
