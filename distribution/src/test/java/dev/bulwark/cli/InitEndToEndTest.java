package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.cli.testing.FakeServices;
import dev.bulwark.gate.GateEmbeddedService;
import dev.bulwark.gateway.GatewayEmbeddedService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("bulwark init sets a repository up, and the real gate applies the starter policy it wrote")
class InitEndToEndTest {
  @TempDir
  Path tmp;

  @Test
  void initWritesThePolicyThePipelineAndTheHookAndTheGateDecidesByThatPolicy() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("payments/.github"));
    repo = tmp.resolve("payments");
    Files.writeString(repo.resolve("app.py"), "def pay():\n    # TODO check the amount\n    return 1\n");

    var init = CliRun.run(tmp.resolve("home"), List.of(), "init", "--path", repo.toString(),
        "--gateway", "bulwark.internal:7070");

    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out()).contains("wrote    .bulwark/policy.yaml", "wrote    .github/workflows/bulwark.yml",
        "wrote    .pre-commit-hooks.yaml", "next: in your CI settings, set BULWARK_GATEWAY");
    assertThat(Files.readString(repo.resolve(".github/workflows/bulwark.yml")))
        .contains("${{ vars.BULWARK_GATEWAY || 'bulwark.internal:7070' }}").contains("bulwark-cli/bin");

    var again = CliRun.run(tmp.resolve("home"), List.of(), "init", "--path", repo.toString());
    assertThat(again.out()).contains("kept     .bulwark/policy.yaml (it exists; --force replaces it)");

    var scan = CliRun.run(tmp.resolve("home"), List.of(new FakeServices.Scanner("sast", true),
            new FakeServices.Scanner("sca", false), new FakeServices.Scanner("container", false),
            new GateEmbeddedService(), new GatewayEmbeddedService()),
        "scan", repo.toString(), "--format", "json");

    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(1);
    var json = new ObjectMapper().readTree(scan.out());
    assertThat(json.get("reasons").toString()).contains("DENY high-or-critical-in-runtime: HIGH or CRITICAL")
        .doesNotContain("ERROR");
  }

  @Test
  void anUnknownCiSystemIsAUsageError() {
    var run = CliRun.run(tmp.resolve("home"), List.of(), "init", "--path", tmp.toString(), "--ci", "travis");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("bulwark: unknown --ci 'travis': use github, gitlab, jenkins or none");
  }
}
