package dev.bulwark.cli;

import dev.bulwark.dist.EmbeddedServices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.cli.testing.GateRecord;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.gate.GateEmbeddedService;
import io.grpc.BindableService;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark decisions}, {@code suppress} and {@code override} end to end against the real
 * embedded gate (its H2 database under a temporary BULWARK_HOME); decisions are recorded by real
 * Evaluate calls through {@link GateConnection}.
 */
@DisplayName("bulwark decisions, suppress and override against the real embedded gate")
class GateCommandsTest {
  @TempDir
  Path home;

  CliRun run(String... args) {
    return CliRun.run(home, List.of(), args);
  }

  /** A HIGH code finding (no package: runtime scope), which the default policy fails on. */
  static Finding sqlInjection() {
    return Finding.newBuilder().setScanner("sast").setRuleId("java.sqli").setTitle("SQL injection")
        .setSeverity(Severity.HIGH).setLocation(Location.newBuilder().setPath("src/OrderServlet.java").setStartLine(12))
        .build();
  }

  /** The embedded gate on this test's home, as the commands open it. */
  EvaluateResponse evaluate(String scanId) {
    return GateRecord.evaluate(home, EvaluateRequest.newBuilder().setScanId(scanId)
          .setContext(ScanContext.newBuilder().setProject("shop").setBranch("main")).addFindings(sqlInjection())
          .build());
  }

  static String inDays(int days) {
    return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
  }

  @Test
  void aFailIsListedThenSuppressedToPassThenUnsuppressedThenOverridden() throws Exception {
    assertThat(evaluate("scan-1").getDecision().getVerdict()).isEqualTo(Verdict.FAIL);

    var listed = run("decisions", "--project", "shop");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("SCAN ID").containsPattern("scan-1 .*shop .*main .*FAIL .*no ");

    var added = run("suppress", "add", "--project", "shop", "--rule", "java.sqli", "--reason", "input is a constant",
        "--expires", inDays(30), "--by", "alice");
    assertThat(added.exitCode()).as(added.err()).isZero();
    var id = Pattern.compile("added suppression (\\S+) for shop: rule=java.sqli").matcher(added.out());
    assertThat(id.find()).as(added.out()).isTrue();
    var suppressions = run("suppress", "list", "--project", "shop");
    assertThat(suppressions.out()).contains(id.group(1)).contains("rule=java.sqli")
        .contains("by token:") // the local admin token's identity: --by alice is what the request claims, not recorded
        .contains("input is a constant").doesNotContain("EXPIRED");

    var suppressed = evaluate("scan-2");
    assertThat(suppressed.getDecision().getVerdict()).as(suppressed.getDecision().getReasonsList().toString())
        .isEqualTo(Verdict.PASS);
    assertThat(suppressed.getFindings(0).getStatus()).isEqualTo(FindingStatus.SUPPRESSED);
    assertThat(suppressed.getFindings(0).getSuppression()).contains("input is a constant");

    var removed = run("suppress", "remove", id.group(1));
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(run("suppress", "list", "--project", "shop").out()).doesNotContain(id.group(1));
    assertThat(evaluate("scan-3").getDecision().getVerdict()).isEqualTo(Verdict.FAIL);

    var override = run("override", "scan-3", "--justification", "hotfix for outage INC-42", "--identity", "bob");
    assertThat(override.exitCode()).as(override.err()).isZero();
    assertThat(override.out()).contains("scan-3").contains("PASS").contains("by token:").doesNotContain("bob");

    var json = new ObjectMapper().readTree(run("decisions", "--project", "shop", "--format", "json").out());
    assertThat(json.get(0).get("scanId").asText()).isEqualTo("scan-3");
    assertThat(json.get(0).get("verdict").asText()).isEqualTo("PASS");
    assertThat(json.get(0).get("overridden").asBoolean()).isTrue();
    assertThat(json.get(0).get("overrideIdentity").asText()).startsWith("token:"); // authenticated, not --identity
    assertThat(json.get(0).get("overrideJustification").asText()).isEqualTo("hotfix for outage INC-42");
    assertThat(json.findValuesAsText("scanId")).contains("scan-1", "scan-2");
    assertThat(run("decisions", "--project", "shop").out()).containsPattern("scan-3 .*PASS .*yes \\(token:");
  }

