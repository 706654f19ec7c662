package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.staff.Roles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A passkey in a real browser: Chromium's virtual authenticator (WebDriver's WebAuthn extension; CTAP2, internal,
 * resident keys, user verification, the person consenting) makes a passkey on the account page and signs in with it on
 * the sign-in page, through {@code /js/passkeys.js} and Spring Security's WebAuthn endpoints; the audit log says
 * {@code account-signed-in} with {@code passkey}.
 *
 * <p>A WebAuthn answer is accepted only from an allowed origin, {@code http://localhost:PORT}: so this class's server
 * listens on a port chosen before the context starts (not the usual random one), named in
 * {@code waarborg.accounts.webauthn.allowed-origins}.
 */
@org.springframework.test.context.TestPropertySource(properties = "waarborg.data-dir=${waarborg.test.data-root}/passkey")
class PasskeyBrowserTest extends BrowserTestBase {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void origin(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("waarborg.accounts.webauthn.allowed-origins", () -> "http://localhost:" + PORT);
    }

    @Autowired
    Accounts accounts;

    @Test
    void aPasskeyMadeOnTheAccountPageSignsInOnTheSignInPage() {
        assertThat(port).isEqualTo(PORT);
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(
                new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                        .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        try {
            SignedInBrowser.signIn(browser, port, accounts, "passkey-browser", Roles.PRIVACY_OFFICER);

            // make one: the form shows itself only where the browser has WebAuthn (here: the virtual authenticator)
            browser.get(url("/console/account/passkeys"));
            assertThat(browser.findElement(By.id("passkey-add")).isDisplayed()).isTrue();
            Axe.assertNoViolations(browser);
            browser.findElement(By.id("passkey-label")).sendKeys("laptop van de test");
            browser.findElement(By.cssSelector("#passkey-add button[type=submit]")).click();
            waitFor(() -> browser.getCurrentUrl().contains("?added")
                    || browser.findElement(By.id("passkey-problem")).isDisplayed());
            assertThat(browser.getCurrentUrl()).as("registered (else the page showed its problem)").contains("?added");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("laptop van de test");
            assertThat(authenticator.getCredentials()).hasSize(1);
            assertThat(authenticator.getCredentials().getFirst().isResidentCredential()).isTrue();
            Axe.assertNoViolations(browser);

            // sign out, then in with the passkey alone: no name, no password
            SignedInBrowser.clickAndWait(browser, browser.findElement(By.cssSelector("form.signout button")));
            browser.get(url("/console/signin"));
            assertThat(browser.findElement(By.id("passkey-signin-section")).isDisplayed()).isTrue();
            Axe.assertNoViolations(browser);
            browser.findElement(By.id("passkey-signin")).click();
            waitFor(() -> path().equals("/console") || browser.findElement(By.id("passkey-problem")).isDisplayed());
            assertThat(path()).as("signed in (else the page showed its problem)").isEqualTo("/console");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("passkey-browser");

            // the audit log, as this privacy officer sees it in the console
            browser.get(url("/console/audit?actor=passkey-browser&action=account-signed-in"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("account-signed-in", "passkey");
        } finally {
            ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> {
            try {
                return condition.getAsBoolean();
            } catch (org.openqa.selenium.WebDriverException leaving) {
                return false; // the page was being replaced
            }
        });
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
