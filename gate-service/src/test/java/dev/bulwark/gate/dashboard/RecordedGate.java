package dev.bulwark.gate.dashboard;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.gate.api.GateGrpcService;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionHistory;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.v1.AddSuppressionRequest;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.OverrideDecisionRequest;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.SetProjectPolicyRequest;
import dev.bulwark.v1.Suppression;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A real gate (H2 file, gRPC on loopback) whose decisions were recorded through its Evaluate
 * call, over a month of scans of three projects, with the dashboard on a Jetty of its own:
 * <ul>
 *   <li>{@code acme/shop}: four scans of the vulnerable app, a central policy, central
 *       suppressions expiring in 5 and 200 days, a repository suppression expiring in 10 days,
 *       and a break-glass override of the last FAIL;</li>
 *   <li>{@code acme/billing}: two clean scans (PASS);</li>
 *   <li>{@code acme/api}: one scan whose SCA scanner failed (ERROR).</li>
 * </ul>
 */
final class RecordedGate implements AutoCloseable {
  /** The day the last scan ran; the dashboard's "today". */
  static final Instant TODAY = Instant.parse("2026-06-01T12:00:00Z");
  static final String SHOP = "acme/shop";
  static final String BILLING = "acme/billing";
  static final String API = "acme/api";

  private final JdbcConnectionPool pool;
  private final ManagedGrpcServer grpc;
  private final ManagedChannel channel;
  private final EmbeddedDashboard dashboard;
  private Instant now = TODAY.minus(Duration.ofDays(30));

  RecordedGate(Path dir, ViewerResolver viewers) throws Exception {
    pool = H2Files.pool(dir);
    var store = JdbiDecisionStore.migrated(pool);
    var clock = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    grpc = ManagedGrpcServer.onLoopback("gate", 0, new GateGrpcService(new Gate(store, clock)));
    grpc.start();
    channel = Channels.forTarget(grpc.target());
    record(GateGrpc.newBlockingStub(channel));
    dashboard = EmbeddedDashboard.start("127.0.0.1", 0,
        new Dashboard(new JdbiDecisionHistory(store.jdbi()), store.suppressions(), store.policies(), clock), viewers);
  }

  /** The pages, e.g. {@code http://127.0.0.1:41234/dashboard/}. */
  URI pages() {
    return dashboard.url();
  }

  private void record(GateGrpc.GateBlockingStub gate) {
    gate.setProjectPolicy(SetProjectPolicyRequest.newBuilder().setProject(SHOP).setSetBy("secteam@acme")
        .setPolicy("failOn:\n  severity: HIGH\nrepo:\n  allow: tighten\n").build());
    String repoPolicy = "suppressions:\n  - rule: java.style.todo\n    reason: style only, tracked in JIRA-12\n"
        + "    expires: " + LocalDate.of(2026, 6, 11) + "\n";
    evaluate(gate, 0, SHOP, "shop-1", Findings.vulnerableApp(), repoPolicy);
    evaluate(gate, 7, SHOP, "shop-2", List.of(Findings.LOG4SHELL, Findings.JACKSON, Findings.SQLI, Findings.AWS_KEY,
        Findings.JUNIT, Findings.WEAK_RANDOM, Findings.LOW_INFO), repoPolicy);
    evaluate(gate, 7, BILLING, "billing-1", List.of(), "");
    evaluate(gate, 7, SHOP, "shop-3", List.of(Findings.JACKSON, Findings.SQLI, Findings.JUNIT, Findings.WEAK_RANDOM,
        Findings.LOW_INFO), repoPolicy);
    suppress(gate, Suppression.newBuilder().setProject(SHOP).setAdvisory("CVE-2020-15250")
        .setReason("junit only runs in CI").setExpires("2026-06-06").setCreatedBy("dev@acme"));
    suppress(gate, Suppression.newBuilder().setProject(SHOP).setPathGlob("src/main/java/com/example/shop/**")
        .setRule("java.crypto.weak-random").setReason("ids, not secrets").setExpires("2026-12-18")
        .setCreatedBy("secteam@acme"));
    evaluate(gate, 8, BILLING, "billing-2", List.of(Findings.LOW_INFO), "");
    var api = request(API, "api-1", List.of(Findings.MINIMIST), "").toBuilder().clearScanners()
        .addScanners(Findings.report("sast", ScannerStatus.OK, ""))
        .addScanners(Findings.report("sca", ScannerStatus.FAILED, "advisory database unreadable")).build();
    now = now.plus(Duration.ofHours(1));
    gate.evaluate(api);
    evaluate(gate, 0, SHOP, "shop-4", List.of(Findings.JACKSON, Findings.SQLI, Findings.JUNIT, Findings.WEAK_RANDOM,
        Findings.LOW_INFO), repoPolicy);
    now = TODAY;
    gate.overrideDecision(OverrideDecisionRequest.newBuilder().setScanId("shop-4").setIdentity("carol@acme")
        .setJustification("hotfix for the checkout outage; jackson patched at the edge (INC-311)").build());
  }

  private void evaluate(GateGrpc.GateBlockingStub gate, int daysLater, String project, String scanId,
      List<Finding> findings, String policy) {
    now = now.plus(Duration.ofDays(daysLater)).plus(Duration.ofHours(1));
    gate.evaluate(request(project, scanId, findings, policy));
  }

  private static EvaluateRequest request(String project, String scanId, List<Finding> findings, String policy) {
    return Findings.request(scanId, project, findings, policy);
  }

  private void suppress(GateGrpc.GateBlockingStub gate, Suppression.Builder s) {
    gate.addSuppression(AddSuppressionRequest.newBuilder().setSuppression(s).build());
  }

  @Override
  public void close() throws Exception {
    dashboard.close();
    channel.shutdownNow();
    grpc.stop();
    pool.dispose();
  }
}
