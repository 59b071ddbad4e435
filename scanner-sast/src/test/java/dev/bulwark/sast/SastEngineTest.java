package dev.bulwark.sast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the engine treats awkward input, over real gRPC. */
class SastEngineTest {
  private static final String KEY = "ghp_" + "Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9mN0pQ1";

  @Test
  @DisplayName("binary and oversized files are skipped; a broken Java file degrades the scan but the rest is reported")
  void awkwardInput(@TempDir Path tmp) throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    byte[] binary = ("\0\0\0token=" + KEY).getBytes(StandardCharsets.UTF_8);
    Files.write(tree.resolve("blob.bin"), binary);
    Files.writeString(tree.resolve("big.txt"), "x".repeat(5000) + "\ntoken=" + KEY);
    // A file the Java analyzer needs (it reads request data) but cannot parse.
    Files.writeString(tree.resolve("Broken.java"), "class Broken { void m(HttpServletRequest r) { r.getParameter( }");
    Files.writeString(tree.resolve("ok.env"), "GITHUB_TOKEN=" + KEY + "\n");
    try (var harness = new ScannerHarness(new SastEngine(Analyzers.builtIn(), 4096), tmp.resolve("work"))) {
      var result = harness.scan(tree);
      assertThat(result.findings()).extracting(f -> f.getLocation().getPath()).containsExactly("ok.env");
      assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
      assertThat(result.summary().getMessage()).contains("Broken.java").contains("cannot parse Java");
    }
  }

  @Test
  @DisplayName("a finding's fingerprint survives moving it to another line")
  void fingerprintIgnoresLineNumbers(@TempDir Path tmp) throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    Files.writeString(a.resolve("app.env"), "GITHUB_TOKEN=" + KEY + "\n");
    Files.writeString(b.resolve("app.env"), "# moved\n\nGITHUB_TOKEN=" + KEY + "\n");
    try (var harness = new ScannerHarness(new SastEngine(), tmp.resolve("work"))) {
      Finding before = harness.scan(a).findings().get(0);
      Finding after = harness.scan(b).findings().get(0);
      assertThat(after.getLocation().getStartLine()).isEqualTo(before.getLocation().getStartLine() + 2);
      assertThat(after.getFingerprint()).isEqualTo(before.getFingerprint()).hasSize(32);
    }
  }
  @Test
  @DisplayName("over the wire, a call into another file of the tree is followed to the sink inside it")
  void callsAcrossFilesOverTheWire(@TempDir Path tmp) throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree/src/app"));
    Files.writeString(tree.resolve("Web.java"), """
        package app;
        public class Web extends javax.servlet.http.HttpServlet {
          protected void doGet(javax.servlet.http.HttpServletRequest request,
              javax.servlet.http.HttpServletResponse response) throws java.io.IOException {
            Shell.run(request.getParameter("host"));
            Shell.ping("localhost");
          }
        }
        """);
    Files.writeString(tree.resolve("Shell.java"), """
        package app;
        class Shell {
          static void run(String host) throws java.io.IOException { Runtime.getRuntime().exec("ping " + host); }
          static void ping(String host) throws java.io.IOException { Runtime.getRuntime().exec("ping " + host); }
        }
        """);
    try (var harness = new ScannerHarness(new SastEngine(), tmp.resolve("work"))) {
      var cmdi = harness.scan(tmp.resolve("tree")).findings().stream().filter(f -> f.getCweList().contains(78)).toList();
      assertThat(cmdi).singleElement().satisfies(f -> {
        assertThat(f.getLocation().getPath()).isEqualTo("src/app/Web.java");
        assertThat(f.getLocation().getStartLine()).isEqualTo(5);
        assertThat(f.getTitle()).contains("in Shell.run");
      });
    }
  }
}
