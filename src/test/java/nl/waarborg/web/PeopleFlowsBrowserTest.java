package nl.waarborg.web;

import nl.waarborg.mail.MailParts;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.access.Caller;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.mail.OutboxSender;
import nl.waarborg.portal.PortalGuard;
import nl.waarborg.requests.Request;
import nl.waarborg.requests.service.Requests;
import nl.waarborg.staff.Roles;
import nl.waarborg.vault.Identifier;
import nl.waarborg.vault.NewItem;
import nl.waarborg.vault.Vault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What people do, through the real pages in Chromium, each page checked with axe-core (WCAG 2.2 AA): a person asks
 * for their data on the portal and confirms by the mailed link, the privacy officer fulfils and completes the request
 * in the console, and the person downloads the answer by the link in the mailed completion letter; a support employee places and releases an incident hold; the request form by keyboard alone.
 * Screenshots of the portal's request page go to target/screenshots ({@code scripts/screenshots} copies them). On consent.yaml (email-link allowed), mail
 * to an SMTP server in this JVM (GreenMail), as {@code PortalPagesTest}.
 */
@TestPropertySource(properties = {
        "waarborg.policy=src/test/resources/policies/consent.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/flows",
        "waarborg.mail.enabled=true",
        "waarborg.mail.from=privacy@testopslag.example",
        "waarborg.mail.base-url=https://privacy.testopslag.example",
        "spring.mail.host=127.0.0.1"})
@Import(MutableClockConfiguration.class)
class PeopleFlowsBrowserTest extends BrowserTestBase {

    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Caller STAFF = new Caller("flows-test", "dpo", List.of(), true);
    /** The mailed links name the public address; the browser follows their path on this test's port. */
    private static final Pattern CONFIRM = Pattern.compile("https://privacy\\.testopslag\\.example(/request/confirm/[A-Za-z0-9_-]{43})");
    private static final Pattern ANSWER = Pattern.compile("https://privacy\\.testopslag\\.example(/api/v1/requests/answers/[A-Za-z0-9_-]{43})");
    /** An application that stores the address for rental (as the mail tests do). */
    private static final Caller APP = new Caller("flows-app", "staff", List.of("rental", "quote"), false);
    private static final Pattern STATUS = Pattern.compile("https://privacy\\.testopslag\\.example(/request/status/[A-Za-z0-9_-]{43})");

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    Accounts accounts;
    @Autowired
    PortalGuard guard;
    @Autowired
    Vault vault;
    @Autowired
    Requests requests;
    @Autowired
    OutboxSender sender;

