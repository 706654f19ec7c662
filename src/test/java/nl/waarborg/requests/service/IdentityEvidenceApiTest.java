package nl.waarborg.requests.service;

import nl.waarborg.mail.MailParts;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.ApiKeys;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity check's evidence over HTTP, on clean.yaml with ID copies allowed and mail to an SMTP server in this JVM
 * (GreenMail): the confirmation link goes to the address the vault holds, in the request's language, and confirms once,
 * by POST only, before it expires; a masked ID copy is stored encrypted and is gone, file and row, after the decision.
 */
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/identity.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/identity",
        "waarborg.mail.enabled=true",
        "waarborg.mail.from=privacy@testopslag.example",
        "waarborg.mail.base-url=https://privacy.testopslag.example",
        "waarborg.mail.outbox-interval=0s",
        "spring.mail.host=127.0.0.1"})
@Import(MutableClockConfiguration.class)
class IdentityEvidenceApiTest extends ServiceTestBase {

    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("https://privacy\\.testopslag\\.example/requests/confirm/([A-Za-z0-9_-]{43})");
    private static final Caller STAFF = new Caller("test", "dpo", List.of(), true);
    private static final Caller APP = new Caller("test-app", "staff", List.of("rental", "quote"), false);

    static {
        MAIL.start(); // for the JVM: the context, cached, outlives any one test class
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    MutableClock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    Vault vault;
    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdCopies copies;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void emptyMailboxes() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    // ---- the confirmation link ----

    @Test
    void theLinkGoesToTheAddressTheVaultHoldsInDutchAndConfirmsOnceAndOnlyByPost() throws Exception {
        UUID subject = customer("ann@example.nl");
        String reference = receive(subject, "nl");
        long before = audit.head().lastSeq();

        JsonNode sent = post("/api/v1/requests/" + reference + "/identity/email-link", "", 200);

        assertThat(sent.get("category").asString()).isEqualTo("email");
        MimeMessage mail = MailParts.only(MAIL, 10000);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ann@example.nl");
        assertThat(mail.getSubject()).isEqualTo("Komt uw verzoek van u? Bevestig het (" + reference + ")");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("nl");
        String text = MailParts.text(mail, "text/plain");
        assertThat(text).contains("kenmerk is " + reference, "artikel 12, lid 6 AVG", "Testopslag B.V.");
        assertThat(MailParts.text(mail, "text/html")).contains("<a href=\"https://privacy.testopslag.example/requests/confirm/");
        String token = token(text);

        // a GET (a mail scanner, a preview) shows the button and confirms nothing
        HttpResponse<String> page = page("GET", token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">", "Ja, dit verzoek komt van mij").doesNotContain("<script");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(IdentityController.PAGE_POLICY);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(request(reference).get("identity").asString()).isEqualTo("pending");

        HttpResponse<String> confirmed = page("POST", token);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Bedankt", reference);
        JsonNode r = request(reference);
        assertThat(r.get("identity").asString()).isEqualTo("verified");
        assertThat(r.get("identityMethod").asString()).isEqualTo("email-link");
        assertThat(r.get("identityBy").asString()).isEqualTo("subject:link");
        // once: used now
        assertThat(page("POST", token).statusCode()).isEqualTo(410);
        assertThat(page("GET", token).body()).contains("Deze link werkt niet meer");
        // only the hash of the token is stored
        assertThat(jdbc.sql("SELECT count(*) FROM request_confirmation WHERE encode(token_hash, 'escape') LIKE ?")
                .param("%" + token + "%").query(Long.class).single()).isZero();
        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).extracting(AuditEvent::action).contains("request-contact-read", "request-identity-link-sent",
                "request-identity");
        assertThat(events.toString()).doesNotContain("ann@example.nl").doesNotContain(token);
    }

    @Test
    void theMailIsInEnglishForARequestInEnglish() throws Exception {
        UUID subject = customer("bob@example.com");
        String reference = receive(subject, "en");

        post("/api/v1/requests/" + reference + "/identity/email-link", "{\"category\":\"email\"}", 200);

        MimeMessage mail = MailParts.only(MAIL, 10000);
        assertThat(mail.getSubject()).isEqualTo("Is this request yours? Please confirm (" + reference + ")");
        assertThat(MailParts.text(mail, "text/plain")).contains("Its reference is " + reference, "Article 12(6) GDPR");
        HttpResponse<String> page = page("GET", token(MailParts.text(mail, "text/plain")));
        assertThat(page.body()).contains("Yes, this request is mine");
        assertThat(page.headers().firstValue("Content-Language")).hasValue("en");
    }

