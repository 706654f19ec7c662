package nl.waarborg.requests.service;

import nl.waarborg.mail.MailParts;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.mail.MailOutbox;
import nl.waarborg.mail.OutboxSender;
import nl.waarborg.requests.Request;
import nl.waarborg.systems.SystemOperations;
import nl.waarborg.systems.manual.ManualTasks;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Letters and task notices by mail through the outbox, to an SMTP server in this JVM (GreenMail, on a port of its own
 * so that it can be stopped and started again): every letter arrives in the request's language with its PDF and the
 * headers of an automated mail, once; an SMTP server that is down delays a letter, it does not lose or double it; a
 * person without an address in the vault gets nothing queued, and the timeline says why; staff are told of tasks. The
 * outbox and the other loops do not run by themselves here: the tests send.
 */
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/identity.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/mail",
        "waarborg.mail.enabled=true",
        "waarborg.mail.from=privacy@testopslag.example",
        "waarborg.mail.base-url=https://privacy.testopslag.example",
        "waarborg.mail.tasks-to=taken@testopslag.example",
        "waarborg.mail.outbox-interval=0s",
        "waarborg.mail.max-attempts=3",
        "waarborg.requests.fulfilment-interval=0s",
        "waarborg.systems.retry-interval=0s",
        "waarborg.retention.sweep-interval=PT0S",
        "spring.mail.host=127.0.0.1"})
@Import(MutableClockConfiguration.class)
class RequestLetterMailTest extends ServiceTestBase {