    @BeforeEach
    void freshVisitor() throws Exception {
        guard.reset();
        MAIL.purgeEmailFromAllMailboxes();
        browser.get(url("/css/waarborg.css"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void aPersonAsksForTheirDataConfirmsByMailAndThePrivacyOfficerAnswersIt() throws Exception {
        String address = "flows-" + UUID.randomUUID() + "@example.nl";
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(),
                List.of(new Identifier(Identifier.Kind.EMAIL, address)), List.of("customer")))).getFirst();
        // the address also as an item: the completion letter is mailed to the address the vault holds
        vault.addItems(APP, List.of(new NewItem(subject, "email", address, List.of("rental"), "subject", "vault", null)));

        // the person, on the portal
        browser.get(url("/request"));
        assertThat(lang()).isEqualTo("nl");
        Axe.assertNoViolations(browser);
        screenshots("portal-request");
        type("email", address);
        WebElement access = browser.findElement(By.id("kind-access"));
        if (!access.isSelected()) {
            access.click();
        }
        type("details", "Welke gegevens heeft u van mij?");
        submit();
        assertThat(main()).contains("Kijk in uw e-mail", "Uw kenmerk is WB-").doesNotContain(address);
        Axe.assertNoViolations(browser);

        String text = MailParts.text(MailParts.only(MAIL, 10000), "text/plain");
        Matcher confirm = CONFIRM.matcher(text);
        Matcher status = STATUS.matcher(text);
        assertThat(confirm.find()).isTrue();
        assertThat(status.find()).isTrue();
        String reference = Pattern.compile("WB-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(text).results().findFirst()
                .orElseThrow().group();

        browser.get(url(confirm.group(1)));
        Axe.assertNoViolations(browser);
        SignedInBrowser.clickAndWait(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(main()).contains("is bevestigd");
        Axe.assertNoViolations(browser);
        assertThat(requests.find(STAFF, reference).orElseThrow().identity()).isEqualTo(Request.Identity.VERIFIED);

        browser.get(url(status.group(1)));
        assertThat(main()).contains(reference, "In behandeling");
        Axe.assertNoViolations(browser);

        // the privacy officer, in the console
        browser.manage().deleteAllCookies();
        SignedInBrowser.signIn(browser, port, accounts, "flows-po", Roles.PRIVACY_OFFICER);
        browser.get(url("/console/requests"));
        Axe.assertNoViolations(browser);
        SignedInBrowser.clickAndWait(browser, browser.findElement(By.linkText(reference)));
        assertThat(path()).isEqualTo("/console/requests/" + reference);
        Axe.assertNoViolations(browser);
        SignedInBrowser.clickAndWait(browser, browser.findElement(
                By.cssSelector("form[action$='/" + reference + "/fulfil'] button")));
        assertThat(main()).contains("Antwoord downloaden als JSON");
        Axe.assertNoViolations(browser);
        String answer = browser.findElement(By.partialLinkText("Antwoord downloaden als JSON")).getAttribute("href");
        // the letter first, as the person will get it; then the completion itself
        SignedInBrowser.clickAndWait(browser, browser.findElement(
                By.cssSelector("form[action$='/" + reference + "/complete'] button[formaction]")));
        assertThat(browser.findElement(By.id("letter-preview")).getText()).contains(reference);
        Axe.assertNoViolations(browser);
        SignedInBrowser.clickAndWait(browser, browser.findElement(
                By.cssSelector("form[action$='/" + reference + "/complete'] button:not([formaction])")));
        assertThat(main()).contains("Afgehandeld", "door flows-po");
        Axe.assertNoViolations(browser);
        assertThat(requests.find(STAFF, reference).orElseThrow().status()).isEqualTo(Request.Status.COMPLETED);

        // the officer's own download, by the link the page shows (a download does not replace the page: fetch it in
        // the page, with the officer's session)
        Object download = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done('' + e));
                """, answer);
        assertThat(String.valueOf(download)).startsWith("200 ").contains(reference);

        // the person downloads the answer themselves: the completion letter goes out through the outbox (its loop
        // does not run by itself here), to the address the vault holds, with the download link (Art. 15(3) GDPR)
        browser.manage().deleteAllCookies();
        sender.sendDue(); // the outbox's own loop may have sent it already: mailTo looks at every mail received
        String letter = mailTo(address, reference);
        Matcher link = ANSWER.matcher(letter);
        assertThat(link.find()).as(letter).isTrue();
        Path downloads = Files.createDirectories(Path.of("target/downloads/" + reference).toAbsolutePath());
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.get(url(link.group(1)));
        Path file = downloads.resolve("answer.json");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> Files.exists(file)
                && !Files.exists(downloads.resolve("answer.json.crdownload")));
        assertThat(Files.readString(file)).contains(reference);
        assertThat(requests.timeline(STAFF, reference)).extracting(e -> e.actor()).contains("link:answer");

        // the person's status link says it is done
        browser.manage().deleteAllCookies();
        browser.get(url(status.group(1)));
        assertThat(main()).contains(reference, "Afgerond");
        Axe.assertNoViolations(browser);
    }

    @Test
    void aSupportEmployeePlacesAndReleasesAnIncidentHoldThroughTheSubjectPages() {
        String address = "flows-hold-" + UUID.randomUUID() + "@example.nl";
        UUID subject = vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(),
                List.of(new Identifier(Identifier.Kind.EMAIL, address)), List.of("customer", "facility-visitor"))))
                .getFirst();
        SignedInBrowser.signIn(browser, port, accounts, "flows-support", Roles.SUPPORT, "management");
        browser.get(url("/console/subjects"));
        Axe.assertNoViolations(browser);
        new Select(browser.findElement(By.id("purpose"))).selectByValue("security");
        browser.findElement(By.id("by-email")).click();
        type("value", address);
        submit();
        Axe.assertNoViolations(browser);
        WebElement open = browser.findElement(By.cssSelector("main a[href^='/console/subjects/" + subject + "']"));
        SignedInBrowser.clickAndWait(browser, open);
        assertThat(path()).isEqualTo("/console/subjects/" + subject);
        assertThat(main()).contains("Bewaarblokkade plaatsen");
        Axe.assertNoViolations(browser);

        // a personal value as the reason is refused, named, and not shown back
        new Select(browser.findElement(By.id("hold-kind"))).selectByValue("incident");
        type("hold-reason", address);
        placeHold();
        assertThat(browser.findElement(By.cssSelector(".error-summary[role=alert]")).getText())
                .contains("Vul een zaaknummer in");
        assertThat(browser.getPageSource()).doesNotContain(address);
        Axe.assertNoViolations(browser);

        new Select(browser.findElement(By.id("hold-kind"))).selectByValue("incident");
        type("hold-reason", "INC-2026-18");
        placeHold();
        assertThat(main()).contains("De blokkade is geplaatst.", "INC-2026-18", "flows-support");
        Axe.assertNoViolations(browser);

        SignedInBrowser.clickAndWait(browser, browser.findElement(
                By.cssSelector("form[action*='/holds/'][action$='/release'] button")));
        assertThat(main()).contains("Opgeheven");
        assertThat(browser.findElements(By.cssSelector("form[action$='/release']"))).isEmpty();
        Axe.assertNoViolations(browser);
    }

    @Test
    void aPersonFillsInTheRequestFormWithTheKeyboardAloneAndFocusIsAlwaysVisible() {
        browser.get(url("/request"));
        tabTo("email");
        new Actions(browser).sendKeys("flows-keys-" + UUID.randomUUID() + "@example.nl").perform();
        tabTo("kind-access");
        if (!focused().isSelected()) {
            new Actions(browser).sendKeys(Keys.SPACE).perform();
        }
        assertThat(focused().isSelected()).isTrue();
        tabTo("details");
        new Actions(browser).sendKeys("Alles wat u van mij heeft").perform();
        for (int i = 0; i < 30 && !focused().getTagName().equals("button"); i++) {
            tab();
            assertFocusVisible(focused());
        }
        assertThat(focused().getAttribute("type")).isEqualTo("submit");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> main().contains("Kijk in uw e-mail"));
        Axe.assertNoViolations(browser);
    }

    /** Moves focus with Tab until the field {@code id} has it (at most 40 stops), each stop's focus visible. */
    private void tabTo(String id) {
        for (int i = 0; i < 40; i++) {
            tab();
            WebElement f = focused();
            assertFocusVisible(f);
            if (id.equals(f.getAttribute("id"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private void assertFocusVisible(WebElement element) {
        assertThat(element.getCssValue("outline-style")).as("outline of the focused %s#%s", element.getTagName(),
                element.getAttribute("id")).isEqualTo("solid");
        assertThat(element.getCssValue("outline-width")).isEqualTo("3px");
    }

    private void tab() {
        new Actions(browser).sendKeys(Keys.TAB).perform();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** The page at a phone's width (390 px) and a desktop's (1280 px), to target/screenshots (as ConsoleBrowserTest). */
    private void screenshots(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        emulate(390, 844, true);
        Files.write(dir.resolve(name + "-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        emulate(1280, 800, false);
        Files.write(dir.resolve(name + "-desktop.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void emulate(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void placeHold() {
        SignedInBrowser.clickAndWait(browser, browser.findElement(By.cssSelector("form[action$='/holds'] button")));
    }

    private void submit() {
        SignedInBrowser.clickAndWait(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
    }

    /**
     * The text of the mail to {@code to} that names {@code reference} and carries the download link, among all mail
     * received; waits (up to ten seconds) for it while the outbox may still be sending; on failure it names what
     * arrived (test addresses only).
     */
    private static String mailTo(String to, String reference) throws Exception {
        for (int round = 0; round < 20; round++) {
            MimeMessage[] all = MAIL.getReceivedMessages();
            for (MimeMessage m : all) {
                String text = MailParts.text(m, "text/plain");
                if (m.getAllRecipients()[0].toString().equals(to) && text.contains(reference)
                        && ANSWER.matcher(text).find()) {
                    return text;
                }
            }
            MAIL.waitForIncomingEmail(500, all.length + 1);
        }
        StringBuilder seen = new StringBuilder();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            String text = MailParts.text(m, "text/plain");
            seen.append("\n  to ").append(m.getAllRecipients()[0]).append(": ").append(m.getSubject())
                    .append(text.contains(reference) ? " [names the reference]" : "")
                    .append(ANSWER.matcher(text).find() ? " [has an answer link]" : "");
        }
        throw new AssertionError("no mail with the download link to " + to + "; received:" + seen);
    }

}