    @Test
    void anExpiredLinkAndAnOlderLinkDoNotConfirmAndAnUnknownOneIsNotFound() throws Exception {
        UUID subject = customer("cor@example.nl");
        String reference = receive(subject, "nl");
        post("/api/v1/requests/" + reference + "/identity/email-link", "", 200);
        String first = token(MailParts.text(MailParts.only(MAIL, 10000), "text/plain"));
        MAIL.purgeEmailFromAllMailboxes();
        post("/api/v1/requests/" + reference + "/identity/email-link", "", 200);
        String second = token(MailParts.text(MailParts.only(MAIL, 10000), "text/plain"));

        assertThat(page("POST", first).statusCode()).as("a newer link retires the older").isEqualTo(410);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        HttpResponse<String> expired = page("POST", second);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("verlopen of al gebruikt");
        assertThat(request(reference).get("identity").asString()).isEqualTo("pending");

        assertThat(page("GET", "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(page("POST", "not-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void withoutASubjectOrAnAddressThereIsNoLinkAndTheAddressComesOnlyFromAnEmailCategory() {
        String anonymous = post("/api/v1/requests", "{\"kinds\":[\"access\"],\"channel\":\"email\"}", 201)
                .get("reference").asString();
        assertThat(post("/api/v1/requests/" + anonymous + "/identity/email-link", "", 409).get("reason").asString())
                .isEqualTo("no-subject");
        UUID withoutAddress = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("customer")))).getFirst();
        String reference = receive(withoutAddress, "nl");
        assertThat(post("/api/v1/requests/" + reference + "/identity/email-link", "", 409).get("reason").asString())
                .isEqualTo("no-address");
        assertThat(post("/api/v1/requests/" + reference + "/identity/email-link", "{\"category\":\"name\"}", 400)
                .get("field").asString()).isEqualTo("category");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void outsidersAndApplicationsAreRefusedTheStaffEndpointsAndThePageIsPublic() {
        String reference = receive(customer("dirk@example.nl"), "nl");
        String app = keys.create("staff", List.of("rental"), null).plaintext();
        for (String path : List.of("/identity/email-link", "/identity/copy")) {
            assertThat(http.post("/api/v1/requests/" + reference + path, null, "{}").statusCode()).isEqualTo(401);
            assertThat(http.post("/api/v1/requests/" + reference + path, app, "{}").statusCode()).isEqualTo(403);
        }
        assertThat(http.get("/api/v1/requests/" + reference + "/identity/copy", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/requests/" + reference + "/identity/copy", app).statusCode()).isEqualTo(403);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(http.get("/requests/confirm/" + "B".repeat(43), null).statusCode()).as("public, unknown").isEqualTo(404);
        assertThat(http.get("/requests/confirm/x/y", null).statusCode()).as("nothing else below it").isEqualTo(401);
    }

    // ---- the ID copy ----

    @Test
    void anIdCopyIsStoredEncryptedAndIsGoneFileAndRowAfterTheIdentityDecision() throws Exception {
        String reference = receive(customer("eva@example.nl"), "nl");
        byte[] jpeg = jpeg("MASKED-ID-COPY-CONTENT");
        long before = audit.head().lastSeq();

        HttpResponse<String> uploaded = upload(reference, "image/jpeg", jpeg);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        UUID id = copyId(reference);
        Path file = dataDir.resolve("id-copies").resolve(id.toString());
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("encrypted").doesNotContain("MASKED-ID-COPY-CONTENT");
        HttpResponse<byte[]> viewed = http.getBytes("/api/v1/requests/" + reference + "/identity/copy", staffToken());
        assertThat(viewed.statusCode()).isEqualTo(200);
        assertThat(viewed.body()).isEqualTo(jpeg);
        assertThat(viewed.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(viewed.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        // staff must confirm that BSN and photo were masked
        assertThat(post("/api/v1/requests/" + reference + "/identity",
                "{\"method\":\"id-copy-masked\",\"outcome\":\"verified\"}", 400).get("field").asString()).isEqualTo("masked");
        assertThat(file).as("a refused decision keeps the copy").exists();

        JsonNode decided = post("/api/v1/requests/" + reference + "/identity",
                "{\"method\":\"id-copy-masked\",\"outcome\":\"verified\",\"masked\":true}", 200);

        assertThat(decided.get("identityMethod").asString()).isEqualTo("id-copy-masked");
        assertThat(file).doesNotExist();
        assertThat(rows(reference)).isZero();
        assertThat(Files.list(dataDir.resolve("id-copies")).filter(f -> f.getFileName().toString().equals(id.toString())))
                .isEmpty();
        assertThat(http.get("/api/v1/requests/" + reference + "/identity/copy", staffToken()).statusCode()).isEqualTo(404);
        List<AuditEvent> events = audit.events(before, 100);
        assertThat(events).extracting(AuditEvent::action).containsSubsequence("request-id-copy-received",
                "request-id-copy-viewed", "request-identity", "request-id-copy-deleted");
        assertThat(upload(reference, "image/jpeg", jpeg).statusCode()).as("no copy after the decision").isEqualTo(409);
    }

    @Test
    void anyIdentityDecisionAndARefusalDeleteTheCopy() throws Exception {
        String failed = receive(customer("fien@example.nl"), "nl");
        assertThat(upload(failed, "application/pdf", "%PDF-1.7 masked".getBytes()).statusCode()).isEqualTo(201);
        Path file = dataDir.resolve("id-copies").resolve(copyId(failed).toString());
        post("/api/v1/requests/" + failed + "/identity", "{\"method\":\"in-person-id\",\"outcome\":\"failed\"}", 200);
        assertThat(file).doesNotExist();
        assertThat(rows(failed)).isZero();

        String refused = receive(customer("gijs@example.nl"), "nl");
        assertThat(upload(refused, "image/png", png()).statusCode()).isEqualTo(201);
        Path refusedFile = dataDir.resolve("id-copies").resolve(copyId(refused).toString());
        post("/api/v1/requests/" + refused + "/refuse", "{\"ground\":\"identity-not-established\",\"reason\":\"r\"}", 200);
        assertThat(refusedFile).doesNotExist();
        assertThat(rows(refused)).isZero();
    }

    @Test
    void aCopyMustBeAnImageOrPdfOfWhatItSaysAndNotTooLarge() {
        String reference = receive(customer("hans@example.nl"), "nl");
        assertThat(JSON.readTree(upload(reference, "text/plain", "hello".getBytes()).body()).get("field").asString())
                .isEqualTo("Content-Type");
        assertThat(upload(reference, "image/png", jpeg("x")).statusCode()).as("a JPEG sent as PNG").isEqualTo(400);
        assertThat(upload(reference, "image/jpeg", new byte[0]).statusCode()).isEqualTo(400);
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(jpeg(""), 0, huge, 0, 3);
        assertThat(upload(reference, "image/jpeg", huge).statusCode()).isEqualTo(413);
        assertThat(rows(reference)).isZero();
    }

    @Test
    void theSweepRemovesFilesLeftWithoutARow() throws Exception {
        Path folder = Files.createDirectories(dataDir.resolve("id-copies"));
        Path orphan = folder.resolve(UUID.randomUUID().toString());
        Files.write(orphan, new byte[] {1, 2, 3}); // a kill -9 between writing the file and committing its row
        Files.setLastModifiedTime(orphan, java.nio.file.attribute.FileTime.from(clock.instant()));

        copies.sweep(clock.instant(), false);
        assertThat(orphan).as("younger than an hour: may be an upload in flight").exists();

        clock.advance(Duration.ofHours(2));
        assertThat(copies.sweep(clock.instant(), true)).isPositive();
        assertThat(orphan).as("a dry run counts").exists();
        copies.sweep(clock.instant(), false);
        assertThat(orphan).doesNotExist();
    }

    // ---- helpers ----

    private UUID customer(String email) {
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("customer")))).getFirst();
        vault.addItems(APP, List.of(new NewItem(subject, "email", email, List.of("rental"), "subject", "vault", null)));
        return subject;
    }

    private String receive(UUID subject, String language) {
        return post("/api/v1/requests", "{\"kinds\":[\"access\"],\"channel\":\"email\",\"language\":\"" + language
                + "\",\"subject\":\"" + subject + "\"}", 201).get("reference").asString();
    }

    private JsonNode request(String reference) {
        return JSON.readTree(http.get("/api/v1/requests/" + reference, staffToken()).body());
    }

    private JsonNode post(String path, String body, int status) {
        HttpResponse<String> r = http.post(path, staffToken(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> page(String method, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/requests/confirm/" + token));
        b = method.equals("POST") ? b.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
        return send(b.build());
    }

    private HttpResponse<String> upload(String reference, String type, byte[] content) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/requests/" + reference
                        + "/identity/copy")).header("Authorization", "Bearer " + staffToken()).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UUID copyId(String reference) {
        return jdbc.sql("SELECT c.id FROM request_id_copy c JOIN request r ON r.id = c.request_id WHERE r.reference = ?")
                .param(reference).query(UUID.class).single();
    }

    private long rows(String reference) {
        return jdbc.sql("SELECT count(*) FROM request_id_copy c JOIN request r ON r.id = c.request_id WHERE r.reference = ?")
                .param(reference).query(Long.class).single();
    }

    private static byte[] jpeg(String marker) {
        byte[] m = marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] b = new byte[3 + m.length];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        System.arraycopy(m, 0, b, 3, m.length);
        return b;
    }

    private static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    }


    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a confirmation link in the mail").isTrue();
        return m.group(1);
    }


}
