package ca.gc.microacquisition.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.proposal.ProposalStatus;
import ca.gc.microacquisition.testsupport.Chromium;
import ca.gc.microacquisition.testsupport.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A supplier registers, sends a proposal in French and sees its status, in a real browser. */
@BrowserTest
class SupplierJourneyBrowserTest {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fx;

    @Autowired
    ca.gc.microacquisition.supplier.SupplierRepository suppliers;

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

    @Test
    void registersProposesInFrenchAndSeesTheStatus() {
        fx.reset();
        Opportunity o = fx.open("Team " + UUID.randomUUID());
        String email = "fournisseur-" + UUID.randomUUID() + "@exemple.ca";

        browser.get(url("/en/"));
        submit(By.cssSelector("a.lang-toggle"));
        assertThat(browser.getCurrentUrl()).endsWith("/fr/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");

        submit(By.linkText("S’inscrire"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("displayName")).sendKeys("Atelier Gagnon");
        browser.findElement(By.id("language-fr")).click();
        browser.findElement(By.id("ageOfMajority")).click();
        browser.findElement(By.id("status-CITIZEN")).click();
        browser.findElement(By.id("canAcceptCardOrPayPal")).click();
        submit(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.getCurrentUrl()).contains("/fr/sign-in");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mes propositions et contrats");

        browser.get(url("/fr/opportunities/" + o.getReference()));
        submit(By.linkText("Envoyer une proposition"));
        // Sending with nothing filled in: the error summary lists every problem, with links to the fields.
        submit(By.cssSelector("button[value=submit]"));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("Rédigez votre énoncé pour le critère C1.", "Acceptez les conditions");
        browser.findElement(By.id("statement-C1")).sendKeys("J’ai rendu accessibles trois formulaires publics.");
        submit(By.cssSelector("button[value=draft]"));
        assertThat(browser.findElement(By.id("statement-C1")).getAttribute("value"))
                .isEqualTo("J’ai rendu accessibles trois formulaires publics.");
        browser.findElement(By.id("statement-C2")).sendKeys("J’écris des tests axe-core depuis deux ans.");
        browser.findElement(By.id("declarationsConfirmed")).click();
        browser.findElement(By.id("acceptTerms")).click();
        browser.findElement(By.id("region")).sendKeys("Québec");
        submit(By.cssSelector("button[value=submit]"));

        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains("Votre proposition a été envoyée", o.getReference(), "Reçue, en attente d’évaluation");
        var supplier =
                suppliers.findByEmail(email.toLowerCase(java.util.Locale.ROOT)).orElseThrow();
        assertThat(supplier.getLanguage()).isEqualTo("fr");
        assertThat(fx.proposals.forSupplier(supplier.getId()))
                .singleElement()
                .satisfies(p -> assertThat(p.getStatus()).isEqualTo(ProposalStatus.SUBMITTED));
    }
}
