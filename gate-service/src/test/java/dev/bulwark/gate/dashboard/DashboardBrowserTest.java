package dev.bulwark.gate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The decisions dashboard in a real headless Chromium, against a real gate whose decisions were
 * recorded through Evaluate ({@link RecordedGate}). One browser for the class; screenshots of the
 * main pages are kept under {@code target/dashboard-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the decisions dashboard in a browser")
class DashboardBrowserTest {
  /** Test viewers by cookie: "alice" reads only acme/shop, "mallory" is unknown; no cookie reads everything. */
  static final ViewerResolver VIEWERS = request -> {
    var who = request.cookie("viewer");
    if (who.isEmpty()) {
      return Optional.of(Viewer.everyone());
    }
    return Map.of("alice", Viewer.of("alice", Set.of(RecordedGate.SHOP))).entrySet().stream()
        .filter(e -> e.getKey().equals(who.get())).map(Map.Entry::getValue).findFirst();
  };

  RecordedGate gate;
  Browser browser;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    gate = new RecordedGate(dir, VIEWERS);
    browser = Browser.start();
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (gate != null) {
      gate.close();
    }
  }

  @AfterEach
  void noConsoleErrors() {
    assertThat(browser.consoleErrors()).as("the page logged no errors (failed loads, CSP, script)").isEmpty();
  }

  private String page(String file, String project) {
    return gate.pages() + file + (project == null ? "" : "?project=" + URLEncoder.encode(project, StandardCharsets.UTF_8));
  }

  private List<String> column(String table, int index) {
    return browser.driver.findElements(By.cssSelector(table + " tbody tr")).stream()
        .map(r -> r.findElements(By.tagName("td")).get(index).getText()).toList();
  }

  private void viewAs(String viewer) {
    browser.driver.get(gate.pages() + "dashboard.css");
    browser.driver.manage().deleteAllCookies();
    if (viewer != null) {
      browser.driver.manage().addCookie(new Cookie("viewer", viewer, "/"));
    }
  }

  @Test
  @DisplayName("the projects page lists every project with its latest verdict and risk, riskiest first")
  void projects() {
    viewAs(null);
    browser.open(gate.pages().toString());
    assertThat(column("#projects", 0)).containsExactly(RecordedGate.API, RecordedGate.SHOP, RecordedGate.BILLING);
    assertThat(column("#projects", 1)).containsExactly("ERROR", "PASS overridden", "PASS");
    assertThat(browser.driver.findElement(By.id("viewer")).getText()).isEqualTo("viewing as anyone");
    browser.screenshot("projects");
  }

  @Test
  @DisplayName("a project page shows the latest decision with its reasons, both charts, policy, suppressions and overrides")
  void project() {
    viewAs(null);
    browser.open(page("project.html", RecordedGate.SHOP));
    assertThat(browser.driver.findElement(By.id("verdict")).getText()).isEqualTo("PASS");
    assertThat(browser.driver.findElements(By.cssSelector("#reasons li")).get(0).getText())
        .startsWith("OVERRIDE FAIL -> PASS by carol@acme");
    // Charts: one bar per scan per severity, one point per decision, and pixels drawn on each canvas.
    assertThat(browser.script("return bulwarkCharts.findings.data.labels.length")).isEqualTo(4L);
    assertThat(browser.script("return bulwarkCharts.findings.data.datasets.find(d => d.label === 'CRITICAL').data"))
        .isEqualTo(List.of(2L, 1L, 0L, 0L));
    assertThat(browser.script("return bulwarkCharts.decisions.data.datasets[0].data.length")).isEqualTo(5L);
    for (String canvas : List.of("chart-findings", "chart-decisions")) {
      assertThat((Long) browser.script("const c = document.getElementById('" + canvas + "');"
          + "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
          + "let n = 0; for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) n++; } return n;"))
          .as(canvas + " has drawn pixels").isGreaterThan(1000L);
    }
    assertThat(column("#layers", 0)).containsExactly("default", "central", "repo");
    assertThat(browser.driver.findElement(By.id("central-policy")).getText()).contains("allow: tighten");
    // Suppressions: the central one ending in 5 days and the repository's ending in 10 are highlighted.
    var expiring = browser.driver.findElements(By.cssSelector("#suppressions tbody tr.expiring"));
    assertThat(expiring).extracting(r -> r.findElements(By.tagName("td")).get(4).getText()).containsExactly("5", "10");
    assertThat(column("#suppressions", 1)).anyMatch(m -> m.contains("java.crypto.weak-random"));
    assertThat(column("#overrides", 3)).containsExactly("carol@acme");
    assertThat(column("#overrides", 4)).singleElement().asString().contains("INC-311");
    browser.screenshot("project");
  }

  @Test
  @DisplayName("filters narrow the findings by scanner, severity, status and path")
  void filters() {
    viewAs(null);
    browser.open(page("project.html", RecordedGate.SHOP));
    assertThat(column("#findings", 2)).hasSize(5);
    filter("filter-status", "SUPPRESSED");
    assertThat(column("#findings", 2)).hasSize(3).containsOnly("SUPPRESSED");
    filter("filter-status", "");
    filter("filter-severity", "HIGH");
    assertThat(column("#findings", 4)).containsExactlyInAnyOrder("GHSA-288c-cq4h-88gq", "java.sqli.tainted-query");
    filter("filter-scanner", "sast");
    assertThat(column("#findings", 4)).containsExactly("java.sqli.tainted-query");
    filter("filter-severity", "");
    filter("filter-scanner", "");
    WebElement path = browser.driver.findElement(By.id("filter-path"));
    path.sendKeys("pom.xml");
    browser.waitFor("document.querySelectorAll('#findings tbody tr').length === 2");
    assertThat(column("#findings", 5)).allMatch(w -> w.startsWith("pom.xml"));
    browser.screenshot("project-filtered");
  }

  private void filter(String select, String value) {
    new Select(browser.driver.findElement(By.id(select))).selectByValue(value);
    browser.waitFor("document.body.dataset.findings === 'ready'");
    browser.script("document.body.dataset.findings = ''");
  }

  @Test
  @DisplayName("a viewer of acme/shop sees only acme/shop; acme/billing's page tells no more than an unknown project's")
  void isolation() {
    viewAs("alice");
    browser.open(gate.pages().toString());
    assertThat(column("#projects", 0)).containsExactly(RecordedGate.SHOP);
    browser.open(page("project.html", RecordedGate.BILLING));
    String billing = browser.driver.findElement(By.id("error")).getText();
    assertThat(billing).isEqualTo("no project 'acme/billing'");
    assertThat(column("#findings", 0)).isEmpty();
    assertThat(browser.driver.findElement(By.id("verdict")).getText()).isEmpty();
    browser.open(page("project.html", "acme/nothing"));
    assertThat(browser.driver.findElement(By.id("error")).getText()).isEqualTo("no project 'acme/nothing'");
    assertThat(browser.consoleErrors()).as("only the refused API calls").isNotEmpty()
        .allMatch(e -> e.contains("status of 404") && (e.contains("acme%2Fbilling") || e.contains("acme%2Fnothing")));
    browser.open(page("project.html", RecordedGate.SHOP));
    assertThat(browser.driver.findElement(By.id("verdict")).getText()).isEqualTo("PASS");
  }

  @Test
  @DisplayName("a request the viewer resolver cannot attribute reads nothing and says why")
  void unauthenticated() {
    viewAs("mallory");
    browser.open(gate.pages().toString());
    assertThat(browser.driver.findElement(By.id("error")).getText()).isEqualTo("sign in to read the dashboard");
    assertThat(column("#projects", 0)).isEmpty();
    // The 401s of the API are the only console errors here; they are expected.
    assertThat(browser.consoleErrors()).allMatch(e -> e.contains("401"));
  }

  @Test
  @DisplayName("every page comes with a Content-Security-Policy that forbids inline script")
  void contentSecurityPolicy() {
    viewAs(null);
    browser.open(gate.pages().toString());
    var csp = browser.script("return fetch('projects.js').then(r => r.headers.get('Content-Security-Policy'))");
    assertThat((String) csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
  }
}
