package dev.bulwark.gate.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.gate.db.EvaluationReplies;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.v1.EvaluateResponse;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Evaluate is idempotent by scan id: every scan ends in exactly one decision")
class EvaluateOncePerScanTest {
  @TempDir
  Path dir;

  @Test
  void evaluatingAScanAgainAnswersTheFirstDecisionAndRecordsNoSecond() throws Exception {
    var pool = H2Files.pool(dir);
    var store = JdbiDecisionStore.migrated(pool);
    var server = ManagedGrpcServer.onLoopback("gate", 0, new GateGrpcService(
        new Gate(store, Clock.systemUTC()), AuditLog.LOG_ONLY, Optional.of(new EvaluationReplies(store.jdbi()))));
    server.start();
    var channel = Channels.forTarget(server.target());
    try {
      var gate = GateGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      var first = gate.evaluate(Findings.request("scan-7", "shop", List.of(Findings.LOG4SHELL), ""));
      // A gateway replica that took the scan over asks again (its scanners may report other durations).
      var again = gate.evaluate(Findings.request("scan-7", "shop", List.of(Findings.LOG4SHELL), ""));

      assertThat(first.getDecision().getVerdict()).isEqualTo(Verdict.FAIL);
      assertThat(again).isEqualTo(first);
      var decisions = gate.listDecisions(ListDecisionsRequest.newBuilder().setProject("shop").build());
      assertThat(decisions.getDecisionsList()).extracting(d -> d.getScanId()).containsExactly("scan-7");

      var other = gate.evaluate(Findings.request("scan-8", "shop", List.of(), ""));
      assertThat(other.getDecision().getScanId()).isEqualTo("scan-8");

      // Two replicas that both believe they coordinate scan-9 ask at the same moment.
      var racing = new ArrayList<CompletableFuture<EvaluateResponse>>();
      for (int i = 0; i < 4; i++) {
        racing.add(CompletableFuture.supplyAsync(() ->
            gate.evaluate(Findings.request("scan-9", "shop", List.of(Findings.LOG4SHELL), ""))));
      }
      var answers = racing.stream().map(CompletableFuture::join).distinct().toList();
      assertThat(answers).as("one answer for all").hasSize(1);
      assertThat(gate.listDecisions(ListDecisionsRequest.newBuilder().setProject("shop").build()).getDecisionsList())
          .filteredOn(d -> d.getScanId().equals("scan-9")).hasSize(1);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
      pool.dispose();
    }
  }
}
