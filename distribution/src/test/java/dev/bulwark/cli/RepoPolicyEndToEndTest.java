package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.cli.testing.FakeServices;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.gate.GateEmbeddedService;
import dev.bulwark.gateway.GatewayEmbeddedService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree's {@code .bulwark/policy.yaml} and {@code .bulwarkignore.yaml} through the real gateway
 * and the real gate (a sast stand-in flags TODO lines as HIGH), with the project's central policy
 * set by {@code bulwark policy set} on the same gate database.
 */
@DisplayName("bulwark scan: .bulwark/policy.yaml, .bulwarkignore.yaml and the central policy, real gateway and gate")
class RepoPolicyEndToEndTest {
  @TempDir
  Path tmp;
  Path repo;

  @BeforeEach
  void writeRepo() throws Exception {
    repo = Files.createDirectories(tmp.resolve("payments/src"));
    Files.writeString(repo.resolve("app.py"), "def pay():\n    # TODO check the amount\n    return 1\n");
    repo = tmp.resolve("payments");
  }

  static List<EmbeddedService> cluster() {
    return List.of(new FakeServices.Scanner("sast", true), new FakeServices.Scanner("sca", false),
        new FakeServices.Scanner("container", false), new GateEmbeddedService(), new GatewayEmbeddedService());
  }

  JsonNode scan(int expectedExit) throws Exception {
    var run = CliRun.run(tmp.resolve("home"), cluster(), "scan", repo.toString(), "--format", "json",
        "--branch", "main");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(expectedExit);
    return new ObjectMapper().readTree(run.out());
  }

  void ignore(int expiresInDays) throws Exception {
    Files.writeString(repo.resolve(".bulwarkignore.yaml"), "suppressions:\n  - rule: todo.left-behind\n"
        + "    path: src/**\n    reason: \"tracked in PAY-7\"\n    expires: "
        + LocalDate.now(ZoneOffset.UTC).plusDays(expiresInDays) + "\n");
  }

  @Test
  void anIgnoreFileEntrySuppressesTheFindingAndAnExpiredOneIsReportedAndFails() throws Exception {
    ignore(30);
    var json = scan(Main.PASS);
    assertThat(json.get("decision").asText()).isEqualTo("PASS");
    assertThat(json.get("findings").get(0).get("status").asText()).isEqualTo("SUPPRESSED");
    assertThat(json.get("findings").get(0).get("suppression").asText()).contains("tracked in PAY-7");

    ignore(-1);
    json = scan(Main.FAIL);
    assertThat(json.toString()).contains("IGNORED suppression at .bulwarkignore.yaml:2:5 not applied: expired on");
  }

  @Test
  void aCentralPolicyWithoutRepositorySuppressionsOverridesTheIgnoreFileAndTheRepositoryCannotLoosenIt()
      throws Exception {
    var central = Files.writeString(tmp.resolve("central.yaml"),
        "failOn: {severity: HIGH}\nrepo:\n  allow: tighten\n  suppressions: none\n");
    var set = CliRun.run(tmp.resolve("home"), List.of(), "policy", "set", "--project", "payments", central.toString());
    assertThat(set.exitCode()).as(set.err()).isZero();
    ignore(30);
    Files.createDirectories(repo.resolve(".bulwark"));
    Files.writeString(repo.resolve(".bulwark/policy.yaml"), "failOn: {severity: CRITICAL}\n");

    var json = scan(Main.FAIL);
    assertThat(json.get("findings").get(0).get("status").asText()).isNotEqualTo("SUPPRESSED");
    assertThat(json.toString()).contains("WARN policy .bulwark/policy.yaml: failOn ignored")
        .contains("repo.suppressions: none");
  }
}
