package ca.gc.microacquisition.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium and chromedriver, headless, with a fresh profile; tests are skipped when they are missing. */
public final class Chromium {

    public static final File DRIVER = new File("/usr/bin/chromedriver");
    public static final File BROWSER = new File("/usr/bin/chromium");

    private Chromium() {}

    /** Clicks something that loads a new page (a link, a submit button) and waits for that page. */
    public static void clickAndWait(org.openqa.selenium.WebDriver driver, org.openqa.selenium.By target) {
        org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        driver.findElement(target).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                // Stale, or (while the old document is being replaced) "node does not belong to the document".
                return "complete"
                        .equals(((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript("return document.readyState"));
            }
        });
    }

    public static ChromeDriver start() throws IOException {
        assumeTrue(
                DRIVER.canExecute() && BROWSER.canExecute(),
                "Browser tests need /usr/bin/chromedriver and /usr/bin/chromium "
                        + "(apt-get install chromium chromium-driver); skipped.");
        Path profile = Files.createTempDirectory("microacq-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER)
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
