package dev.bulwark.gate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.v1.AddSuppressionRequest;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.ListSuppressionsRequest;
import dev.bulwark.v1.OverrideDecisionRequest;
import dev.bulwark.v1.RemoveSuppressionRequest;
import dev.bulwark.v1.Suppression;
import dev.bulwark.v1.Verdict;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("central suppressions, overrides and baselines over gRPC (loopback, H2, clock at 2026-06-01)")
class SuppressionAndOverrideGrpcTest {
  @TempDir
  Path dir;
  JdbcConnectionPool pool;
  ManagedGrpcServer server;
  ManagedChannel channel;
  GateGrpc.GateBlockingStub gate;
  /** The gate's clock; tests move it forward to see suppressions expire. */
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T10:00:00Z"));
  final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  @BeforeEach
  void start() {
    pool = H2Files.pool(dir);
    var domain = new Gate(JdbiDecisionStore.migrated(pool), clock);
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

  private static Suppression.Builder valid() {
    return Suppression.newBuilder().setProject("shop").setPurl("pkg:maven/junit/junit")
        .setReason("test-only dependency, SHOP-12").setExpires("2026-09-01").setCreatedBy("alice");
  }

  private Suppression add(Suppression.Builder s) {
    return gate.addSuppression(AddSuppressionRequest.newBuilder().setSuppression(s).build());
  }

  @Test
  @DisplayName("AddSuppression → Evaluate marks the finding SUPPRESSED → ListSuppressions → RemoveSuppression")
  void lifecycle() {
    var added = add(valid());
    assertThat(added.getId()).isNotEmpty();
    assertThat(added.getCreatedAt()).isEqualTo("2026-06-01T10:00:00Z");
    assertThat(added.getExpired()).isFalse();

    var r = gate.evaluate(Findings.request("s1", "shop", List.of(Findings.JUNIT, Findings.LOG4SHELL), ""));
    assertThat(r.getFindings(0).getStatus()).isEqualTo(FindingStatus.SUPPRESSED);
    assertThat(r.getFindings(0).getSuppression()).contains("SHOP-12").contains("2026-09-01");
    assertThat(r.getFindings(1).getStatus()).isEqualTo(FindingStatus.NEW);

    var listed = gate.listSuppressions(ListSuppressionsRequest.newBuilder().setProject("shop").build());
    assertThat(listed.getSuppressionsList()).containsExactly(added);
    assertThat(gate.listSuppressions(ListSuppressionsRequest.newBuilder().setProject("other").build())
        .getSuppressionsCount()).isZero();

    // After its last day: listed as expired, not applied, named in the reasons.
    now.set(Instant.parse("2026-09-02T00:00:00Z"));
    var expired = gate.listSuppressions(ListSuppressionsRequest.newBuilder().setProject("shop").build());
    assertThat(expired.getSuppressions(0).getExpired()).isTrue();
    var late = gate.evaluate(Findings.request("s2", "shop", List.of(Findings.JUNIT), ""));
    assertThat(late.getFindings(0).getStatus()).isEqualTo(FindingStatus.EXISTING);
    assertThat(late.getDecision().getReasonsList()).anyMatch(l -> l.startsWith("IGNORED central suppression "
        + added.getId() + " not applied: expired on 2026-09-01"));

    gate.removeSuppression(RemoveSuppressionRequest.newBuilder().setId(added.getId()).build());
    var again = gate.evaluate(Findings.request("s3", "shop", List.of(Findings.JUNIT), ""));
    assertThat(again.getFindings(0).getStatus()).isEqualTo(FindingStatus.EXISTING);
    assertThat(again.getDecision().getReasonsList()).noneMatch(l -> l.contains(added.getId()));
    assertStatus(() -> gate.removeSuppression(RemoveSuppressionRequest.newBuilder().setId(added.getId()).build()),
        Status.Code.NOT_FOUND, "no central suppression with id '" + added.getId() + "'");
  }

  @Test
  @DisplayName("AddSuppression is INVALID_ARGUMENT without criterion, reason or expiry, or expiring in the past or beyond a year")
  void addValidation() {
    var noCriterion = valid().clearPurl();
    assertStatus(() -> add(noCriterion), Status.Code.INVALID_ARGUMENT,
        "matches nothing: set at least one of fingerprint, rule, path_glob, purl, advisory");
    assertStatus(() -> add(valid().clearReason()), Status.Code.INVALID_ARGUMENT, "suppression.reason is required");
    assertStatus(() -> add(valid().clearExpires()), Status.Code.INVALID_ARGUMENT, "suppression.expires is required");
    assertStatus(() -> add(valid().setExpires("next week")), Status.Code.INVALID_ARGUMENT,
        "suppression.expires must be an ISO date (YYYY-MM-DD), not 'next week'");
    assertStatus(() -> add(valid().setExpires("2026-05-31")), Status.Code.INVALID_ARGUMENT,
        "suppression.expires 2026-05-31 is in the past (today is 2026-06-01)");
    assertStatus(() -> add(valid().setExpires("2027-06-03")), Status.Code.INVALID_ARGUMENT,
        "suppression.expires 2027-06-03 is more than one year ahead (latest 2027-06-02)");
    assertStatus(() -> add(valid().setProject("")), Status.Code.INVALID_ARGUMENT, "suppression.project is required");
    assertStatus(() -> add(valid().setPurl("junit:junit")), Status.Code.INVALID_ARGUMENT,
        "suppression.purl must be a package URL");
    assertThat(add(valid().setExpires("2026-06-01")).getExpires()).as("today is still allowed").isEqualTo("2026-06-01");
    assertThat(gate.listSuppressions(ListSuppressionsRequest.newBuilder().setProject("shop").build())
        .getSuppressionsCount()).as("only the valid one was stored").isEqualTo(1);
  }

  @Test
  @DisplayName("OverrideDecision turns a FAIL into a recorded PASS; errors: NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT")
  void override() {
    gate.evaluate(Findings.request("bad", "shop", List.of(Findings.LOG4SHELL), ""));
    gate.evaluate(Findings.request("good", "shop", List.of(), ""));
    var request = OverrideDecisionRequest.newBuilder().setScanId("bad").setJustification("emergency fix INC-9")
        .setIdentity("carol@acme");

    assertStatus(() -> gate.overrideDecision(request.clone().setJustification(" ").build()),
        Status.Code.INVALID_ARGUMENT, "justification is required");
    assertStatus(() -> gate.overrideDecision(request.clone().clearIdentity().build()),
        Status.Code.INVALID_ARGUMENT, "identity is required");
    assertStatus(() -> gate.overrideDecision(request.clone().setScanId("nope").build()),
        Status.Code.NOT_FOUND, "no decision recorded for scan 'nope'");
    assertStatus(() -> gate.overrideDecision(request.clone().setScanId("good").build()),
        Status.Code.FAILED_PRECONDITION, "scan 'good' is PASS: only a FAIL can be overridden");

    var o = gate.overrideDecision(request.build());
    assertThat(o.getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(o.getOverridden()).isTrue();
    assertThat(o.getOverrideIdentity()).isEqualTo("carol@acme");
    assertThat(o.getOverrideJustification()).isEqualTo("emergency fix INC-9");

    var listed = gate.listDecisions(ListDecisionsRequest.newBuilder().setProject("shop").build());
    assertThat(listed.getDecisionsList()).extracting(d -> d.getScanId() + ":" + d.getVerdict() + ":" + d.getOverridden())
        .containsExactly("bad:PASS:true", "good:PASS:false", "bad:FAIL:false");
    assertThat(listed.getDecisions(0)).isEqualTo(o);
  }

  @Test
  @DisplayName("Evaluate with baseline_branch returns the baseline's vanished findings in 'fixed'")
  void baselineOverTheWire() {
    gate.evaluate(Findings.request("main-1", "shop", List.of(Findings.LOG4SHELL, Findings.JACKSON), ""));
    var pr = Findings.request("pr-1", "shop", List.of(Findings.LOG4SHELL), "").toBuilder().setBaselineBranch("main");
    pr.getContextBuilder().setBranch("feature/upgrade-jackson");
    var r = gate.evaluate(pr.build());
    assertThat(r.getFindings(0).getStatus()).isEqualTo(FindingStatus.EXISTING);
    assertThat(r.getFixedList()).containsExactly(Findings.JACKSON);
  }

  private static void assertStatus(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).contains(message);
    });
  }
}
