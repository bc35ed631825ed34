package ca.gc.microacquisition.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Screenshots the browser tests take for the guides: written to {@code target/screenshots/}; the ones in
 * {@code docs/images/} are copied from there.
 */
public final class Screenshots {

    public static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {}

    public static Path save(WebDriver browser, String name) {
        try {
            Files.createDirectories(FOLDER);
            Path file = FOLDER.resolve(name);
            Path taken =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scrolls the element to the top of its scrolling container, so that a screenshot shows it. */
    public static void scrollIntoView(WebDriver browser, By element) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView(true);", browser.findElement(element));
    }
}
