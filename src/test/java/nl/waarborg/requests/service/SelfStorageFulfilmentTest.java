package nl.waarborg.requests.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.database.DatabaseProperties;
import nl.waarborg.demo.DemoCrm;
import nl.waarborg.systems.FakeWebhookSystem;
import nl.waarborg.systems.Secrets;
import nl.waarborg.systems.SystemOperations;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Reference;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests fulfilled end to end on the self-storage example (examples/self-storage.yaml): the vault, the example's CRM
 * through its jdbc mapping (the demo's CRM, a second embedded PostgreSQL filled with fictional customers), the
 * access-control platform as a webhook system (a real HTTP server in this JVM), and the manual systems as tasks for
 * their owners. The clock moves; nothing sleeps; the loops that retry and move fulfilments on are off, the tests run
 * them.
 */
@TestPropertySource(properties = {
        "waarborg.data-dir=${waarborg.test.data-root}/fulfilment",
        "waarborg.retention.sweep-interval=PT0S",
        "waarborg.systems.retry-interval=0s",
        "waarborg.requests.fulfilment-interval=0s",
        "waarborg.mail.base-url=https://privacy.example.nl",
        "waarborg.mail.enabled=true",
        "waarborg.mail.from=privacy@opslag.example",
        "waarborg.mail.alerts-to=privacyteam@opslag.example",
        "waarborg.mail.outbox-interval=0s",
        "spring.mail.host=127.0.0.1",
        "waarborg.systems.max-attempts=3",
        "waarborg.systems.webhook-timeout=1s"})
@Import(MutableClockConfiguration.class)
class SelfStorageFulfilmentTest extends ServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Caller STAFF = new Caller("privacy-team", "management", List.of(), true);
    private static final Caller CUSTOMER_SERVICE = new Caller("crm", "customer-service", List.of("customer-contract"), false);
    static final FakeWebhookSystem ACCESS = new FakeWebhookSystem();
    private static final com.icegreen.greenmail.util.GreenMail MAIL = new com.icegreen.greenmail.util.GreenMail(
            com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
    static final Path POLICY;
    static final DemoCrm CRM;
    static final Path CRM_DIR;

    static {
        MAIL.start(); // for the JVM: the context, cached, outlives any one test class
        try {
            Path data = DATA.getParent().resolve("fulfilment");
            Files.createDirectories(data.resolve("secrets"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path secret = data.resolve("secrets/access");
            Files.writeString(secret, "whsec_" + java.util.Base64.getEncoder().encodeToString(
                    "test secret of access control!!!".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            String example = Files.readString(Path.of("examples/self-storage.yaml"));
            String hook = "webhook: {url: \"https://access.example.com/waarborg\", secret: {env: ACCESS_CONTROL_WEBHOOK_SECRET}}";
            if (!example.contains(hook)) {
                throw new IllegalStateException("self-storage.yaml changed: the access-control webhook is not as expected");
            }
            POLICY = Files.createTempFile(Path.of("target"), "fulfilment-policy", ".yaml");
            // every webhook system of the example answers from the one server here, with the one secret
            Files.writeString(POLICY, example.replaceAll("webhook: \\{url: \"[^\"]+\", secret: \\{env: [A-Z_]+}}",
                    "webhook: {url: \"" + ACCESS.url() + "\", secret: {file: secrets/access}}"));
            CRM_DIR = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "fulfilment-crm");
            CRM = DemoCrm.start(CRM_DIR, new DatabaseProperties("32MB", 2, null, 0, Duration.ofSeconds(1), false).binaries(),
                    LocalDate.now(ZoneId.of("Europe/Amsterdam")));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry registry) {
        registry.add("waarborg.policy", POLICY::toString);
        registry.add("waarborg.systems.settings-file", () -> DemoCrm.settingsFile(CRM_DIR).toString());
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        CRM.close();
        ACCESS.close();
    }

    @Autowired
    MutableClock clock;
    @Autowired
    Vault vault;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SystemOperations operations;
    @Autowired
    Fulfilment fulfilment;
    @Autowired
    nl.waarborg.consent.Consents consents;
    @Autowired
    nl.waarborg.web.ApiKeys keys;

    static Connection crm() throws SQLException {
        Map<String, String> s = Secrets.overlay(Map.of(), DemoCrm.settingsFile(CRM_DIR));
        return DriverManager.getConnection(s.get("CRM_JDBC_URL"), s.get("CRM_DB_USER"), s.get("CRM_DB_PASSWORD"));
    }

    static long crmLong(String sql, Object... params) {
        try (Connection c = crm(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String crmText(String sql, Object... params) {
        try (Connection c = crm(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A customer of the CRM with a vault subject of its own (reference crm:ID) and an e-mail address in the vault. */
    private UUID customer(long crmId, String email) {
        UUID s = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(new Reference("crm", Long.toString(crmId))),
                List.of(), List.of("customer")))).getFirst();
        try {
            vault.addItems(CUSTOMER_SERVICE, List.of(new NewItem(s, "email", email, List.of("customer-contract"), "from-subject", "vault",
                    null)));
        } catch (Vault.ItemsRefusedException e) {
            throw new AssertionError(e.refusals().toString(), e);
        }
        return s;
    }

    private JsonNode post(String path, String body, int status) {
        HttpResponse<String> r = http.post(path, staffToken(), body);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private JsonNode get(String path, int status) {
        HttpResponse<String> r = http.get(path, staffToken());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** A verified request of {@code kinds} for {@code subject}: its reference. */
    private String verifiedRequest(UUID subject, String kinds) {
        String reference = post("/api/v1/requests", "{\"kinds\":" + kinds + ",\"channel\":\"email\",\"language\":\"nl\","
                + "\"subject\":\"" + subject + "\"}", 201).get("reference").asString();
        post("/api/v1/requests/" + reference + "/identity", "{\"method\":\"account-login\",\"outcome\":\"verified\"}", 200);
        return reference;
    }

    /** Marks every open manual task of this subject done, as their owners would. */
    private void ownersDoTheirTasks(UUID subject) {
        for (JsonNode t : get("/api/v1/systems/tasks", 200)) {
            if (subject.toString().equals(t.path("subject").asString(null)) && t.path("doneAt").isNull()) {
                post("/api/v1/systems/tasks/" + t.get("id").asLong() + "/done", "{}", 200);
            }
        }
    }

    private static JsonNode step(JsonNode progress, String action, String target) {
        for (JsonNode s : progress.get("steps")) {
            if (s.get("action").asString().equals(action) && s.get("target").asString().equals(target)) {
                return s;
            }
        }
        throw new AssertionError("no step " + action + " " + target + " in " + progress);
    }

    @Test
    void anAccessRequestReadsTheVaultTheCrmAndTheWebhookSystemIntoOneAnswerTheLinkServesFor14DaysAuditedEachTime() {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT 1");
        String firstName = crmText("SELECT first_name FROM customers WHERE id = ?", crmId);
        UUID subject = customer(crmId, "anna.access@example.nl");
        ACCESS.answer((n, d) -> new FakeWebhookSystem.Reply(200, "{\"status\":\"done\",\"values\":[{\"table\":\"badges\","
                + "\"field\":\"badge_no\",\"category\":\"visit-log\",\"value\":\"BADGE-4711\"}]}"));
        String reference = verifiedRequest(subject, "[\"access\"]");

        JsonNode progress = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);

        assertThat(step(progress, "export", "vault").get("status").asString()).isEqualTo("done");
        assertThat(step(progress, "export", "crm").get("status").asString()).isEqualTo("done");
        assertThat(step(progress, "export", "access-control").get("status").asString()).isEqualTo("done");
        // the manual systems' owners send their part: a task each, pending until they mark it done
        assertThat(step(progress, "export", "phone-platform").get("status").asString()).isEqualTo("pending");
        String link = progress.get("answer").get("link").asString();
        assertThat(link).startsWith("https://privacy.example.nl/api/v1/requests/answers/");
        assertThat(progress.get("answer").get("partial").asBoolean()).isFalse();
        assertThat(post("/api/v1/requests/" + reference + "/complete", "{}", 409).get("reason").asString())
                .isEqualTo("steps-open");

        ownersDoTheirTasks(subject);
        JsonNode done = post("/api/v1/requests/" + reference + "/complete", "{}", 200);
        assertThat(done.get("status").asString()).isEqualTo("completed");

        String path = link.substring("https://privacy.example.nl".length());
        HttpResponse<String> json = http.get(path + "?format=json", null);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("anna.access@example.nl", firstName, "BADGE-4711");
        HttpResponse<String> html = http.get(path + "?format=html", null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("anna.access@example.nl");
        HttpResponse<byte[]> pdf = http.getBytes(path + "?format=pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .as("printed when asked for, from the stored page").isEqualTo("%PDF-");
        assertThat(http.get(path + "?format=zip", null).statusCode()).as("only the answer's formats").isEqualTo(400);
        assertThat(http.get(path + "?format=pdf-source", null).statusCode()).as("the stored page is not served").isEqualTo(400);
        assertThat(jdbc.queryForList("SELECT array_to_string(reasons, ' ') FROM audit_event WHERE action = "
                + "'request-answer-downloaded' AND ? = ANY (reasons)", String.class, "request:" + reference))
                .hasSize(3).allSatisfy(r -> assertThat(r).contains("format:"));
        // the answer is stored encrypted: no value in the database in clear
        assertThat(jdbc.queryForObject("SELECT count(*) FROM request_answer_chunk c JOIN request_answer a ON a.id = "
                + "c.answer_id JOIN request r ON r.id = a.request_id WHERE r.reference = ? AND position(convert_to(?, 'UTF8') "
                + "in c.bytes) > 0", Long.class, reference, "anna.access")).isZero();

        String letter = http.get("/api/v1/requests/" + reference + "/letters/completion", staffToken()).body();
        assertThat(letter).contains(path);
        // the request from the audit log alone: every step, who completed it, every download
        List<String> timeline = new java.util.ArrayList<>();
        get("/api/v1/requests/" + reference + "/timeline", 200).forEach(e -> timeline.add(e.get("action").asString()
                + " " + e.get("actor").asString() + " " + String.join(" ", e.get("reasons").valueStream()
                .map(JsonNode::asString).toList())));
        assertThat(timeline).anyMatch(t -> t.startsWith("request-fulfilment-started"))
                .anyMatch(t -> t.startsWith("request-export"))
                .anyMatch(t -> t.startsWith("request-step") && t.contains("target:crm") && t.contains("status:done"))
                .anyMatch(t -> t.startsWith("request-step") && t.contains("target:phone-platform") && t.contains("status:pending"))
                .anyMatch(t -> t.startsWith("request-answer-made"))
                .anyMatch(t -> t.startsWith("request-completed staff"))
                .anyMatch(t -> t.startsWith("request-answer-downloaded link:answer") && t.contains("format:json"))
                .noneMatch(t -> t.contains("anna"));

        clock.advance(Duration.ofDays(14));
        assertThat(http.get(path + "?format=json", null).statusCode()).as("the link expires after 14 days").isEqualTo(404);
        assertThat(post("/api/v1/retention/sweep", "{}", 200).toString()).contains("request-answers");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM request_answer a JOIN request r ON r.id = a.request_id "
                + "WHERE r.reference = ?", Long.class, reference)).as("the sweep deletes it, key and all").isZero();
        assertThat(http.get("/api/v1/requests/answers/" + "A".repeat(43), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aWebhookSystemDownForAWhileFailsItsStepAloneAndAResumeReadsItIntoANewAnswer() {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'active' ORDER BY id OFFSET 1 LIMIT 1");
        UUID subject = customer(crmId, "bert.down@example.nl");
        ACCESS.answer((n, d) -> new FakeWebhookSystem.Reply(503, "{}"));
        String reference = verifiedRequest(subject, "[\"access\"]");

        JsonNode first = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);

        assertThat(step(first, "export", "access-control").get("status").asString()).isEqualTo("failed");
        assertThat(step(first, "export", "access-control").get("cause").asString()).isNotBlank();
        assertThat(step(first, "export", "crm").get("status").asString()).isEqualTo("done");
        assertThat(first.get("answer").get("partial").asBoolean()).as("a partial answer is shown").isTrue();

        ACCESS.answer((n, d) -> new FakeWebhookSystem.Reply(200, "{\"status\":\"done\",\"values\":[{\"table\":\"badges\","
                + "\"field\":\"badge_no\",\"category\":\"visit-log\",\"value\":\"BADGE-0815\"}]}"));
        JsonNode resumed = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);

        assertThat(step(resumed, "export", "access-control").get("status").asString()).isEqualTo("done");
        assertThat(resumed.get("answer").get("partial").asBoolean()).isFalse();
        String path = resumed.get("answer").get("link").asString().substring("https://privacy.example.nl".length());
        assertThat(http.get(path + "?format=json", null).body()).contains("BADGE-0815", "bert.down@example.nl");
        assertThat(http.get(first.get("answer").get("link").asString().substring("https://privacy.example.nl".length())
                + "?format=json", null).statusCode()).as("the partial answer is replaced").isEqualTo(404);
    }

    @Test
    void anErasureKeepsWhatTheRunningContractNeedsSaysWhyAndTellsTheRecipientsAsTasks() {
        long crmId = crmLong("SELECT id FROM customers c WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM invoices i "
                + "WHERE i.customer_id = c.id) ORDER BY id LIMIT 1");
        UUID subject = customer(crmId, "carla.erase@example.nl");
        ACCESS.answer((n, d) -> FakeWebhookSystem.Reply.done("{}"));
        String reference = verifiedRequest(subject, "[\"erasure\"]");

        JsonNode progress = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);

        JsonNode vaultStep = step(progress, "erase", "vault");
        assertThat(vaultStep.get("status").asString()).isEqualTo("done");
        // the contract still runs: its data stays (Art. 17(1)(a)), and the answer says so and why
        assertThat(vaultStep.get("kept")).singleElement().satisfies(k -> {
            assertThat(k.get("category").asString()).isEqualTo("email");
            assertThat(k.get("ground").asString()).isEqualTo("contract");
            assertThat(k.get("count").asLong()).isEqualTo(1);
        });
        assertThat(step(progress, "erase", "crm").get("status").asString()).isEqualTo("done");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM item WHERE subject_id = ?", Long.class, subject)).isEqualTo(1);

        ownersDoTheirTasks(subject);
        fulfilment.advanceAll(FulfilmentLoop.ACTOR);
        JsonNode told = get("/api/v1/requests/" + reference + "/fulfilment", 200);
        List<JsonNode> notify = new java.util.ArrayList<>();
        told.get("steps").forEach(s -> {
            if (s.get("action").asString().equals("notify")) {
                notify.add(s);
            }
        });
        assertThat(notify).as("Art. 19: every recipient of the customer's purposes, as a task").isNotEmpty()
                .allSatisfy(s -> assertThat(s.get("status").asString()).isEqualTo("pending"));
        for (JsonNode s : notify) {
            post("/api/v1/requests/" + reference + "/steps/" + s.get("seq").asInt() + "/done", "{}", 200);
        }
        assertThat(post("/api/v1/requests/" + reference + "/complete", "{}", 200).get("status").asString())
                .isEqualTo("completed");
        String letter = http.get("/api/v1/requests/" + reference + "/letters/completion?lang=en", staffToken()).body();
        assertThat(letter).contains("We have erased your data", "Article 19", "agreement with you");
    }

    @Test
    void aRequestIsFulfilledOnlyOnceTheIdentityIsVerifiedAndOutsidersAreRefused() {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'active' ORDER BY id OFFSET 2 LIMIT 1");
        UUID subject = customer(crmId, "dirk.wait@example.nl");
        String reference = post("/api/v1/requests", "{\"kinds\":[\"access\"],\"subject\":\"" + subject + "\"}", 201)
                .get("reference").asString();

        assertThat(post("/api/v1/requests/" + reference + "/fulfil", "{}", 409).get("reason").asString())
                .isEqualTo("identity-not-verified");
        for (String path : List.of("/fulfil", "/complete", "/steps/1/done")) {
            assertThat(http.post("/api/v1/requests/" + reference + path, null, "{}").statusCode()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/fulfilment", "/answer", "/letters/completion")) {
            assertThat(http.get("/api/v1/requests/" + reference + path, null).statusCode()).as(path).isEqualTo(401);
        }
        // an application's key, even one that may see the person, is refused the privacy team's steps
        String key = keys.create("customer-service", List.of("customer-contract"), "fulfilment-test").plaintext();
        for (String path : List.of("/fulfil", "/complete", "/steps/1/done")) {
            assertThat(http.post("/api/v1/requests/" + reference + path, key, "{}").statusCode()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/fulfilment", "/answer", "/letters/completion")) {
            assertThat(http.get("/api/v1/requests/" + reference + path, key).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void aRectificationChangesTheVaultAndTheCrmAndTheValueIsAskedAgainWhenLostNeverStored() {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'active' ORDER BY id OFFSET 3 LIMIT 1");
        UUID subject = customer(crmId, "eva.old@example.nl");
        ACCESS.answer((n, d) -> FakeWebhookSystem.Reply.done("{}"));
        String reference = verifiedRequest(subject, "[\"rectification\"]");
        assertThat(post("/api/v1/requests/" + reference + "/fulfil", "{}", 400).get("field").asString())
                .isEqualTo("rectifications");
        assertThat(post("/api/v1/requests/" + reference + "/fulfil", "{\"rectifications\":[{\"category\":\"shoe-size\","
                + "\"value\":\"44\"}]}", 400).get("field").asString()).isEqualTo("rectifications/0/category");

        JsonNode progress = post("/api/v1/requests/" + reference + "/fulfil", "{\"rectifications\":[{\"category\":"
                + "\"email\",\"value\":\"eva.new@example.nl\"}]}", 200);

        assertThat(step(progress, "rectify", "vault").get("status").asString()).isEqualTo("done");
        assertThat(step(progress, "rectify", "crm").get("status").asString()).isEqualTo("done");
        assertThat(crmText("SELECT email FROM customers WHERE id = ?", crmId)).isEqualTo("eva.new@example.nl");
        List<String> values = new java.util.ArrayList<>();
        vault.read(CUSTOMER_SERVICE, subject, "customer-contract", List.of("email")).items()
                .forEach(i -> values.add(i.value()));
        assertThat(values).containsExactly("eva.new@example.nl");
        // the new value is nowhere in Waarborg's own tables but the vault's encrypted item
        assertThat(jdbc.queryForObject("SELECT count(*) FROM request_step WHERE position('eva.new' in kept::text || "
                + "counts::text || coalesce(cause, '')) > 0", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE position('eva.new' in "
                + "array_to_string(reasons, ' ')) > 0", Long.class)).isZero();
    }

    @Test
    void aPortabilityRequestAnswersWithAZipOfWhatThePersonProvided() throws Exception {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'active' ORDER BY id OFFSET 4 LIMIT 1");
        UUID subject = customer(crmId, "fleur.port@example.nl");
        ACCESS.answer((n, d) -> FakeWebhookSystem.Reply.done("{}"));
        String reference = verifiedRequest(subject, "[\"portability\"]");

        JsonNode progress = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);

        assertThat(progress.get("answer").get("formats")).extracting(JsonNode::asString).containsExactly("zip");
        String path = progress.get("answer").get("link").asString().substring("https://privacy.example.nl".length());
        HttpResponse<byte[]> zip = http.getBytes(path + "?format=zip", null);
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, String> entries = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("data.json", "data.csv");
        assertThat(entries.get("data.json")).contains("fleur.port@example.nl");
        assertThat(entries.get("data.csv")).contains("fleur.port@example.nl");
    }

    @Test
    void aRestrictionTakesEffectAtVerificationAndIsPassedOnToEveryRecipientAsATask() {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'active' ORDER BY id OFFSET 5 LIMIT 1");
        UUID subject = customer(crmId, "gijs.restrict@example.nl");
        String reference = post("/api/v1/requests", "{\"kinds\":[\"restriction\"],\"restrictionGround\":"
                + "\"accuracy-contested\",\"subject\":\"" + subject + "\"}", 201).get("reference").asString();
        post("/api/v1/requests/" + reference + "/identity", "{\"method\":\"account-login\",\"outcome\":\"verified\"}", 200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action LIKE 'restrict%'",
                Long.class, subject)).as("Art. 18 in the decision core at once").isPositive();

        JsonNode progress = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);

        assertThat(progress.get("steps")).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("action").asString()).isEqualTo("notify");
            assertThat(s.get("needsStaff").asBoolean()).isTrue();
        });
        progress.get("steps").forEach(s ->
                post("/api/v1/requests/" + reference + "/steps/" + s.get("seq").asInt() + "/done", "{}", 200));
        assertThat(post("/api/v1/requests/" + reference + "/steps/1/done", "{}", 409).get("reason").asString())
                .isEqualTo("done-already");
        assertThat(post("/api/v1/requests/" + reference + "/complete", "{}", 200).get("status").asString())
                .isEqualTo("completed");
        assertThat(http.get("/api/v1/requests/" + reference + "/letters/completion", staffToken()).body())
                .contains("artikel 18 AVG", "artikel 19 AVG");
    }

    @Test
    void anObjectionAndAConsentWithdrawalNeedNoStepsAndAreCompletedWithTheirLetter() {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'active' ORDER BY id OFFSET 6 LIMIT 1");
        UUID subject = customer(crmId, "hans.object@example.nl");
        String reference = verifiedRequest(subject, "[\"objection\"],\"purposes\":[\"marketing\"]");

        JsonNode progress = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);

        assertThat(progress.get("steps")).isEmpty();
        assertThat(post("/api/v1/requests/" + reference + "/complete", "{}", 200).get("status").asString())
                .isEqualTo("completed");
        assertThat(post("/api/v1/requests/" + reference + "/fulfil", "{}", 409).get("reason").asString()).isEqualTo("closed");
        assertThat(http.get("/api/v1/requests/" + reference + "/letters/completion?lang=en", staffToken()).body())
                .contains("We have recorded your objection", "Article 21");
    }

    @Test
    void aStepAProcessLeftRunningWhenItDiedIsTriedAgainByTheLoopAndDoneOnce() {
        long crmId = crmLong("SELECT id FROM customers c WHERE status = 'prospect' ORDER BY id LIMIT 1");
        UUID subject = customer(crmId, "ida.killed@example.nl");
        ACCESS.answer((n, d) -> new FakeWebhookSystem.Reply(503, "{}"));
        String reference = verifiedRequest(subject, "[\"erasure\"]");
        JsonNode first = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);
        assertThat(step(first, "erase", "access-control").get("status").asString()).isEqualTo("failed");
        int seq = step(first, "erase", "access-control").get("seq").asInt();
        String op = step(first, "erase", "access-control").get("operation").asString();
        // what a kill -9 between marking the step running and the system's answer leaves: the step running, its
        // operation stored and not yet tried
        jdbc.update("UPDATE request_step SET status = 'running' WHERE request_id = (SELECT id FROM request WHERE "
                + "reference = ?) AND seq = ?", reference, seq);
        jdbc.update("UPDATE system_operation SET status = 'pending', attempts = 0, cause = NULL, next_attempt_at = NULL, "
                + "awaiting_answer = true WHERE id = ?", op);
        ACCESS.answer((n, d) -> FakeWebhookSystem.Reply.done("{\"delete:badges\":1}"));

        fulfilment.advanceAll(FulfilmentLoop.ACTOR);

        JsonNode after = get("/api/v1/requests/" + reference + "/fulfilment", 200);
        assertThat(step(after, "erase", "access-control").get("status").asString()).as(after.toString()).isEqualTo("done");
        assertThat(ACCESS.deliveries).filteredOn(d -> d.id() != null && d.id().startsWith(op)).hasSize(1);
        fulfilment.advanceAll(FulfilmentLoop.ACTOR);
        assertThat(ACCESS.deliveries).as("done once: a later round asks nothing again")
                .filteredOn(d -> d.id() != null && d.id().startsWith(op)).hasSize(1);
    }

    @Test
    void anAnswerChangedBehindTheServicesBackIsRefusedNotServed() {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'active' ORDER BY id OFFSET 7 LIMIT 1");
        UUID subject = customer(crmId, "jan.tamper@example.nl");
        ACCESS.answer((n, d) -> FakeWebhookSystem.Reply.done("{}"));
        String reference = verifiedRequest(subject, "[\"access\"]");
        String path = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200).get("answer").get("link").asString()
                .substring("https://privacy.example.nl".length());
        jdbc.update("UPDATE request_answer_chunk SET bytes = overlay(bytes placing '\\x00'::bytea from 40 for 1) "
                + "WHERE format = 'json' AND answer_id = (SELECT a.id FROM request_answer a JOIN request r ON r.id = "
                + "a.request_id WHERE r.reference = ?)", reference);

        HttpResponse<String> r = http.get(path + "?format=json", null);

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContain("jan.tamper").contains("damaged");
    }

    @Test
    void anErasureOfAFormerCustomerKeepsTheInvoicesUnderTheSevenYearFiscalRuleAndSaysUntilWhen() {
        long crmId = crmLong("SELECT c.id FROM customers c WHERE c.status = 'former' AND c.contract_end IS NOT NULL AND EXISTS "
                + "(SELECT 1 FROM invoices i WHERE i.customer_id = c.id) ORDER BY c.contract_end DESC LIMIT 1");
        long invoices = crmLong("SELECT count(*) FROM invoices WHERE customer_id = ?", crmId);
        UUID subject = customer(crmId, "karel.fiscal@example.nl");
        ACCESS.answer((n, d) -> FakeWebhookSystem.Reply.done("{}"));
        String reference = verifiedRequest(subject, "[\"erasure\"]");

        JsonNode progress = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);

        JsonNode crm = step(progress, "erase", "crm");
        assertThat(crm.get("status").asString()).isEqualTo("done");
        assertThat(crmLong("SELECT count(*) FROM invoices WHERE customer_id = ?", crmId)).as("kept").isEqualTo(invoices);
        assertThat(crmLong("SELECT count(*) FROM rentals WHERE customer_id = ?", crmId)).as("erased").isZero();
        assertThat(crmText("SELECT email FROM customers WHERE id = ?", crmId)).as("erased").isNull();
        List<JsonNode> kept = new java.util.ArrayList<>();
        crm.get("kept").forEach(kept::add);
        assertThat(kept).anySatisfy(k -> {
            assertThat(k.get("category").asString()).isEqualTo("payment-details");
            assertThat(k.get("ground").asString()).isEqualTo("legal-obligation");
            assertThat(k.get("until").asString()).matches("20[3-9][0-9]-[0-9]{2}-[0-9]{2}");
        });
        String until = kept.stream().filter(k -> k.get("category").asString().equals("payment-details"))
                .findFirst().orElseThrow().get("until").asString();
        ownersDoTheirTasks(subject);
        fulfilment.advanceAll(FulfilmentLoop.ACTOR);
        get("/api/v1/requests/" + reference + "/fulfilment", 200).get("steps").forEach(s -> {
            if (s.get("action").asString().equals("notify")) {
                post("/api/v1/requests/" + reference + "/steps/" + s.get("seq").asInt() + "/done", "{}", 200);
            }
        });
        post("/api/v1/requests/" + reference + "/complete", "{}", 200);
        String letter = http.get("/api/v1/requests/" + reference + "/letters/completion?lang=en", staffToken()).body();
        LocalDate day = LocalDate.parse(until);
        assertThat(letter).contains("a law requires us to keep it", "Article 17(3)(b)",
                day.getDayOfMonth() + " " + day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + " " + day.getYear());
    }

    @Test
    void aSystemDownForGoodIsGivenUpAfterItsRetriesTheStepNeedsStaffAndThePrivacyTeamIsMailed() throws Exception {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'active' ORDER BY id OFFSET 8 LIMIT 1");
        UUID subject = customer(crmId, "lotte.down@example.nl");
        ACCESS.answer((n, d) -> new FakeWebhookSystem.Reply(503, "{}"));
        String reference = verifiedRequest(subject, "[\"erasure\"]");
        JsonNode first = post("/api/v1/requests/" + reference + "/fulfil", "{}", 200);
        assertThat(step(first, "erase", "access-control").get("needsStaff").asBoolean()).isFalse();
        MAIL.purgeEmailFromAllMailboxes();

        for (int i = 0; i < 3; i++) { // max-attempts 3: two more tries, with backoff
            clock.advance(Duration.ofHours(1));
            operations.retryDue();
        }

        JsonNode after = get("/api/v1/requests/" + reference + "/fulfilment", 200);
        JsonNode down = step(after, "erase", "access-control");
        assertThat(down.get("status").asString()).isEqualTo("failed");
        assertThat(down.get("attempts").asInt() + 0).isPositive();
        assertThat(down.get("needsStaff").asBoolean()).as("given up: staff must act").isTrue();
        String op = down.get("operation").asString();
        assertThat(MAIL.getReceivedMessages()).filteredOn(m -> {
            try {
                return m.getSubject().contains("access-control") && m.getAllRecipients()[0].toString()
                        .equals("privacyteam@opslag.example") && com.icegreen.greenmail.util.GreenMailUtil.getBody(m).contains(op);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).hasSize(1);
        assertThat(java.util.Arrays.stream(MAIL.getReceivedMessages()).map(com.icegreen.greenmail.util.GreenMailUtil::getBody))
                .noneMatch(b -> b.contains("lotte"));

        ACCESS.answer((n, d) -> FakeWebhookSystem.Reply.done("{}"));
        assertThat(step(post("/api/v1/requests/" + reference + "/fulfil", "{}", 200), "erase", "access-control")
                .get("status").asString()).as("staff resume once it is back").isEqualTo("done");
    }

    @Test
    void aConsentWithdrawalTakesEffectAtIntakeNeedsNoStepAndItsLetterSaysWhatStaysLawful() {
        UUID lead = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of("lead"))))
                .getFirst();
        consents.give(new Caller("site", "marketing", List.of("lead-marketing"), false), lead,
                new nl.waarborg.consent.Consents.NewConsent("lead-marketing", "2026-03", "nl", "web-form", null));
        String reference = post("/api/v1/requests", "{\"kinds\":[\"consent-withdrawal\"],\"purposes\":[\"lead-marketing\"],"
                + "\"channel\":\"email\",\"subject\":\"" + lead + "\"}", 201).get("reference").asString();
        assertThat(get("/api/v1/subjects/" + lead + "/consents", 200).toString()).as("withdrawn at intake (Art. 7(3))")
                .contains("withdrawnAt\":\"");
        post("/api/v1/requests/" + reference + "/identity", "{\"method\":\"account-login\",\"outcome\":\"verified\"}", 200);

        assertThat(post("/api/v1/requests/" + reference + "/fulfil", "{}", 200).get("steps")).isEmpty();
        post("/api/v1/requests/" + reference + "/complete", "{}", 200);

        assertThat(http.get("/api/v1/requests/" + reference + "/letters/completion?lang=en", staffToken()).body())
                .contains("with your consent", "stays lawful", "Article 7(3) GDPR");
    }

    @Test
    void aWebhookSystemDownForAWhileIsRetriedWithBackoffAndTheStepIsDoneWithoutStaff() {
        long crmId = crmLong("SELECT id FROM customers WHERE status = 'prospect' ORDER BY id OFFSET 1 LIMIT 1");
        UUID subject = customer(crmId, "mila.later@example.nl");
        ACCESS.answer((n, d) -> new FakeWebhookSystem.Reply(503, "{}"));
        String reference = verifiedRequest(subject, "[\"erasure\"]");
        assertThat(step(post("/api/v1/requests/" + reference + "/fulfil", "{}", 200), "erase", "access-control")
                .get("status").asString()).isEqualTo("failed");

        ACCESS.answer((n, d) -> FakeWebhookSystem.Reply.done("{}"));
        clock.advance(Duration.ofHours(1));
        operations.retryDue(); // the systems capability's retry, not staff

        JsonNode after = get("/api/v1/requests/" + reference + "/fulfilment", 200);
        assertThat(step(after, "erase", "access-control").get("status").asString()).isEqualTo("done");
        assertThat(step(after, "erase", "access-control").get("needsStaff").asBoolean()).isFalse();
    }
}
