package dev.bulwark.common.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.Advisory;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.FindingStatus;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.Remediation;
import dev.bulwark.v1.Upgrade;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dependency findings grouped per package into one piece of advice")
class RemediationsTest {
  static EvaluatedFinding dep(String name, String version, String advisory, Upgrade upgrade, int risk,
      FindingStatus status) {
    var f = Finding.newBuilder().setScanner("sca").setRuleId(advisory)
        .setAdvisory(Advisory.newBuilder().setId(advisory))
        .setPackage(Package.newBuilder().setEcosystem("Maven").setName(name).setVersion(version)
            .setManifestPath("pom.xml").addFixedVersions("9.9"));
    if (upgrade != null) {
      f.setUpgrade(upgrade);
    }
    return EvaluatedFinding.newBuilder().setFinding(f).setRiskScore(risk).setStatus(status).build();
  }

  static Upgrade to(String version, boolean fixesThis) {
    return Upgrade.newBuilder().setVersion(version).setFixesThis(fixesThis).build();
  }

  static final String JACKSON = "com.fasterxml.jackson.core:jackson-databind";

  @Test
  void eachPackageGetsOneAdviceNamingWhatTheUpgradeFixesAndWhatRemains() {
    var sameMajor = Upgrade.newBuilder().setVersion("3.0.1").setMajor(true).setFixesThis(true)
        .setSameMajorVersion("2.9.10.8").setSameMajorFixesThis(true).build();
    var list = List.of(
        dep(JACKSON, "2.9.8", "GHSA-b", sameMajor, 70, FindingStatus.NEW),
        dep(JACKSON, "2.9.8", "GHSA-a", sameMajor.toBuilder().setSameMajorFixesThis(false).build(), 40,
            FindingStatus.EXISTING),
        dep("junit:junit", "4.12", "GHSA-j", to("4.13.1", true), 20, FindingStatus.NEW),
        dep("log4j:log4j", "1.2.17", "GHSA-n", null, 90, FindingStatus.NEW));

    var advice = Remediations.of(list);

    assertThat(advice).extracting(r -> r.getPackage().getName())
        .containsExactly("log4j:log4j", JACKSON, "junit:junit");
    Remediation jackson = advice.get(1);
    assertThat(jackson.getUpgradeTo()).isEqualTo("3.0.1");
    assertThat(jackson.getMajor()).isTrue();
    assertThat(jackson.getFixesList()).containsExactly("GHSA-a", "GHSA-b");
    assertThat(jackson.getRemainingList()).isEmpty();
    assertThat(jackson.getSameMajorVersion()).isEqualTo("2.9.10.8");
    assertThat(jackson.getSameMajorFixesList()).containsExactly("GHSA-b");
    assertThat(jackson.getRiskScore()).isEqualTo(70);
    assertThat(jackson.getPackage().getFixedVersionsList()).isEmpty();
    Remediation noFix = advice.get(0);
    assertThat(noFix.getUpgradeTo()).isEmpty();
    assertThat(noFix.getRemainingList()).containsExactly("GHSA-n");
  }

  @Test
  void aPackageWhoseFindingsAreAllSuppressedNeedsNoAdviceAndSuppressedOnesDoNotSetTheRisk() {
    var list = List.of(
        dep("a:a", "1", "GHSA-1", to("2", true), 80, FindingStatus.SUPPRESSED),
        dep("b:b", "1", "GHSA-2", to("2", true), 80, FindingStatus.SUPPRESSED),
        dep("b:b", "1", "GHSA-3", to("2", false), 30, FindingStatus.NEW));

    var advice = Remediations.of(list);

    assertThat(advice).singleElement().satisfies(r -> {
      assertThat(r.getPackage().getName()).isEqualTo("b:b");
      assertThat(r.getRiskScore()).isEqualTo(30);
      assertThat(r.getFixesList()).containsExactly("GHSA-2");
      assertThat(r.getRemainingList()).containsExactly("GHSA-3");
    });
  }
}
