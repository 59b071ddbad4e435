package dev.bulwark.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.gate.testing.Http;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.Verdict;
import io.grpc.BindableService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the gate in the embedded cluster")
class GateEmbeddedServiceTest {
  @TempDir
  Path home;

  @Test
  @DisplayName("is found by ServiceLoader as 'gate', order 20, keeps its decisions in <home>/gate across restarts")
  void embedded() throws Exception {
    var service = ServiceLoader.load(EmbeddedService.class).stream().map(ServiceLoader.Provider::get)
        .filter(s -> s.name().equals("gate")).findFirst().orElseThrow();
    assertThat(service.startOrder()).isEqualTo(20);

    runOnce(service, "first", Verdict.FAIL, 1);
    assertThat(Files.exists(home.resolve("gate/gate.mv.db"))).isTrue();
    runOnce(service, "second", Verdict.FAIL, 2);
  }

  @Test
  @DisplayName("loads exploit intel from <home>/intel (kev.json, epss.csv) and appends decisions to the gate.auditFile option")
  void intelAndAudit() throws Exception {
    Path intel = Files.createDirectories(home.resolve("intel"));
    for (String f : List.of("kev.json", "epss.csv")) {
      try (var in = getClass().getResourceAsStream("/intel/" + f)) {
        Files.copy(in, intel.resolve(f));
      }
    }
    Path audit = home.resolve("audit/decisions.jsonl");
    var context = new EmbeddedContext(home, Optional.empty(), Map.of(),
        Map.of(GateEmbeddedService.AUDIT_FILE, audit.toString()));
    var server = ManagedGrpcServer.onLoopback("gate", 0,
        new GateEmbeddedService().create(context).toArray(BindableService[]::new));
    server.start();
    var channel = Channels.forTarget(server.target());
    try {
      var stub = GateGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      var r = stub.evaluate(Findings.request("s1", "embedded", List.of(Findings.LOG4SHELL), ""));
      assertThat(r.getFindings(0).getFactorsList()).anyMatch(f -> f.getName().equals("kev")
          && f.getValue().contains("CVE-2021-44228") && f.getEffect() == 1.5);
      assertThat(r.getFindings(0).getFactorsList()).anyMatch(f -> f.getName().equals("epss") && f.getEffect() > 1.9);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
      for (var c : context.closeables()) {
        c.close();
      }
    }
    assertThat(Files.readAllLines(audit)).singleElement().asString().contains("\"scan_id\":\"s1\"");
  }

  @Test
  @DisplayName("with the gate.dashboard option, serves the dashboard over the same database and advertises its URL")
  void dashboard() throws Exception {
    var context = new EmbeddedContext(home, Optional.empty(), Map.of(),
        Map.of(GateEmbeddedService.DASHBOARD, "127.0.0.1:0"));
    var server = ManagedGrpcServer.onLoopback("gate", 0,
        new GateEmbeddedService().create(context).toArray(BindableService[]::new));
    server.start();
    var channel = Channels.forTarget(server.target());
    try {
      GateGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .evaluate(Findings.request("s1", "embedded", List.of(Findings.LOG4SHELL), ""));
      String url = context.links().get("dashboard");
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/dashboard/");
      assertThat(Http.get(url).body()).contains("<table id=\"projects\">");
      assertThat(Http.get(URI.create(url).resolve("../api/dashboard/projects").toString()).body()).contains("\"project\":\"embedded\"")
          .contains("\"verdict\":\"FAIL\"");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
      for (var c : context.closeables()) {
        c.close();
      }
    }
  }

  @Test
  @DisplayName("without the option (a one-off bulwark scan) no dashboard starts")
  void noDashboardByDefault() throws Exception {
    var context = new EmbeddedContext(home, Optional.empty(), Map.of(), Map.of());
    new GateEmbeddedService().create(context);
    try {
      assertThat(context.links()).isEmpty();
    } finally {
      for (var c : context.closeables()) {
        c.close();
      }
    }
  }

  private void runOnce(EmbeddedService service, String scanId, Verdict expected, int decisions) throws Exception {
    var context = new EmbeddedContext(home, Optional.empty(), Map.of(), Map.of());
    List<BindableService> services = service.create(context);
    var server = ManagedGrpcServer.onLoopback("gate", 0, services.toArray(BindableService[]::new));
    server.start();
    var channel = Channels.forTarget(server.target());
    try {
      var stub = GateGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      var r = stub.evaluate(Findings.request(scanId, "embedded", List.of(Findings.LOG4SHELL), ""));
      assertThat(r.getDecision().getVerdict()).isEqualTo(expected);
      assertThat(stub.listDecisions(ListDecisionsRequest.newBuilder().setProject("embedded").build())
          .getDecisionsCount()).isEqualTo(decisions);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
      for (var c : context.closeables()) {
        c.close();
      }
    }
  }
}
