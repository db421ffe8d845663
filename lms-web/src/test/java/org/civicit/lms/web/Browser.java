package org.civicit.lms.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium as the browser tests drive it, with what every such test needs: waits
 * that say where they timed out, the login form, and {@link #look}, which checks a page
 * with axe-core and saves what a clerk would see at a desk and on a phone.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESK = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(360, 800);
    private static final List<String> BLOCKING = List.of("serious", "critical");
    /** The most a page may weigh on a first visit, everything it loads counted as if nothing were cached. */
    static final long FIRST_LOAD_LIMIT = 300 * 1024;

    private final URL base;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path downloads;

    Browser(URL base) {
        this.base = base;
        try {
            this.downloads = Files.createTempDirectory("lms-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESK);
        // While a page is being replaced, Chromium reports elements of the old document as stale or
        // "not in the document"; for a wait, each of those means "not yet".
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(WebDriverException.class);
    }

    WebDriver driver() {
        return driver;
    }

    /** Where the browser saves what it downloads. */
    Path downloads() {
        return downloads;
    }

    /** Waits, and on time-out says where the browser is and what it shows. */
    void waitFor(ExpectedCondition<?> condition) {
        try {
            wait.until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out at " + driver.getCurrentUrl() + " showing:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /**
     * The text of an element of the current page. Unlike ExpectedConditions.not(textToBePresent…), a wait on
     * it cannot pass on the old page while the new one loads: a stale element throws and the wait tries again.
     */
    String textOf(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /**
     * Sets a field's value as a person fills it in, whatever the browser's own format for
     * dates and times: a date or time field typed into follows the browser's locale.
     */
    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), value);
    }

    /** Opens a page that needs a login and logs in on the login form it leads to. */
    void openAs(String page, String username, String password) {
        driver.get(base + page);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        logIn(username, password);
    }

    void logIn(String username, String password) {
        driver.findElement(By.id("login:username")).clear();
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).clear();
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
    }

    /**
     * Checks the page as it stands with axe-core, failing on any serious or critical
     * violation, and saves it whole under {@code target/screenshots} at desk and phone width.
     */
    void look(String name) {
        checkAccessible();
        Path folder = Path.of(System.getProperty("lms.it.screenshots", "target/screenshots"));
        long weight = firstLoadBytes();
        if (weight > FIRST_LOAD_LIMIT) {
            throw new AssertionError(driver.getCurrentUrl() + " weighs " + weight / 1024 + " KB on a first visit, more than "
                    + FIRST_LOAD_LIMIT / 1024 + " KB; the heaviest:\n" + ((JavascriptExecutor) driver).executeScript(
                            "return performance.getEntriesByType('resource').sort((a, b) => b.encodedBodySize"
                                    + " - a.encodedBodySize).slice(0, 5).map(e => e.encodedBodySize + ' ' + e.name)"
                                    + ".join('\\n');"));
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("weights.txt"), name + "\t" + weight / 1024 + " KB\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            for (Dimension size : List.of(DESK, PHONE)) {
                driver.manage().window().setSize(size);
                // The window's height includes the browser's own frame: the page gets what is left.
                long height = (Long) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
                driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height, 5000)));
                Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                        folder.resolve(name + "-" + size.getWidth() + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(DESK);
        }
    }

    /**
     * Fails on any serious or critical axe-core violation of the page as it stands: for states
     * a screenshot cannot hold, such as open suggestions, which resizing the window closes.
     */
    void checkAccessible() {
        List<Rule> blocking = new AxeBuilder().analyze(driver).getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
        if (!blocking.isEmpty()) {
            throw new AssertionError("axe-core found on " + driver.getCurrentUrl() + ":\n" + blocking.stream()
                    .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + "\n    "
                            + rule.getNodes().stream().map(node -> node.getHtml()).limit(3)
                                    .collect(Collectors.joining("\n    ")))
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * The bytes this page's document and everything it loaded took on the wire (compressed where the server
     * compressed them) and about 300 bytes of headers each, counting what this browser had cached as a new
     * visitor would fetch it.
     */
    private long firstLoadBytes() {
        Number bytes = (Number) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                        + ".reduce((sum, e) => sum + (e.encodedBodySize || 0) + 300, 0);");
        return bytes.longValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
