package dev.bulwark.gate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.Verdict;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the Gate gRPC service over loopback")
class GateGrpcServiceTest {
  @TempDir
  Path dir;
  JdbcConnectionPool pool;
  ManagedGrpcServer server;
  ManagedChannel channel;
  GateGrpc.GateBlockingStub gate;

  @BeforeEach
  void start() {
    pool = H2Files.pool(dir);
    var domain = new Gate(JdbiDecisionStore.migrated(pool), Clock.systemUTC());
    server = ManagedGrpcServer.onLoopback("gate", 0, new GateGrpcService(domain));
    server.start();
    channel = Channels.forTarget(server.target());
    gate = GateGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
    pool.dispose();
  }

  @Test
  @DisplayName("Evaluate returns FAIL for the vulnerable app, every finding with score, factors and status")
  void evaluate() {
    var response = gate.evaluate(Findings.request("scan-1", "vulnerable-app", Findings.vulnerableApp(), """
        suppressions:
          - package: {ecosystem: Maven, name: "junit:junit"}
            reason: test-only dependency, upgrade tracked in SHOP-12
            expires: %s
        """.formatted(java.time.LocalDate.now().plusDays(30))));
    assertThat(response.getDecision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(response.getDecision().getScanId()).isEqualTo("scan-1");
    assertThat(response.getFindingsCount()).isEqualTo(Findings.vulnerableApp().size());
    var log4j = response.getFindings(0);
    assertThat(log4j.getRiskScore()).isEqualTo(100);
    assertThat(log4j.getStatus()).isEqualTo(FindingStatus.NEW);
    assertThat(log4j.getFactorsList()).extracting(f -> f.getName()).contains("cvss", "scope", "fix-available");
    var junit = response.getFindings(1);
    assertThat(junit.getStatus()).isEqualTo(FindingStatus.SUPPRESSED);
    assertThat(junit.getSuppression()).contains("SHOP-12").contains("expires");
  }

  @Test
  @DisplayName("ListDecisions returns what Evaluate decided, newest first; limit 0 means the default")
  void listDecisions() {
    gate.evaluate(Findings.request("a", "shop", List.of(Findings.LOG4SHELL), ""));
    gate.evaluate(Findings.request("b", "shop", List.of(), ""));
    gate.evaluate(Findings.request("c", "other", List.of(), ""));
    var shop = gate.listDecisions(ListDecisionsRequest.newBuilder().setProject("shop").build());
    assertThat(shop.getDecisionsList()).extracting(d -> d.getScanId() + ":" + d.getVerdict())
        .containsExactly("b:PASS", "a:FAIL");
    var one = gate.listDecisions(ListDecisionsRequest.newBuilder().setLimit(1).build());
    assertThat(one.getDecisionsList()).extracting(d -> d.getScanId()).containsExactly("c");
  }

  @Test
  @DisplayName("an empty scan_id, a missing project or a negative limit is INVALID_ARGUMENT naming the field")
  void invalidArguments() {
    var noId = Findings.request("", "shop", List.of(), "");
    assertInvalid(() -> gate.evaluate(noId), "scan_id is required");
    var noProject = Findings.request("x", "shop", List.of(), "").toBuilder()
        .setContext(ScanContext.newBuilder().setBranch("main")).build();
    assertInvalid(() -> gate.evaluate(noProject), "context.project is required");
    var noRule = EvaluateRequest.newBuilder(Findings.request("x", "shop", List.of(), ""))
        .addFindings(Findings.SQLI.toBuilder().clearRuleId()).build();
    assertInvalid(() -> gate.evaluate(noRule), "findings[0].rule_id is required");
    assertInvalid(() -> gate.listDecisions(ListDecisionsRequest.newBuilder().setLimit(-1).build()),
        "limit must be >= 0");
    assertThat(gate.listDecisions(ListDecisionsRequest.getDefaultInstance()).getDecisionsCount())
        .as("nothing was recorded by the invalid calls").isZero();
  }

  private static void assertInvalid(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).contains(message);
    });
  }
}
