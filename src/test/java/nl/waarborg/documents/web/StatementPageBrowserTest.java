package nl.waarborg.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.waarborg.web.Browser;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The public privacy statement as a visitor sees it in a real browser. */
class StatementPageBrowserTest extends ServiceTestBase {

    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void visitorReadsTheStatementInDutchAndFollowsTheContents() throws Exception {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).contains("Testopslag B.V.");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        List<String> headings = browser.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList();
        assertThat(headings).hasSizeGreaterThan(5);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("7 dagen").contains("Autoriteit Persoonsgegevens");

        // the table of contents leads to a section that is really on the page
        WebElement link = browser.findElements(By.cssSelector(".toc a[href^='#']")).get(0);
        String target = link.getAttribute("href").replaceAll(".*#", "");
        link.click();
        assertThat(browser.findElement(By.id(target)).isDisplayed()).isTrue();

        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(shots.resolve("statement-nl.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void visitorReadsTheStatementInEnglish() {
        browser.get("http://localhost:" + port + "/?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("7 days").doesNotContain("7 dagen");
    }
}
