package nl.waarborg.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.waarborg.accounts.service.Accounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signs a browser in to the console as a person does: types the name and password into the sign-in form and, for a
 * new account, chooses an own password on the page the console sends them to first. The account is made with
 * {@link ConsoleClient#account}; use usernames of your own test class (one context and database serve all tests).
 */
public final class SignedInBrowser {

    /** The password an account has after a browser changed its temporary one here. */
    private static final Map<String, String> CHANGED = new ConcurrentHashMap<>();

    private SignedInBrowser() {
    }

    /**
     * Makes (or reuses) the account {@code username} with {@code roles}, signs {@code browser} in and changes a
     * temporary password; returns with the browser on the dashboard, or fails if it is not there.
     */
    public static void signIn(WebDriver browser, int port, Accounts accounts, String username, String... roles) {
        String password = CHANGED.getOrDefault(username, ConsoleClient.account(accounts, username, List.of(roles)));
        String base = "http://localhost:" + port;
        browser.get(base + "/console/signin");
        fill(browser, "username", username);
        fill(browser, "password", password);
        submit(browser);
        if (browser.getCurrentUrl().endsWith("/console/password")) {
            String next = "a passphrase of my own " + UUID.randomUUID();
            fill(browser, "current", password);
            fill(browser, "next", next);
            fill(browser, "repeat", next);
            submit(browser);
            CHANGED.put(username, next);
        }
        String at = browser.getCurrentUrl().replaceAll("[?#].*", "");
        if (!at.equals(base + "/console")) {
            throw new IllegalStateException("sign-in of " + username + " ended on " + at);
        }
    }

    /** The password {@code username} has now, once {@link #signIn} changed it. */
    public static String password(String username) {
        return CHANGED.get(username);
    }

    /** Submits the page's form and waits for the next page: a click does not always wait for the page it sends. */
    private static void submit(WebDriver browser) {
        clickAndWait(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
    }

    /**
     * Clicks {@code element} (a submit button, a link) and waits until the page it was on has gone: a click does not
     * always wait for the page it leads to. Chromium answers a question about an element of a page being left either
     * "stale" or "does not belong to the document"; both mean it has gone.
     */
    public static void clickAndWait(WebDriver browser, WebElement element) {
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private static void fill(WebDriver browser, String id, String value) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
