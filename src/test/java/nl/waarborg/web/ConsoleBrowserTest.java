package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.service.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's pages as a person sees them in Chromium, each in Dutch and English and checked with axe-core
 * (WCAG 2.2 AA): a signed-out visitor sent to the sign-in page, signing in with a temporary password that must be
 * changed, the dashboard, the page that refuses a role, the public statement; the sign-in by keyboard alone.
 * Screenshots of the sign-in page and the dashboard at a phone's and a desktop's width go to target/screenshots
 * ({@code scripts/screenshots} copies them to docs/screenshots).
 */
class ConsoleBrowserTest extends BrowserTestBase {

    @Autowired
    Accounts accounts;

    @BeforeEach
    void freshVisitor() {
        browser.get(url("/css/waarborg.css")); // cookies are cleared per site: be on this one
        browser.manage().deleteAllCookies();
        desktop();
    }

    @Test
    void aSignedOutVisitorLandsOnTheSignInPageInDutch() {
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/signin"));
        assertThat(lang()).isEqualTo("nl");
        assertThat(h1()).isEqualTo("Aanmelden");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Gebruikersnaam");
        Axe.assertNoViolations(browser);
    }

    @Test
    void aSignedOutVisitorLandsOnTheSignInPageInEnglish() {
        browser.get(url("/console?lang=en"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/signin"));
        assertThat(lang()).isEqualTo("en");
        assertThat(h1()).isEqualTo("Sign in");
        Axe.assertNoViolations(browser);
    }

    @Test
    void aNewAccountSignsInChangesItsPasswordAndSeesTheDashboardInDutch() throws Exception {
        String password = ConsoleClient.account(accounts, "browser-po-nl", List.of(Roles.PRIVACY_OFFICER));
        browser.get(url("/console/signin"));
        Axe.assertNoViolations(browser);
        screenshots("signin");
        type("username", "browser-po-nl");
        type("password", password);
        submit();
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/password"));
        assertThat(h1()).isEqualTo("Wachtwoord wijzigen");
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("tijdelijk wachtwoord");
        Axe.assertNoViolations(browser);

        // a mistake first: the error is announced and the page stays clean
        type("current", password);
        type("next", "a passphrase of my own 1");
        type("repeat", "a passphrase of my own 2");
        submit();
        assertThat(browser.findElement(By.cssSelector(".error-summary[role=alert]")).getText())
                .isEqualTo("De twee nieuwe wachtwoorden zijn niet gelijk.");
        Axe.assertNoViolations(browser);

        type("current", password);
        type("next", "a passphrase of my own 1");
        type("repeat", "a passphrase of my own 1");
        submit();
        assertThat(path()).isEqualTo("/console");
        assertThat(h1()).isEqualTo("Overzicht");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Welkom, browser-po-nl.");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Overzicht");
        Axe.assertNoViolations(browser);
        screenshots("dashboard");

        // signing out ends the session: the console sends the visitor back to the sign-in page
        SignedInBrowser.clickAndWait(browser, browser.findElement(By.cssSelector("form.signout button")));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("U bent afgemeld.");
        Axe.assertNoViolations(browser);
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/signin"));
    }

    @Test
    void aNewAccountSignsInChangesItsPasswordAndSeesTheDashboardInEnglish() {
        browser.get(url("/console/signin?lang=en"));
        SignedInBrowser.signIn(browser, port, accounts, "browser-po-en", Roles.PRIVACY_OFFICER);
        assertThat(lang()).isEqualTo("en");
        assertThat(h1()).isEqualTo("Dashboard");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Welcome, browser-po-en.");
        Axe.assertNoViolations(browser);
    }

    @Test
    void aWrongPasswordIsRefusedWithAnAnnouncedMessage() {
        ConsoleClient.account(accounts, "browser-wrong", List.of(Roles.SUPPORT));
        browser.get(url("/console/signin"));
        type("username", "browser-wrong");
        type("password", "not the password at all");
        submit();
        assertThat(browser.findElement(By.cssSelector(".error-summary[role=alert]")).getText())
                .isEqualTo("De gebruikersnaam of het wachtwoord klopt niet.");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("browser-wrong");
        Axe.assertNoViolations(browser);
    }

    @Test
    void aRoleWithoutThePermissionGetsTheRefusalPageInDutchAndEnglish() {
        SignedInBrowser.signIn(browser, port, accounts, "browser-support", Roles.SUPPORT);
        browser.get(url("/console/accounts")); // support may not manage accounts
        assertThat(h1()).isEqualTo("Geen toegang");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("U mag deze pagina niet openen.");
        Axe.assertNoViolations(browser);

        browser.get(url("/console/accounts?lang=en"));
        assertThat(lang()).isEqualTo("en");
        assertThat(h1()).isEqualTo("No access");
        Axe.assertNoViolations(browser);
        // its link leads back to a page the role may open
        browser.findElement(By.cssSelector("main a")).click();
        arriveAt("/console");
    }

    @Test
    void theStatementIsStyledAndCleanInDutchAndEnglish() {
        browser.get(url("/"));
        assertThat(lang()).isEqualTo("nl");
        // its own style block applies (allowed by its hash; the policy blocks any other inline style)
        String width = browser.findElement(By.tagName("main")).getCssValue("max-width");
        assertThat(width).isNotEqualTo("none");
        browser.executeScript("""
                const s = document.createElement('style');
                s.textContent = 'main { max-width: 10px; }';
                document.head.appendChild(s);""");
        assertThat(browser.findElement(By.tagName("main")).getCssValue("max-width")).isEqualTo(width);
        Axe.assertNoViolations(browser);
        browser.get(url("/?lang=en"));
        assertThat(lang()).isEqualTo("en");
        Axe.assertNoViolations(browser);
    }

    @Test
    void theSignInWorksWithTheKeyboardAloneAndFocusIsAlwaysVisible() {
        String password = ConsoleClient.account(accounts, "browser-keys", List.of(Roles.AUDITOR));
        browser.get(url("/console/signin"));

        // the first Tab reaches the skip link, which shows itself and leads to the content
        tab();
        WebElement skip = focused();
        assertThat(skip.getAttribute("class")).isEqualTo("skip");
        assertThat(skip.isDisplayed()).isTrue();
        assertThat(skip.getLocation().getX()).isGreaterThanOrEqualTo(0);
        assertFocusVisible(skip);

        tabTo("username");
        new Actions(browser).sendKeys("browser-keys").perform();
        tab();
        assertThat(focused().getAttribute("id")).isEqualTo("password");
        assertFocusVisible(focused());
        new Actions(browser).sendKeys(password).sendKeys(Keys.ENTER).perform();

        arriveAt("/console/password");
        tabTo("current");
        new Actions(browser).sendKeys(password).perform();
        tab();
        assertThat(focused().getAttribute("id")).isEqualTo("next");
        new Actions(browser).sendKeys("my keyboard passphrase 42").perform();
        tab();
        assertThat(focused().getAttribute("id")).isEqualTo("repeat");
        new Actions(browser).sendKeys("my keyboard passphrase 42").perform();
        tab();
        assertThat(focused().getTagName()).isEqualTo("button");
        assertFocusVisible(focused());
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        arriveAt("/console");
        assertThat(h1()).isEqualTo("Overzicht");
    }

    @Test
    void axeRunsWhileThePagesPolicyStillBlocksInlineScript() {
        browser.get(url("/console/signin"));
        Object inline = browser.executeScript("""
                const s = document.createElement('script');
                s.textContent = 'window.inlineRan = true;';
                document.head.appendChild(s);
                return window.inlineRan === true;""");
        assertThat(inline).as("the content security policy blocks a script in the page").isEqualTo(false);
        assertThat(Axe.violations(browser)).isEmpty();
        assertThat(browser.executeScript("return typeof axe.run;")).isEqualTo("function");
    }

    /** Moves focus with Tab until the field {@code id} has it (at most 30 stops), each stop's focus visible. */
    private void tabTo(String id) {
        for (int i = 0; i < 30; i++) {
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
        assertThat(element.getCssValue("outline-style")).as("outline of the focused %s", element.getTagName())
                .isEqualTo("solid");
        assertThat(element.getCssValue("outline-width")).isEqualTo("3px");
    }

    private void tab() {
        new Actions(browser).sendKeys(Keys.TAB).perform();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Submits the page's form and waits for the page it leads to (a click does not always wait for it). */
    private void submit() {
        SignedInBrowser.clickAndWait(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
    }

    private String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** Waits (a key press does not wait for the page it submits) until the browser shows {@code path}. */
    private void arriveAt(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> path().equals(path));
    }

    /** The page at a phone's width (390 px, as an iPhone 12–15) and a desktop's (1280 px), to target/screenshots. */
    private void screenshots(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        emulate(390, 844, true);
        Files.write(dir.resolve(name + "-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        emulate(1280, 800, false);
        Files.write(dir.resolve(name + "-desktop.png"), browser.getScreenshotAs(OutputType.BYTES));
        desktop();
    }

    private void emulate(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private void desktop() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
