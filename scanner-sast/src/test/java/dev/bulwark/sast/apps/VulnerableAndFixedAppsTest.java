package dev.bulwark.sast.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.sast.SastEngine;
import dev.bulwark.v1.ScannerStatus;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For each tree-sitter language, the same small shop app twice (test resources {@code apps/<language>/}):
 * {@code vulnerable/} with SQL injection (through a helper in another file for JavaScript, Python
 * and PHP), command injection, XSS, path traversal, SSRF, open redirect, unsafe deserialisation
 * (not for Go, which has no such decoder) and a weak hash; and {@code fixed/}, the same app
 * written safely. Scanned over gRPC like any repository: the vulnerable one gives exactly the rows
 * below (rule, line, CWE), the fixed one gives nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VulnerableAndFixedAppsTest {
  /** language, file, line, rule, CWE. */
  private static final List<String> EXPECTED = List.of(
      "javascript, db.js, 5, js.sql-injection, 89",
      "javascript, app.js, 18, js.command-injection, 78",
      "javascript, app.js, 22, js.xss-response, 79",
      "javascript, app.js, 26, js.path-traversal, 22",
      "javascript, app.js, 30, js.ssrf, 918",
      "javascript, app.js, 35, js.open-redirect, 601",
      "javascript, app.js, 39, js.unsafe-deserialization, 502",
      "javascript, app.js, 44, js.weak-hash, 328",
      "python, store.py, 7, py.sql-injection, 89",
      "python, app.py, 21, py.command-injection, 78",
      "python, app.py, 27, py.xss-response, 79",
      "python, app.py, 32, py.path-traversal, 22",
      "python, app.py, 38, py.ssrf, 918",
      "python, app.py, 44, py.open-redirect, 601",
      "python, app.py, 49, py.unsafe-deserialization, 502",
      "python, app.py, 54, py.weak-hash, 328",
      "go, main.go, 18, go.sql-injection, 89",
      "go, main.go, 23, go.command-injection-shell, 78",
      "go, main.go, 28, go.xss-response, 79",
      "go, main.go, 32, go.path-traversal, 22",
      "go, main.go, 38, go.ssrf, 918",
      "go, main.go, 43, go.open-redirect, 601",
      "go, main.go, 47, go.weak-hash, 328",
      "php, db.php, 3, php.sql-injection, 89",
      "php, index.php, 10, php.command-injection, 78",
      "php, index.php, 12, php.xss-echo, 79",
      "php, index.php, 14, php.path-traversal, 22",
      "php, index.php, 16, php.ssrf, 918",
      "php, index.php, 19, php.open-redirect, 601",
      "php, index.php, 21, php.unsafe-deserialization, 502",
      "php, index.php, 25, php.weak-password-hash, 328",
      "ruby, products_controller.rb, 6, rb.sql-injection, 89",
      "ruby, products_controller.rb, 10, rb.command-injection, 78",
      "ruby, products_controller.rb, 14, rb.xss-html-safe, 79",
      "ruby, products_controller.rb, 14, rb.xss-render-html, 79",
      "ruby, products_controller.rb, 18, rb.path-traversal, 22",
      "ruby, products_controller.rb, 22, rb.ssrf, 918",
      "ruby, products_controller.rb, 27, rb.open-redirect, 601",
      "ruby, products_controller.rb, 31, rb.unsafe-deserialization, 502",
      "ruby, products_controller.rb, 35, rb.weak-hash, 328",
      "csharp, ProductsController.cs, 16, cs.sql-injection, 89",
      "csharp, ProductsController.cs, 23, cs.command-injection, 78",
      "csharp, ProductsController.cs, 30, cs.xss-content, 79",
      "csharp, ProductsController.cs, 36, cs.path-traversal, 22",
      "csharp, ProductsController.cs, 43, cs.ssrf, 918",
      "csharp, ProductsController.cs, 50, cs.open-redirect, 601",
      "csharp, ProductsController.cs, 56, cs.unsafe-deserialization, 502",
      "csharp, ProductsController.cs, 62, cs.weak-hash, 328");

  private ScannerHarness harness;
  private final Map<String, ScannerHarness.Result> results = new HashMap<>();

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    harness = new ScannerHarness(new SastEngine(), tmp.resolve("work"));
  }

  @AfterAll
  void stop() throws Exception {
    harness.close();
  }

  private ScannerHarness.Result scan(String language, String version) throws Exception {
    String key = language + "/" + version;
    if (!results.containsKey(key)) {
      results.put(key, harness.scan(app(language, version)));
    }
    return results.get(key);
  }

  private static Path app(String language, String version) throws URISyntaxException {
    return Path.of(VulnerableAndFixedAppsTest.class.getResource("/apps/" + language + "/" + version).toURI());
  }

  @ParameterizedTest(name = "{0}: the vulnerable app gives exactly its table of rule, line and CWE")
  @ValueSource(strings = {"javascript", "python", "go", "php", "ruby", "csharp"})
  @DisplayName("each vulnerable app gives each of its findings with the exact rule, line and CWE, and nothing else")
  void vulnerableAppGivesItsTable(String language) throws Exception {
    var result = scan(language, "vulnerable");
    var expected = EXPECTED.stream().filter(row -> row.startsWith(language + ","))
        .map(row -> row.substring(language.length() + 2)).sorted().toList();
    var found = new ArrayList<String>();
    for (var f : result.findings()) {
      if (f.getRuleId().startsWith("secret.")) {
        continue;
      }
      int cwe = f.getCweList().get(0);
      found.add(f.getLocation().getPath() + ", " + f.getLocation().getStartLine() + ", " + f.getRuleId() + ", " + cwe);
    }
    assertThat(found.stream().sorted().toList()).containsExactlyElementsOf(expected);
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    var classes = expected.stream().map(row -> row.split(", ")[3]).collect(Collectors.toSet());
    assertThat(classes).as("vulnerability classes").hasSizeGreaterThanOrEqualTo(language.equals("go") ? 7 : 8);
  }

  @ParameterizedTest(name = "{0}: the fixed app gives nothing")
  @ValueSource(strings = {"javascript", "python", "go", "php", "ruby", "csharp"})
  @DisplayName("each fixed app, the same code written safely, gives no finding")
  void fixedAppIsClean(String language) throws Exception {
    var result = scan(language, "fixed");
    assertThat(result.findings()).isEmpty();
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    assertThat(result.summary().getFilesScanned()).isPositive();
  }
}
