package dev.bulwark.cli.testing;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.server.scanner.FindingSink;
import dev.bulwark.server.scanner.ScanOutcome;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.server.scanner.ScannerGrpcService;
import dev.bulwark.gateway.GatewayEmbeddedService;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.EvaluateResponse;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.ScannerInfo;
import dev.bulwark.v1.Severity;
import dev.bulwark.v1.Verdict;
import io.grpc.BindableService;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** Test stand-ins for the scanners and the gate, as embedded services; the gateway is real. */
public final class FakeServices {
  private FakeServices() {}

  /** A cluster: a sast that flags "TODO" lines, sca and container that find nothing, a strict gate, the real gateway. */
  public static List<EmbeddedService> cluster() {
    return List.of(new Scanner("sast", true), new Scanner("sca", false), new Scanner("container", false),
        new Gate(), new GatewayEmbeddedService());
  }

  /** A scanner service around {@link TodoEngine}; with {@code flags == false} it never finds anything. */
  public record Scanner(String name, boolean flags) implements EmbeddedService {
    @Override
    public int startOrder() {
      return 10;
    }

    @Override
    public List<BindableService> create(EmbeddedContext context) {
      var service = new ScannerGrpcService(new TodoEngine(name, flags),
          new DiskBlobStore(context.home().resolve(name + "-cache")), "", context.clientSecurity());
      context.closeOnStop(service);
      return List.of(service);
    }
  }

  /** The gate: FAIL when there is any finding, else PASS; risk 90 for HIGH. */
  public static final class Gate extends GateGrpc.GateImplBase implements EmbeddedService {
    @Override
    public String name() {
      return "gate";
    }

    @Override
    public int startOrder() {
      return 20;
    }

    @Override
    public List<BindableService> create(EmbeddedContext context) {
      return List.of(this);
    }

    @Override
    public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> response) {
      var out = EvaluateResponse.newBuilder();
      request.getFindingsList().forEach(f -> out.addFindings(EvaluatedFinding.newBuilder().setFinding(f)
          .setRiskScore(f.getSeverityValue() * 18).setStatus(FindingStatus.NEW)));
      boolean fail = request.getFindingsCount() > 0;
      var decision = Decision.newBuilder().setVerdict(fail ? Verdict.FAIL : Verdict.PASS)
          .setRiskScore(fail ? 72 : 0);
      if (fail) {
        decision.addReasons(request.getFindingsCount() + " finding(s) at or above HIGH");
      }
      response.onNext(out.setDecision(decision).build());
      response.onCompleted();
    }
  }

  /** Flags every line containing "TODO" in the files it reads from the gateway's content store. */
  public record TodoEngine(String name, boolean flags) implements ScannerEngine {
    @Override
    public ScannerInfo describe() {
      return ScannerInfo.newBuilder().setName(name).setVersion("test").build();
    }

    @Override
    public ScanOutcome scan(ScanWorkspace ws, FindingSink sink) throws Exception {
      if (!flags) {
        return ScanOutcome.ok(0);
      }
      ws.prefetch(ws.files());
      for (var f : ws.files()) {
        var lines = ws.readText(f).orElse("").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].contains("TODO")) {
            sink.accept(Finding.newBuilder().setRuleId("todo.left-behind").setTitle("TODO left in code")
                .setSeverity(Severity.HIGH).addCwe(546)
                .setLocation(Location.newBuilder().setPath(f.getPath()).setStartLine(i + 1).setEndLine(i + 1)
                    .setSnippet(lines[i].strip()))
                .build());
          }
        }
      }
      return ScanOutcome.ok(ws.files().size());
    }
  }
}
