package dev.bulwark.gate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.GetProjectPolicyRequest;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.SetProjectPolicyRequest;
import dev.bulwark.v1.Verdict;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("central policies and paged decisions over gRPC (loopback, H2)")
class PolicyAndDecisionsGrpcTest {
  static final String CENTRAL = "rules:\n  - name: no-critical\n    expr: finding.severity == \"CRITICAL\"\n"
      + "    action: deny\nrepo:\n  allow: tighten\n";

  @TempDir
  Path dir;
  JdbcConnectionPool pool;
  ManagedGrpcServer server;
  ManagedChannel channel;
  GateGrpc.GateBlockingStub gate;

  @BeforeEach
  void start() {
    pool = H2Files.pool(dir);
    var domain = new Gate(JdbiDecisionStore.migrated(pool),
        Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));
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

  private static SetProjectPolicyRequest set(String project, String policy) {
    return SetProjectPolicyRequest.newBuilder().setProject(project).setPolicy(policy).setSetBy("secteam").build();
  }

  @Test
  @DisplayName("SetProjectPolicy → GetProjectPolicy → Evaluate applies it and names its version")
  void roundTrip() {
    var stored = gate.setProjectPolicy(set("acme/shop", CENTRAL));
    assertThat(stored.getVersion()).isNotEmpty();
    assertThat(stored.getRepoAllow()).isEqualTo("tighten");
    assertThat(stored.getSetAt()).isEqualTo("2026-06-01T10:00:00Z");
    assertThat(gate.getProjectPolicy(GetProjectPolicyRequest.newBuilder().setProject("acme/shop").build()))
        .isEqualTo(stored);
    var d = gate.evaluate(Findings.request("s1", "acme/shop", List.of(Findings.LOG4SHELL),
        "rules:\n  - name: no-critical\n    expr: \"false\"\n    action: warn\n")).getDecision();
    assertThat(d.getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(d.getPoliciesList()).anySatisfy(p -> {
      assertThat(p.getLayer()).isEqualTo("central");
      assertThat(p.getVersion()).isEqualTo(stored.getVersion());
    });
    assertThat(d.getReasonsList()).anySatisfy(r -> assertThat(r).startsWith("WARN policy .bulwark.yaml: rule 'no-critical'"));
  }

  @Test
  @DisplayName("a central policy whose CEL does not compile is INVALID_ARGUMENT naming the error and its line")
  void brokenPolicyRefused() {
    String broken = "rules:\n  - name: ok\n    expr: finding.severity == \"HIGH\"\n    action: deny\n"
        + "  - name: broken\n    expr: finding.severity ==\n    action: deny\n";
    assertThatThrownBy(() -> gate.setProjectPolicy(set("acme/shop", broken)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription())
              .startsWith("policy refused: central policy of acme/shop:6: rule 'broken' does not compile: ");
        });
    assertThatThrownBy(() -> gate.setProjectPolicy(set("acme/shop", "failOn: {severity: SEVERE}\n")))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getDescription())
            .contains("central policy of acme/shop:1:20: failOn.severity must be one of"));
    assertThatThrownBy(() -> gate.getProjectPolicy(GetProjectPolicyRequest.newBuilder().setProject("acme/shop").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(e.getStatus().getDescription()).isEqualTo("project 'acme/shop' has no central policy");
        });
    assertThatThrownBy(() -> gate.setProjectPolicy(set("", CENTRAL)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }

  @Test
  @DisplayName("ListDecisions filters by branch and pages with next_page_token until it is empty")
  void pagedByBranch() {
    for (int i = 1; i <= 5; i++) {
      var r = Findings.request("main-" + i, "acme/shop", List.of(Findings.SQLI), "").toBuilder();
      gate.evaluate(r.build());
      r = Findings.request("pr-" + i, "acme/shop", List.of(Findings.SQLI), "").toBuilder();
      r.getContextBuilder().setBranch("feature/x");
      gate.evaluate(r.build());
    }
    var seen = new ArrayList<String>();
    String token = "";
    int pages = 0;
    do {
      var page = gate.listDecisions(ListDecisionsRequest.newBuilder().setProject("acme/shop").setBranch("main")
          .setLimit(2).setPageToken(token).build());
      page.getDecisionsList().stream().map(Decision::getScanId).forEach(seen::add);
      assertThat(page.getDecisionsList()).extracting(d -> d.getContext().getBranch()).containsOnly("main");
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty() && pages < 10);
    assertThat(seen).containsExactly("main-5", "main-4", "main-3", "main-2", "main-1");
    assertThat(pages).isEqualTo(3);

    var all = gate.listDecisions(ListDecisionsRequest.newBuilder().setLimit(100).build());
    assertThat(all.getDecisionsCount()).isEqualTo(10);
    assertThat(all.getNextPageToken()).isEmpty();

    assertThatThrownBy(() -> gate.listDecisions(ListDecisionsRequest.newBuilder().setPageToken("42").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains("page_token '42' is not a token this gate issued");
        });
    assertThatThrownBy(() -> gate.listDecisions(ListDecisionsRequest.newBuilder().setLimit(-1).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getDescription()).startsWith("limit must be >= 0"));
  }
}
