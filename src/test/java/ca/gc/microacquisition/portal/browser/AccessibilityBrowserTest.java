package ca.gc.microacquisition.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.testsupport.Awarded;
import ca.gc.microacquisition.testsupport.Chromium;
import ca.gc.microacquisition.testsupport.Fixtures;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules, plus best practices) on every page of the portal, in English and French,
 * including forms showing their errors. Any violation fails the test.
 */
@BrowserTest
class AccessibilityBrowserTest {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fx;

    @BeforeAll
    static void open() throws Exception {
        browser = Chromium.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    static void submit(By target) {
        Chromium.clickAndWait(browser, target);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    final List<String> problems = new ArrayList<>();

    void check(String path) {
        browser.get(url(path));
        checkCurrent(path);
    }

    void checkCurrent(String label) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(browser);
        for (Rule v : results.getViolations()) {
            problems.add(label + ": " + v.getId() + " — " + v.getHelp() + " "
                    + v.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget()))
                            .toList());
        }
    }

    void signIn(Supplier s, String lang) {
        browser.get(url("/" + lang + "/sign-in"));
        browser.findElement(By.id("email")).sendKeys(s.getEmail());
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        submit(By.cssSelector("main form button[type=submit]"));
    }

    void signOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void everyPageInBothLanguagesHasNoViolation() {
        fx.reset();
        Awarded aw = fx.awarded("Team " + UUID.randomUUID());
        Opportunity open = fx.open("Team " + UUID.randomUUID());
        Supplier asker = fx.supplier("en");
        var q = fx.questions.askQuestion(open.getReference(), asker.getId(), "Which screen readers?");
        fx.questions.answerQuestion(q.getId(), "NVDA and VoiceOver.", "requester");

        for (String lang : List.of("en", "fr")) {
            signOut();
            for (String page : List.of(
                    "",
                    "opportunities/" + open.getReference(),
                    "opportunities/" + aw.opportunity().getReference(),
                    "terms",
                    "eligibility",
                    "how-it-works",
                    "register",
                    "sign-in",
                    "sign-in?error",
                    "password-reset",
                    "password-reset/new?token=none",
                    "subscriptions",
                    "subscriptions/confirm?token=none",
                    "subscriptions/unsubscribe?token=none",
                    "opportunities/MA-1999-0000")) {
                check("/" + lang + "/" + page);
            }
            // forms showing their errors
            browser.get(url("/" + lang + "/register"));
            submit(By.cssSelector("main form button[type=submit]"));
            checkCurrent("/" + lang + "/register (errors)");
            browser.get(url("/" + lang + "/subscriptions"));
            submit(By.cssSelector("main form button[type=submit]"));
            checkCurrent("/" + lang + "/subscriptions (errors)");

            signIn(aw.winner(), lang);
            for (String page : List.of(
                    "my",
                    "opportunities/" + open.getReference() + "/propose",
                    "opportunities/" + open.getReference() + "/questions",
                    "contracts/" + aw.contract().getId() + "/delivery")) {
                check("/" + lang + "/" + page);
            }
            browser.get(url("/" + lang + "/opportunities/" + open.getReference() + "/propose"));
            submit(By.cssSelector("button[value=submit]"));
            checkCurrent("/" + lang + "/propose (errors)");
            browser.get(url("/" + lang + "/contracts/" + aw.contract().getId() + "/delivery"));
            submit(By.cssSelector("main form button[type=submit]"));
            checkCurrent("/" + lang + "/delivery (errors)");
            signOut();
            signIn(aw.runnerUp(), lang);
            check("/" + lang + "/my");
        }
        assertThat(problems).as("axe-core violations").isEmpty();
    }
}
