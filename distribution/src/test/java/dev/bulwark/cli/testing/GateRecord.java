package dev.bulwark.cli.testing;

import dev.bulwark.gate.api.GateGrpcService;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Seeds the embedded gate's record the way the gateway does (Evaluate), straight into the database
 * under {@code $BULWARK_HOME/gate}: over gRPC only the gateway may ask for decisions. The embedded
 * gate must not be running (H2 holds the file).
 */
public final class GateRecord {
  private GateRecord() {}

  public static EvaluateResponse evaluate(Path home, EvaluateRequest request) {
    var pool = H2Files.pool(home.resolve("gate"));
    try {
      var result = new Gate(JdbiDecisionStore.migrated(pool), Clock.systemUTC()).evaluate(request);
      var response = EvaluateResponse.newBuilder().setDecision(result.decision()).addAllFixed(result.fixed());
      result.findings().forEach(a -> response.addFindings(GateGrpcService.toProto(a)));
      return response.build();
    } finally {
      pool.dispose();
    }
  }
}
