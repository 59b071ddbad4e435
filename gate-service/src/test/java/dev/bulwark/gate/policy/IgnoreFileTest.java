package dev.bulwark.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gate.assessment.AssessedFinding;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.gate.policy.file.IgnoreFile;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.gate.testing.GateFixture;
import dev.bulwark.v1.AppliedPolicy;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a repository's .bulwarkignore.yaml, through the gate (clock at 2026-06-01)")
class IgnoreFileTest {
  @TempDir
  Path dir;
  GateFixture fx;

  @BeforeEach
  void setUp() {
    fx = new GateFixture(dir);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  /** A test input under src/test/resources/bulwarkignore. */
  static String file(String name) {
    try (var in = IgnoreFileTest.class.getResourceAsStream("/bulwarkignore/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource bulwarkignore/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Gate.Result eval(String scanId, List<Finding> findings, String ignore, String policy) {
    return fx.gate.evaluate(Findings.request(scanId, "shop", findings, policy).toBuilder()
        .setRepoIgnore(ignore).setRepoIgnorePath(IgnoreFile.DEFAULT_PATH).build());
  }

  private static List<String> statuses(Gate.Result r) {
    return r.findings().stream().map(a -> a.finding().getRuleId() + "=" + a.status()).toList();
  }

  @Test
  @DisplayName("entries by rule + path glob, purl, advisory id and fingerprint make their findings SUPPRESSED, still listed")
  void everyCriterion() {
    String ignore = file("every-criterion.yaml")
        .replace("FINGERPRINT-OF-WEAK-RANDOM", Findings.WEAK_RANDOM.getFingerprint());
    var r = eval("s1", List.of(Findings.SQLI, Findings.JACKSON, Findings.MINIMIST, Findings.WEAK_RANDOM,
        Findings.LOG4SHELL), ignore, "");
    assertThat(statuses(r)).containsExactly("java.sqli.tainted-query=SUPPRESSED", "GHSA-288c-cq4h-88gq=SUPPRESSED",
        "GHSA-xvch-5gv4-984h=SUPPRESSED", "java.crypto.weak-random=SUPPRESSED", "GHSA-jfh8-c2jp-5v3q=NEW");
    assertThat(r.findings().get(0).suppressedBy()).hasValueSatisfying(s -> assertThat(s.describe())
        .contains("rule java.sqli.tainted-query, path src/main/java/**").contains(".bulwarkignore.yaml line 4")
        .contains("SEC-101").endsWith("expires 2026-12-31"));
    assertThat(r.decision().getVerdict()).as("log4shell is not suppressed").isEqualTo(Verdict.FAIL);
    assertThat(r.decision().getReasonsList().get(0)).contains("log4j").doesNotContain("jackson");
    assertThat(r.decision().getPoliciesList()).extracting(AppliedPolicy::getLayer).containsExactly("default", "ignore");
  }

  @Test
  @DisplayName("expired, reason-less, too-far-ahead, expiry-less and malformed entries are not applied, each reported")
  void badEntriesReported() {
    var r = eval("s1", List.of(Findings.LOG4SHELL, Findings.JACKSON, Findings.SQLI, Findings.WEAK_RANDOM,
        Findings.DOCKER_ROOT), file("mixed.yaml"), "");
    assertThat(statuses(r)).containsExactly("GHSA-jfh8-c2jp-5v3q=NEW", "GHSA-288c-cq4h-88gq=NEW",
        "java.sqli.tainted-query=NEW", "java.crypto.weak-random=NEW", "DS-0002=SUPPRESSED");
    var ignored = r.decision().getReasonsList().stream().filter(x -> x.startsWith("IGNORED")).toList();
    assertThat(ignored).hasSize(5);
    assertThat(ignored.get(0)).contains(".bulwarkignore.yaml:3:5").contains("expired on 2026-05-31");
    assertThat(ignored.get(1)).contains("reason is required");
    assertThat(ignored.get(2)).contains("expires 2027-12-31 is more than one year ahead");
    assertThat(ignored.get(3)).contains("expires is required");
    assertThat(ignored.get(4)).contains("path must be a single value");
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  @DisplayName("a file that is not YAML, or not of the expected shape, applies nothing and is reported — never an ERROR")
  void brokenFiles() {
    for (String name : List.of("not-yaml.yaml", "wrong-shape.yaml")) {
      var r = eval(name, List.of(Findings.DOCKER_ROOT), file(name), "");
      assertThat(r.findings()).as(name).extracting(AssessedFinding::status).doesNotContain(FindingStatus.SUPPRESSED);
      assertThat(r.decision().getVerdict()).as(name).isEqualTo(Verdict.FAIL);
      assertThat(r.decision().getReasonsList()).as(name).anySatisfy(x -> assertThat(x)
          .startsWith("IGNORED .bulwarkignore.yaml not applied: .bulwarkignore.yaml:"));
    }
  }

  @Test
  @DisplayName("the policy file's own suppressions keep working beside the ignore file")
  void policySuppressionsStillApply() {
    String policy = "suppressions:\n  - rule: java.sqli.tainted-query\n    reason: reviewed\n    expires: 2026-07-01\n";
    var r = eval("s1", List.of(Findings.SQLI, Findings.DOCKER_ROOT), file("mixed.yaml"), policy);
    assertThat(statuses(r)).containsExactly("java.sqli.tainted-query=SUPPRESSED", "DS-0002=SUPPRESSED");
    assertThat(r.decision().getVerdict()).isEqualTo(Verdict.PASS);
    assertThat(r.findings()).extracting(AssessedFinding::status).containsOnly(FindingStatus.SUPPRESSED);
  }
}