    private static final Caller STAFF = new Caller("test", "dpo", List.of(), true);
    private static final Caller APP = new Caller("test-app", "staff", List.of("rental", "quote"), false);
    private static final int PORT = freePort();
    private static GreenMail mail = start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    MutableClock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    Vault vault;
    @Autowired
    Requests requests;
    @Autowired
    Fulfilment fulfilment;
    @Autowired
    OutboxSender sender;
    @Autowired
    MailOutbox outbox;
    @Autowired
    ManualTasks tasks;
    @Autowired
    SystemOperations operations;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        if (!mail.isRunning()) {
            mail = start();
        }
        sender.sendDue(); // what an earlier test left
        mail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void smtpUp() {
        if (!mail.isRunning()) {
            mail = start();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyLetterArrivesOnceInTheRequestsLanguageWithItsPdf(String lang) throws Exception {
        String address = "ann-" + lang + "@example.nl";
        UUID subject = customer(address);
        long before = audit.head().lastSeq();

        // receipt
        Request r = receive(subject, lang, "access");
        MimeMessage receipt = sendOne();
        assertLetter(receipt, address, lang, "receipt", r.reference());
        assertThat(receipt.getSubject()).isEqualTo(lang.equals("nl")
                ? "Wij hebben uw verzoek ontvangen (" + r.reference() + ")"
                : "We have received your request (" + r.reference() + ")");
        assertThat(MailParts.text(receipt, "text/plain")).contains("# " + receipt.getSubject(), lang.equals("nl")
                ? "artikel 12, lid 3 AVG" : "Article 12(3) GDPR");

        // extension (Art. 12(3))
        requests.extend(STAFF, r.reference(), "Wij wachten op de camerabeelden van drie locaties.");
        MimeMessage extension = sendOne();
        assertLetter(extension, address, lang, "extension", r.reference());
        assertThat(MailParts.text(extension, "text/plain")).contains("Wij wachten op de camerabeelden van drie locaties.");

        // completion (Art. 12(3), 15): the answer's link
        requests.identity(STAFF, r.reference(), "in-person-id", "verified");
        fulfilment.fulfil(STAFF, r.reference(), List.of());
        fulfilment.complete(STAFF, r.reference());
        MimeMessage completion = sendOne();
        assertLetter(completion, address, lang, "completion", r.reference());
        assertThat(MailParts.text(completion, "text/plain")).contains("https://privacy.testopslag.example/api/v1/requests/answers/");

        // refusal (Art. 12(4)), of a second request
        Request refused = receive(subject, lang, "erasure");
        sendOne();
        requests.refuse(STAFF, refused.reference(), "manifestly-unfounded", "U vroeg dit al drie keer deze maand.");
        MimeMessage refusal = sendOne();
        assertLetter(refusal, address, lang, "refusal", refused.reference());

        assertThat(sender.sendDue()).as("each once").isZero();
        assertThat(outbox.ofRequest(r.id())).extracting(MailOutbox.Entry::status).containsOnly("sent");
        List<AuditEvent> events = audit.events(before, 500);
        assertThat(events.stream().filter(e -> e.action().equals("request-letter-mailed")).map(e -> e.reasons()))
                .as("receipt, extension, completion; receipt, refusal").hasSize(5).allSatisfy(reasons -> assertThat(reasons).contains("lang:" + lang));
        assertThat(requests.timeline(STAFF, r.reference())).extracting(AuditEvent::action)
                .containsSubsequence("request-received", "request-letter-mailed", "request-extended",
                        "request-letter-mailed", "request-completed", "request-letter-mailed");
        assertThat(events.toString()).doesNotContain(address);
        assertThat(outboxRows()).doesNotContain(address);
    }

    @Test
    void aLetterWaitsWhileTheSmtpServerIsDownAndIsSentOnceWhenItIsUp() throws Exception {
        Request r = receive(customer("bob@example.nl"), "nl", "access");
        mail.stop();

        assertThat(sender.sendDue()).isZero();
        MailOutbox.Entry waiting = outbox.ofRequest(r.id()).getFirst();
        assertThat(waiting.status()).isEqualTo("pending");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.cause()).isEqualTo("smtp");

        mail = start();
        assertThat(sender.sendDue()).as("not before its wait").isZero();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(sender.sendDue()).isZero();

        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(mail.getReceivedMessages()[0].getMessageID()).isEqualTo("<waarborg-outbox-" + waiting.id()
                + "@privacy.testopslag.example>");
        MailOutbox.Entry sent = outbox.ofRequest(r.id()).getFirst();
        assertThat(sent.status()).isEqualTo("sent");
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void aLetterTheServerNeverTakesIsGivenUpAfterItsAttemptsAndTheTimelineSaysSo() {
        Request r = receive(customer("cor@example.nl"), "en", "access");
        mail.stop();
        for (int i = 0; i < 3; i++) {
            sender.sendDue();
            clock.advance(Duration.ofMinutes(5));
        }
        MailOutbox.Entry given = outbox.ofRequest(r.id()).getFirst();
        assertThat(given.status()).isEqualTo("given-up");
        assertThat(given.attempts()).isEqualTo(3);
        assertThat(requests.timeline(STAFF, r.reference())).filteredOn(e -> e.action().equals("request-letter-not-mailed"))
                .singleElement().satisfies(e -> assertThat(e.reasons()).contains("kind:receipt", "lang:en", "given-up"));
    }

    @Test
    void withoutAnAddressInTheVaultNothingIsQueuedAndTheTimelineSaysNoAddress() {
        UUID withoutAddress = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("customer")))).getFirst();
        Request r = receive(withoutAddress, "nl", "access");
        Request anonymous = receive(null, "nl", "access");

