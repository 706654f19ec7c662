package nl.waarborg.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The whole service and one Chromium for a test class (starting Chromium costs more than a test), with what the
 * browser tests ask of a page: where the browser is, the page's language, its main text.
 */
public abstract class BrowserTestBase extends ServiceTestBase {

    protected static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** The address of {@code path} on this test's server. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Where the browser is, without the query or fragment (a page may say ?password=changed). */
    protected String path() {
        return browser.getCurrentUrl().replaceAll("[?#].*", "").replace("http://localhost:" + port, "");
    }

    /** The page's language, as its {@code <html lang>} says. */
    protected String lang() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** The text of the page's {@code <main>}. */
    protected String main() {
        return browser.findElement(By.tagName("main")).getText();
    }
}
