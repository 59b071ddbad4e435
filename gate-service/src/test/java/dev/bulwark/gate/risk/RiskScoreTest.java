package dev.bulwark.gate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.gate.testing.Findings;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RiskScoreTest {
  private static Finding withScope(Finding f, Scope s) {
    return f.toBuilder().setPackage(f.getPackage().toBuilder().setScope(s)).build();
  }

  @Test
  @DisplayName("junit 4.12 in TEST scope ranks below every runtime finding of the vulnerable app")
  void testScopeRanksBelowRuntime() {
    int junit = RiskScore.of(Findings.JUNIT).score();
    for (Finding f : Findings.vulnerableApp()) {
      boolean runtime = !f.hasPackage() || f.getPackage().getScope() == Scope.RUNTIME;
      if (runtime && f.getSeverity().getNumber() >= Severity.MEDIUM_VALUE) {
        assertThat(RiskScore.of(f).score()).as(f.getRuleId()).isGreaterThan(junit);
      }
    }
  }

  @Test
  @DisplayName("the same advisory scores RUNTIME > OPTIONAL = PROVIDED > DEV > TEST")
  void scopeOrdersScores() {
    int runtime = RiskScore.of(withScope(Findings.JACKSON, Scope.RUNTIME)).score();
    int optional = RiskScore.of(withScope(Findings.JACKSON, Scope.OPTIONAL)).score();
    int provided = RiskScore.of(withScope(Findings.JACKSON, Scope.PROVIDED)).score();
    int dev = RiskScore.of(withScope(Findings.JACKSON, Scope.DEV)).score();
    int test = RiskScore.of(withScope(Findings.JACKSON, Scope.TEST)).score();
    assertThat(runtime).isGreaterThan(optional);
    assertThat(optional).isEqualTo(provided).isGreaterThan(dev);
    assertThat(dev).isGreaterThan(test);
  }

  @Test
  @DisplayName("CVSS, when present, sets the base; otherwise severity does")
  void cvssOrSeverityBase() {
    var log4shell = RiskScore.of(Findings.LOG4SHELL);
    assertThat(log4shell.score()).isEqualTo(100);
    assertThat(log4shell.factors().get(0)).isEqualTo(new RiskScore.Factor("cvss", "10.0", 100.0));
    var noCvss = RiskScore.of(Findings.LOG4SHELL.toBuilder().setCvssScore(0).build());
    assertThat(noCvss.factors().get(0)).isEqualTo(new RiskScore.Factor("severity", "CRITICAL", 95.0));
    assertThat(noCvss.score()).isEqualTo(95);
  }

  @Test
  @DisplayName("transitive, no known fix and low confidence each lower the score")
  void multipliersLower() {
    var base = Findings.JACKSON;
    int score = RiskScore.of(base).score();
    var transitive = base.toBuilder().setPackage(base.getPackage().toBuilder().setDirect(false)).build();
    var noFix = base.toBuilder().setPackage(base.getPackage().toBuilder().clearFixedVersions()).build();
    var unsure = base.toBuilder().setConfidence(Confidence.CONFIDENCE_LOW).build();
    assertThat(RiskScore.of(transitive).score()).isLessThan(score);
    assertThat(RiskScore.of(noFix).score()).isLessThan(score);
    assertThat(RiskScore.of(unsure).score()).isLessThan(score);
    var unknownDirect = base.toBuilder().setPackage(base.getPackage().toBuilder().setDirect(false).setDirectKnown(false)).build();
    assertThat(RiskScore.of(unknownDirect).score()).as("unknown is not penalised").isEqualTo(score);
  }

  @Test
  @DisplayName("every score lists its eight factors and stays within 0-100")
  void factorsListed() {
    for (Finding f : Findings.vulnerableApp()) {
      var r = RiskScore.of(f);
      assertThat(r.score()).isBetween(0, 100);
      assertThat(r.factors()).extracting(RiskScore.Factor::name)
          .containsExactly(f.getCvssScore() > 0 ? "cvss" : "severity", "scope", "dependency", "fix-available", "confidence",
              "kev", "epss", "exposure");
    }
  }
}
