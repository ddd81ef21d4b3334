package cc.console.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Headless Chromium from Debian's packages ({@code apt-get install chromium chromium-driver}). The driver and browser
 * paths are given explicitly, so Selenium Manager never runs and nothing is downloaded. A missing browser fails the
 * test with the install command. Screenshots of failed tests go to {@code target/screenshots/}.
 */
public final class Chromium implements TestWatcher {
    public static final String DRIVER = "/usr/bin/chromedriver";
    public static final String BROWSER = "/usr/bin/chromium";

    private final List<WebDriver> drivers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    public WebDriver start() {
        if (!new File(DRIVER).canExecute() || !new File(BROWSER).canExecute()) {
            throw new IllegalStateException(DRIVER + " or " + BROWSER
                    + " missing: install them with apt-get install -y chromium chromium-driver");
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        try {
            Path profile = Files.createTempDirectory("cc-console-chromium-");
            profiles.add(profile);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--window-size=1400,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            drivers.add(driver);
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile directory", e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Path dir = Path.of("target", "screenshots");
        for (int i = 0; i < drivers.size(); i++) {
            try {
                Files.createDirectories(dir);
                File shot = ((TakesScreenshot) drivers.get(i)).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), dir.resolve(context.getRequiredTestMethod().getName() + "-" + i + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                System.err.println("no screenshot of " + context.getDisplayName() + ": " + e);
            }
        }
        quit();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        quit();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        quit();
    }

    void quit() {
        drivers.forEach(d -> {
            try {
                d.quit();
            } catch (RuntimeException e) {
                System.err.println("chromedriver did not quit cleanly: " + e);
            }
        });
        drivers.clear();
        for (Path p : profiles) {
            try (var files = Files.walk(p)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                System.err.println("profile " + p + " left behind: " + e);
            }
        }
        profiles.clear();
    }
}
