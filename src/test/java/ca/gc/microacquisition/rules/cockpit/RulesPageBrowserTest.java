package ca.gc.microacquisition.rules.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.process.ProcurementsForReports;
import ca.gc.microacquisition.testsupport.Chromium;
import ca.gc.microacquisition.testsupport.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CFOB, in headless Chromium, opens Cockpit's Rules page, edits a cell of the Eligibility table in the dmn-js
 * editor, sees the checks and the diff, replays the edit on recorded requests and sees which would change, deploys
 * it with a reason and rolls it back. A requester gets no editor; an auditor reads without one. Skipped when
 * /usr/bin/chromedriver is missing.
 */
@RulesTest
class RulesPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcurementsForReports.Runner procurements;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            Files.writeString(Path.of("target", "rules-browser-last-page.html"), browser.getPageSource());
            browser.quit();
        }
    }

    void signIn(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/" + RulesTest.ENGINE + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".Header")));
    }

    @Test
    void cfobEditsACellReplaysItOnHistoryDeploysAndRollsBack() {
        String reference = procurements.sharedFinished().reference();
        signIn("cfob");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.rules-navigation")))
                .click();
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.rules-list")));
        assertThat(list.getText()).contains("Eligibility");
        Screenshots.save(browser, "cfob-rules-list.png");
        browser.findElement(By.cssSelector("a.rules-open[data-key='Eligibility']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".rules-decision[data-ready='true']")));
        String heading =
                browser.findElement(By.cssSelector(".rules-decision h2")).getText();
        int version = Integer.parseInt(heading.replaceAll(".*version (\\d+) in force.*", "$1"));

        // Edit one cell: the value limit "> threshold" (the policy table's value) becomes a literal "> 1000".
        WebElement cell = browser.findElement(By.cssSelector(
                "td[data-row-id='Rule_ValueOverLimit'][data-col-id='Input_EstimatedValue'] [contenteditable]"));
        // The caret goes to the end of the cell (as a click there would put it), then the word is typed over.
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center'});"
                                + "arguments[0].focus();"
                                + "const text = arguments[0].firstChild; const range = document.createRange();"
                                + "range.setStart(text, text.length); range.collapse(true);"
                                + "const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);",
                        cell);
        Actions typing = new Actions(browser);
        for (int i = 0; i < "threshold".length(); i++) {
            typing.sendKeys(Keys.BACK_SPACE);
        }
        typing.sendKeys("1000").perform();
        assertThat(((String) ((JavascriptExecutor) browser).executeScript("return arguments[0].innerText;", cell))
                        .strip())
                .isEqualTo("> 1000");

        // The checks and the rule-by-rule diff appear while editing.
        WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.rules-diff")));
        assertThat(diff.getText()).contains("Rule_ValueOverLimit", "threshold", "1000");
        assertThat(browser.findElement(By.cssSelector(".rules-problems-none")).getText())
                .contains("Passes the checks");

        // Replay on the recorded requests: the 2,500.00 request would now be refused.
        browser.findElement(By.cssSelector("button.rules-replay")).click();
        WebElement summary =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rules-replay-summary")));
        assertThat(summary.getText()).containsPattern("[1-9]\\d* of \\d+");
        WebElement changed = browser.findElement(By.cssSelector("table.rules-comparison tr.rules-changed"));
        assertThat(browser.findElement(By.cssSelector(".rules-replay-results")).getText())
                .contains(reference);
        assertThat(changed.getText()).contains("no rule matched", "now matches rule 1");
        Screenshots.scrollIntoView(browser, By.cssSelector(".rules-review"));
        Screenshots.save(browser, "cfob-rules-replay.png");

        // Deploy with a reason.
        browser.findElement(By.cssSelector("textarea.rules-reason")).sendKeys("Browser test: lower the limit");
        browser.findElement(By.cssSelector("button.rules-deploy")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".rules-message"), "Deployed as version " + (version + 1)));
        assertThat(browser.findElement(By.cssSelector("table.rules-versions")).getText())
                .contains("Browser test: lower the limit", "cfob");
        Screenshots.save(browser, "cfob-rules-deployed.png");

        // Roll back to the version that was in force.
        browser.findElement(By.cssSelector("textarea.rules-reason")).sendKeys("Browser test over");
        browser.findElement(By.cssSelector("button.rules-rollback[data-version='" + version + "']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".rules-message"),
                "Rolled back: version " + version + " is in force again as version " + (version + 2)));
        assertThat(((String)
                                ((JavascriptExecutor) browser)
                                        .executeScript(
                                                "return arguments[0].innerText;",
                                                browser.findElement(
                                                        By.cssSelector(
                                                                "td[data-row-id='Rule_ValueOverLimit'][data-col-id='Input_EstimatedValue']"))))
                        .strip())
                .isEqualTo("> threshold");
    }

    @Test
    void aRequesterGetsNoEditorAndAnAuditorReadsWithoutOne() {
        signIn("requester");
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/" + RulesTest.ENGINE + "/#/rules");
        // Requesters have no Cockpit access at all; were they given it, the page would only say they may not see rules.
        wait.until(d -> !d.findElements(By.cssSelector(".rules-message .rules-error"))
                        .isEmpty()
                || !d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty());
        browser.findElements(By.cssSelector(".rules-message .rules-error"))
                .forEach(error -> assertThat(error.getText()).contains("Only CFOB, auditors and administrators"));
        assertThat(browser.findElements(By.cssSelector(".rules-editor"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a.rules-navigation"))).isEmpty();

        browser.manage().deleteAllCookies();
        signIn("auditor");
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/" + RulesTest.ENGINE + "/#/rules?open=QaGate");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".rules-decision[data-ready='true']")));
        assertThat(browser.findElement(By.cssSelector(".rules-readonly-note")).getText())
                .contains("Read-only");
        assertThat(browser.findElements(By.cssSelector("button.rules-deploy"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("button.rules-rollback")))
                .isEmpty();
    }
}