        for (Request x : List.of(r, anonymous)) {
            assertThat(outbox.ofRequest(x.id())).isEmpty();
            assertThat(requests.timeline(STAFF, x.reference())).filteredOn(e -> e.action().equals("request-letter-not-mailed"))
                    .singleElement().satisfies(e -> assertThat(e.reasons()).contains("kind:receipt", "no-address"));
        }
        assertThat(sender.sendDue()).isZero();
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void staffAreToldOfAManualSystemsTaskAndOfTellingARecipientInBothLanguages() throws Exception {
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(
                List.of(new nl.waarborg.vault.Reference("badge", "B-" + UUID.randomUUID())), List.of(),
                List.of("lead", "facility-visitor")))).getFirst();
        Request r = requests.receive(STAFF, new Requests.NewRequest(List.of("access", "restriction"), List.of(), "email",
                "en", subject, null, "accuracy-contested"));
        requests.identity(STAFF, r.reference(), "in-person-id", "verified");
        fulfilment.fulfil(STAFF, r.reference(), List.of());
        sender.sendDue();

        MimeMessage task = onlyTo("taken@testopslag.example");
        assertThat(task.getSubject()).isEqualTo("Nieuwe taak voor Camerarecorder (" + r.reference() + ") / New task for "
                + "CCTV recorder (" + r.reference() + ")");
        assertThat(task.getHeader("Content-Language")[0]).isEqualTo("nl, en");
        assertThat(task.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        String text = MailParts.text(task, "text/plain");
        assertThat(text).contains("Zoek de gegevens van deze persoon op in Camerarecorder",
                "Look up this person's data in CCTV recorder",
                "https://privacy.testopslag.example/console/requests/" + r.reference());
        assertThat(text.indexOf("Zoek")).as("Dutch first").isLessThan(text.indexOf("Look up"));
        assertThat(MailParts.text(task, "text/html")).contains("<a href=\"https://privacy.testopslag.example/console/requests/"
                + r.reference() + "\">");
        mail.purgeEmailFromAllMailboxes();

        // the owner did it: telling the recipient (Art. 19) is the next task
        long id = tasks.list(true).stream().filter(t -> t.operation().startsWith(r.reference())).findFirst().orElseThrow().id();
        operations.completeTask(STAFF, id);
        fulfilment.advanceAll(STAFF);
        fulfilment.advanceAll(STAFF); // a restart runs the step again: one notice still
        sender.sendDue();

        MimeMessage recipient = onlyTo("taken@testopslag.example");
        assertThat(MailParts.text(recipient, "text/plain")).contains("Laat Hostingpartij weten", "Tell Hosting provider",
                "artikel 19 AVG", "Article 19 GDPR", r.reference());
        assertThat(requests.timeline(STAFF, r.reference())).filteredOn(e -> e.action().equals("request-task-notice-mailed"))
                .extracting(e -> e.reasons().get(1)).satisfiesExactly(a -> assertThat(a).isEqualTo("task:" + id),
                        b -> assertThat(b).matches("step:\\d+"));
    }

    // ---- helpers ----

    private UUID customer(String email) {
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(),
                List.of("customer")))).getFirst();
        vault.addItems(APP, List.of(new NewItem(subject, "email", email, List.of("rental"), "subject", "vault", null)));
        return subject;
    }

    private Request receive(UUID subject, String lang, String kind) {
        return requests.receive(STAFF, new Requests.NewRequest(List.of(kind), List.of(), "email", lang, subject, null));
    }

    private MimeMessage sendOne() throws Exception {
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        mail.purgeEmailFromAllMailboxes();
        return received[0];
    }

    private MimeMessage onlyTo(String to) {
        assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        try {
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(to);
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        return received[0];
    }

    private static void assertLetter(MimeMessage m, String to, String lang, String kind, String reference)
            throws Exception {
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo(to);
        assertThat(m.getHeader("Content-Language")[0]).isEqualTo(lang);
        assertThat(m.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(m.getMessageID()).matches("<waarborg-outbox-\\d+@privacy\\.testopslag\\.example>");
        assertThat(MailParts.text(m, "text/plain")).contains(reference);
        assertThat(MailParts.text(m, "text/html")).contains("<body>", reference, "lang=\"" + lang + "\"");
        List<Part> pdfs = attachments(m);
        assertThat(pdfs).hasSize(1);
        String name = switch (kind) {
            case "receipt" -> lang.equals("nl") ? "ontvangstbevestiging" : "receipt";
            case "extension" -> lang.equals("nl") ? "verlenging" : "extension";
            case "refusal" -> lang.equals("nl") ? "afwijzing" : "refusal";
            default -> lang.equals("nl") ? "afhandeling" : "completion";
        };
        assertThat(pdfs.getFirst().getFileName()).isEqualTo(name + "-" + reference + ".pdf");
        assertThat(pdfs.getFirst().isMimeType("application/pdf")).isTrue();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdfs.getFirst().getInputStream().transferTo(pdf);
        assertThat(new String(pdf.toByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private String outboxRows() {
        return String.valueOf(outbox.ofKind("letter:receipt")) + outbox.ofKind("letter:completion");
    }

    private static List<Part> attachments(Part p) throws Exception {
        List<Part> out = new ArrayList<>();
        if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            out.add(p);
        } else if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                out.addAll(attachments(mp.getBodyPart(i)));
            }
        }
        return out;
    }



    private static GreenMail start() {
        GreenMail g = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
