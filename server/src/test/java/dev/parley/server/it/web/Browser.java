package dev.parley.server.it.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its ChromeDriver (never a downloaded browser). Missing
 * browser: the test fails in CI ({@code CI_REQUIRE_SERVICES=1}) and is skipped elsewhere.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser open(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message =
                    "Chromium and ChromeDriver are not installed (Debian: apt-get install chromium chromium-driver)";
            if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
                fail(message + "; CI requires them");
            }
            abort(message + ": the browser tests need them");
        }
        try {
            Path profile = Files.createTempDirectory("parley-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the page see {@code prefers-color-scheme: dark}, as a system in dark mode would. */
    void preferDark() {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                java.util.Map.of(
                        "features", List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
    }

    /** Answers yes when the page asks to show notifications, as a user would in the browser's prompt. */
    void allowNotifications() {
        driver.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("permissions", List.of("notifications")));
    }

    /** The visible text of the feed. */
    String feed() {
        return find("#feed").getText();
    }

    WebDriver driver() {
        return driver;
    }

    /** Runs JavaScript in the page and returns its result. */
    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T await(Function<WebDriver, T> condition) {
        // The client redraws lists as lines arrive: an element found a moment ago may be gone.
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until some element matching {@code css} contains {@code text}. */
    WebElement awaitText(String css, String text) {
        return await(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElse(null));
    }

    void logIn(String baseUrl, String nick, String password, String room) {
        open(baseUrl);
        find("#login-nick").sendKeys(nick);
        find("#login-password").sendKeys(password);
        WebElement roomField = find("#login-room");
        roomField.clear();
        roomField.sendKeys(room);
        find("#login-button").click();
    }

    void say(String text) {
        WebElement input = find("#message-input");
        input.sendKeys(text);
        find("#compose button[type=submit]").click();
    }

    /** Saves a screenshot as a test artifact in target/screenshots/. */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
