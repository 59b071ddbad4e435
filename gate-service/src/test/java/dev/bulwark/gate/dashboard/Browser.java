package dev.bulwark.gate.dashboard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code ./run-tests} installs) driven through its ChromeDriver, with a fresh profile and no
 * background networking. Without them the tests are skipped, except under {@code CI=true}, where
 * that is a failure.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Where screenshots are kept as test artifacts. */
  static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      String why = CHROMIUM + " and " + CHROMEDRIVER + " are not installed (Debian: chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true but " + why + ": ./run-tests installs them");
      }
      assumeTrue(false, why + "; skipping the browser tests");
    }
    var profile = Files.createTempDirectory("bulwark-chromium-");
    var options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--window-size=1280,1600", "--user-data-dir=" + profile);
    var logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  /** Opens a URL and waits until the page has loaded its data (body[data-ready]). */
  void open(String url) {
    driver.get(url);
    waitFor("document.body.dataset.ready === 'true'");
  }

  /** Waits (at most 15 s) until the script returns true. */
  void waitFor(String condition) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return " + condition)));
  }

  Object script(String js) {
    return driver.executeScript(js);
  }

  /** What the page logged at SEVERE level (errors, failed loads, CSP violations) since the last call. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  /** Keeps a PNG of the whole page (not only the window) under {@link #SCREENSHOTS}. */
  Path screenshot(String name) {
    var window = driver.manage().window().getSize();
    long height = (Long) script("return Math.ceil(document.querySelector('main').getBoundingClientRect().bottom) + 24");
    try {
      Files.createDirectories(SCREENSHOTS);
      var file = SCREENSHOTS.resolve(name + ".png");
      driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(height, 400)));
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(window);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
