package dev.bulwark.gateway.testing;

import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Verdict;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gate for tests: records every request; ERROR when a scanner FAILED, FAIL when there are
 * findings, else PASS. Risk = severity × 20.
 */
public final class FakeGate extends GateGrpc.GateImplBase {
  public final List<EvaluateRequest> requests = new CopyOnWriteArrayList<>();

  @Override
  public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> response) {
    requests.add(request);
    var failed = request.getScannersList().stream().filter(s -> s.getStatus() == ScannerStatus.FAILED).toList();
    var decision = Decision.newBuilder().setScanId(request.getScanId());
    var out = EvaluateResponse.newBuilder();
    int max = 0;
    for (var f : request.getFindingsList()) {
      int risk = f.getSeverityValue() * 20;
      max = Math.max(max, risk);
      out.addFindings(EvaluatedFinding.newBuilder().setFinding(f).setRiskScore(risk).setStatus(FindingStatus.NEW));
    }
    failed.forEach(s -> decision.addReasons("scanner " + s.getScanner() + " failed: " + s.getMessage()));
    if (!failed.isEmpty()) {
      decision.setVerdict(Verdict.ERROR);
    } else if (request.getFindingsCount() > 0) {
      decision.setVerdict(Verdict.FAIL).addReasons(request.getFindingsCount() + " finding(s)");
    } else {
      decision.setVerdict(Verdict.PASS);
    }
    response.onNext(out.setDecision(decision.setRiskScore(max)).build());
    response.onCompleted();
  }
}
