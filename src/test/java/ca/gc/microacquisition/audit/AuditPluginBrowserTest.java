package ca.gc.microacquisition.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.process.ProcurementsForReports;
import ca.gc.microacquisition.process.ProcurementsForReports.Finished;
import ca.gc.microacquisition.testsupport.Chromium;
import ca.gc.microacquisition.testsupport.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor signs in to Cockpit in headless Chromium, opens the Audit page from the navigation, searches a finished
 * procurement and reads its timeline. Skipped when /usr/bin/chromedriver is missing (apt-get install chromium-driver).
 */
@AuditTest
class AuditPluginBrowserTest {

    static final String ELIGIBILITY_TASK = "Task_CheckEligibility";

    @LocalServerPort
    int port;

    @Autowired
    ProcurementsForReports.Runner procurements;

    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            // What the browser showed last, for a failing run: target/audit-browser-last-page.html
            Files.writeString(Path.of("target", "audit-browser-last-page.html"), browser.getPageSource());
            browser.quit();
        }
    }

    @Test
    void anAuditorOpensTheAuditPageAndSeesAFinishedProcurementsTimeline() {
        Finished finished = procurements.sharedFinished();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://localhost:" + port + "/camunda/app/cockpit/" + AuditTest.ENGINE + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("auditor");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("auditor");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        // The navigation shows "Audit" to auditors.
        WebElement navigation =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.audit-navigation")));
        navigation.click();

        WebElement reference = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("reference")));
        reference.sendKeys(finished.reference());
        browser.findElement(By.cssSelector("button.audit-search-button")).click();
        WebElement result = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a.audit-open[data-reference='" + finished.reference() + "']")));
        result.click();

        WebElement timeline =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.audit-timeline")));
        String text = timeline.getText();
        // The timeline in words, not element ids and types.
        assertThat(text)
                .contains(
                        "Request submitted by " + finished.requester(),
                        "done by manager",
                        "evaluator",
                        "Eligibility",
                        "eligible",
                        "Card payment attempt 1: succeeded",
                        "Ended: Completed and paid");
        assertThat(text).doesNotContain("parallelGateway", "Gateway_", "ACTIVITY");
        String page = browser.findElement(By.cssSelector(".audit-trail")).getText();
        assertThat(page)
                .contains(
                        finished.reference(),
                        "SUCCEEDED",
                        "EndEvent_Completed",
                        "Random draw",
                        String.valueOf(finished.drawSeed()));

        // The diagram of the version it ran on, with the path highlighted: what ran, how often, where it ended.
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".audit-diagram-area[data-drawn='true']")));
        assertThat(browser.findElements(By.cssSelector(".audit-diagram .djs-element.audit-ran")))
                .hasSizeGreaterThan(10);
        assertThat(browser.findElements(
                        By.cssSelector(".audit-diagram [data-element-id='EndEvent_Completed'].audit-end")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".audit-diagram .djs-element.audit-waiting")))
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector(".audit-diagram-caption")).getText())
                .contains("version");
        Screenshots.save(browser, "auditor-diagram.png");

        // An activity's details: who did it, when, the values submitted.
        browser.findElement(By.cssSelector(".audit-diagram [data-element-id='AttestCapacity']"))
                .click();
        WebElement details =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".audit-details-runs")));
        assertThat(details.getText()).contains("manager");
        assertThat(browser.findElement(By.cssSelector(".audit-details")).getText())
                .contains("Form values submitted");
        Screenshots.scrollIntoView(browser, By.cssSelector(".audit-diagram-area"));
        Screenshots.save(browser, "auditor-activity-details.png");

        // A decision task: inputs, matched rules and outputs of that evaluation.
        browser.findElement(By.cssSelector(".audit-diagram [data-element-id='" + ELIGIBILITY_TASK + "']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".audit-details-decision")));
        assertThat(browser.findElement(By.cssSelector(".audit-details")).getText())
                .contains("Eligibility", "Inputs");
    }
}
