package dev.bulwark.cli;

import dev.bulwark.dist.EmbeddedServices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.cli.testing.GateRecord;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark policy} and {@code bulwark decisions --branch} against the real embedded gate. */
@DisplayName("bulwark policy set|show|clear and decisions --branch against the real embedded gate")
class PolicyCommandTest {
  @TempDir
  Path home;

  CliRun run(String... args) {
    return CliRun.run(home, List.of(), args);
  }

  static Path resource(String name) {
    try {
      return Path.of(PolicyCommandTest.class.getResource("/policy/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Verdict evaluate(String scanId, String branch, String repoPolicy) {
    var env = new CliEnvironment(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
        false, Map.of("BULWARK_HOME", home.toString()), new EmbeddedServices());
    return GateRecord.evaluate(home, EvaluateRequest.newBuilder().setScanId(scanId)
          .setContext(ScanContext.newBuilder().setProject("shop").setBranch(branch))
          .addFindings(GateCommandsTest.sqlInjection()).setRepoPolicy(repoPolicy)
          .setRepoPolicyPath(".bulwark/policy.yaml").build()).getDecision().getVerdict();
  }

  @Test
  void aPolicyThatDoesNotCompileIsRefusedWithItsLineAndExit2AndNothingIsStored() {
    var set = run("policy", "set", "--project", "shop", resource("broken.yaml").toString());
    assertThat(set.exitCode()).isEqualTo(Main.ERROR);
    assertThat(set.err()).contains("central policy of shop:6: rule 'broken' does not compile");
    var show = run("policy", "show", "--project", "shop");
    assertThat(show.exitCode()).isEqualTo(Main.ERROR);
    assertThat(show.err()).contains("project 'shop' has no central policy");
  }

  @Test
  void setShowThenTheCentralRuleHoldsAgainstARepositoryThatTriesToDisableItThenClear() throws Exception {
    var set = run("policy", "set", "--project", "shop", "--by", "secteam", resource("central.yaml").toString());
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).startsWith("central policy of shop set: version ").contains("repositories may tighten");

    var show = run("policy", "show", "--project", "shop");
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).isEqualTo(Files.readString(resource("central.yaml")));
    assertThat(show.err()).contains("set by token:"); // the credential's identity, not --by

    String disabling = "rules:\n  - name: no-high-code\n    expr: \"false\"\n    action: warn\n";
    assertThat(evaluate("scan-1", "main", disabling)).isEqualTo(Verdict.FAIL);
    var json = run("decisions", "--project", "shop", "--format", "json");
    var d = new ObjectMapper().readTree(json.out()).get(0);
    assertThat(d.get("reasons").toString()).contains("DENY no-high-code")
        .contains("WARN policy .bulwark/policy.yaml: rule 'no-high-code' ignored");
    assertThat(d.get("policies").findValuesAsText("layer")).containsExactly("default", "central", "repo");

    var clear = run("policy", "clear", "--project", "shop");
    assertThat(clear.exitCode()).as(clear.err()).isZero();
    assertThat(run("policy", "show", "--project", "shop").exitCode()).isEqualTo(Main.ERROR);
    assertThat(evaluate("scan-2", "main", disabling)).as("the repository decides alone again").isEqualTo(Verdict.PASS);
  }

  @Test
  void anEmptyOrMissingFileIsAUserError() throws Exception {
    var empty = Files.writeString(home.resolve("empty.yaml"), "\n");
    assertThat(run("policy", "set", "--project", "shop", empty.toString()).err()).contains("is empty")
        .contains("bulwark policy clear");
    var missing = run("policy", "set", "--project", "shop", home.resolve("nope.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(Main.ERROR);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void decisionsFiltersByBranchAndLimits() {
    for (int i = 1; i <= 3; i++) {
      evaluate("main-" + i, "main", "");
      evaluate("pr-" + i, "feature/x", "");
    }
    var main = run("decisions", "--project", "shop", "--branch", "main", "--limit", "2");
    assertThat(main.exitCode()).as(main.err()).isZero();
    assertThat(main.out().lines().skip(1).map(l -> l.split("\\s+")[0]).toList()).containsExactly("main-3", "main-2");
    var pr = run("decisions", "--branch", "feature/x");
    assertThat(pr.out().lines().skip(1).map(l -> l.split("\\s+")[0]).toList()).containsExactly("pr-3", "pr-2", "pr-1");
    var none = run("decisions", "--branch", "release/9");
    assertThat(none.exitCode()).isZero();
    assertThat(none.err()).contains("no decisions recorded on branch release/9");
  }
}