  @Test
  void decisionsAreNewestFirstAndLimited() {
    evaluate("scan-a");
    evaluate("scan-b");
    var r = run("decisions", "--limit", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("scan-b").doesNotContain("scan-a");
  }

  @Test
  void aSuppressionWithoutReasonIsRefusedWithTheGatesMessageAndExit2() {
    var r = run("suppress", "add", "--project", "shop", "--rule", "java.sqli", "--expires", inDays(30));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).containsExactly("bulwark: suppression.reason is required: say why the risk is acceptable");
    assertThat(run("suppress", "list", "--project", "shop").out()).isEmpty();
  }

  @Test
  void aSuppressionWithoutCriterionOrTooFarAheadIsRefused() {
    var none = run("suppress", "add", "--project", "shop", "--reason", "r", "--expires", inDays(30));
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("matches nothing");
    var far = run("suppress", "add", "--project", "shop", "--rule", "x", "--reason", "r", "--expires", inDays(400));
    assertThat(far.exitCode()).isEqualTo(2);
    assertThat(far.err()).contains("more than one year ahead");
  }

  @Test
  void removingAnUnknownSuppressionIsNotFoundWithExit2() {
    var r = run("suppress", "remove", "no-such-id");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).containsExactly("bulwark: no central suppression with id 'no-such-id'");
  }

  @Test
  void overridingAPassOrAnUnknownScanIsRefusedWithExit2() {
    var pass = evaluatePass("scan-ok");
    assertThat(pass).isEqualTo(Verdict.PASS);
    var r = run("override", "scan-ok", "--justification", "why not", "--identity", "bob");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).containsExactly("bulwark: scan 'scan-ok' is PASS: only a FAIL can be overridden");
    var unknown = run("override", "nope", "--justification", "j", "--identity", "bob");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no decision recorded for scan 'nope'");
  }

  Verdict evaluatePass(String scanId) {
    return GateRecord.evaluate(home, EvaluateRequest.newBuilder().setScanId(scanId)
          .setContext(ScanContext.newBuilder().setProject("shop")).build()).getDecision().getVerdict();
  }

  @Test
  void anUnreachableGateIsOneClearLineWithExit2() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var r = run("decisions", "--gate", "127.0.0.1:" + port);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().startsWith("bulwark: cannot reach the gate at 127.0.0.1:" + port);
  }

  @Test
  void aBadFormatOrLimitIsAUsageErrorBeforeAnyGateIsStarted() {
    assertThat(run("decisions", "--format", "xml").err()).contains("unknown --format 'xml'");
    assertThat(run("decisions", "--limit", "0").exitCode()).isEqualTo(2);
    assertThat(run("suppress").err()).contains("a subcommand is required");
  }

  @Test
  void withGateTheCommandsTalkToThatRemoteGate() throws Exception {
    var context = new EmbeddedContext(home.resolve("remote"), Optional.empty(), Map.of(), Map.of());
    var server = ManagedGrpcServer.onLoopback("gate", 0,
        new GateEmbeddedService().create(context).toArray(BindableService[]::new));
    server.start();
    try {
      var add = run("suppress", "add", "--gate", server.target(), "--project", "remote-shop", "--advisory",
          "GHSA-jfh8-c2jp-5v3q", "--reason", "not reachable", "--expires", inDays(10));
      assertThat(add.exitCode()).as(add.err()).isZero();
      assertThat(run("suppress", "list", "--gate", server.target(), "--project", "remote-shop").out())
          .contains("advisory=GHSA-jfh8-c2jp-5v3q");
      assertThat(run("suppress", "list", "--project", "remote-shop").out()).as("not in the local database").isEmpty();
    } finally {
      server.stop();
      for (AutoCloseable c : context.closeables()) {
        c.close();
      }
    }
  }
}
