package dev.bulwark.gate;

import dev.bulwark.gate.api.GateGrpcService;
import dev.bulwark.gate.audit.AuditSink;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.decision.Unrecorded;
import dev.bulwark.advisories.intel.ExploitIntel;
import dev.bulwark.server.embedded.LocalGate;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;
import java.time.Clock;

/**
 * The gate in this process without a database ({@code bulwark check}): {@link Gate} over an
 * {@link Unrecorded} record, answering as {@code Evaluate} does. No exploit intel: it scores
 * advisories, and an in-process check has code findings only.
 */
public final class GateLocal implements LocalGate {
  private final Gate gate = new Gate(new Unrecorded(), Clock.systemUTC(), ExploitIntel.empty(), AuditSink.none());

  @Override
  public EvaluateResponse evaluate(EvaluateRequest request) {
    String invalid = GateGrpcService.validate(request);
    if (invalid != null) {
      throw new IllegalArgumentException(invalid);
    }
    return GateGrpcService.evaluation(gate, request);
  }
}
