package dev.bulwark.common.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.Reporter;
import dev.bulwark.v1.Severity;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Findings of several scanners about the same place and weakness become one")
class FindingMergerTest {
  static Finding finding(String scanner, String analyzer, String rule, String path, int line, Severity severity,
      Integer... cwe) {
    return Finding.newBuilder().setScanner(scanner).setAnalyzer(analyzer).setRuleId(rule).setTitle(rule)
        .setLocation(Location.newBuilder().setPath(path).setStartLine(line).setEndLine(line))
        .setSeverity(severity).setConfidence(Confidence.CONFIDENCE_HIGH).addAllCwe(List.of(cwe))
        .setFingerprint(scanner + ":" + rule + ":" + line).build();
  }

  // the committed AWS key in vulnerable-app's Dockerfile, as the two scanners report it
  static final Finding SECRET = finding("sast", "secrets@3", "secret.aws-secret-access-key", "Dockerfile", 2,
      Severity.CRITICAL, 798);
  static final Finding DS_0031 = finding("container", "dockerfile@1", "DS-0031", "Dockerfile", 2, Severity.CRITICAL)
      .toBuilder().setRemediation("Use secrets mounts instead of ENV").build();

  @Test
  void aSecretFoundByTheSecretsAnalyzerAndTheDockerfileCheckIsOneFindingNamingBoth() {
    var merged = FindingMerger.merge(List.of(DS_0031, SECRET));

    assertThat(merged).hasSize(1);
    Finding f = merged.get(0);
    // equally severe and confident: the one naming its CWE is kept, and the other's advice with it
    assertThat(f.getScanner()).isEqualTo("sast");
    assertThat(f.getRuleId()).isEqualTo("secret.aws-secret-access-key");
    assertThat(f.getReportedByList()).extracting(Reporter::getScanner, Reporter::getRuleId).containsExactly(
        org.assertj.core.groups.Tuple.tuple("sast", "secret.aws-secret-access-key"),
        org.assertj.core.groups.Tuple.tuple("container", "DS-0031"));
    assertThat(f.getCweList()).containsExactly(798);
    assertThat(f.getRemediation()).isEqualTo("Use secrets mounts instead of ENV");
    assertThat(FindingMerger.scanners(f)).containsExactly("sast", "container");
  }

  @Test
  void theMostSevereFindingIsKeptAndItsPositionInTheListToo() {
    var high = SECRET.toBuilder().setSeverity(Severity.HIGH).build();
    var other = finding("sast", "rules@1", "py.eval", "app.py", 3, Severity.HIGH, 95);

    var merged = FindingMerger.merge(List.of(other, high, DS_0031));

    assertThat(merged).extracting(Finding::getRuleId).containsExactly("py.eval", "DS-0031"); // CRITICAL beats HIGH
    assertThat(merged.get(1).getReportedByCount()).isEqualTo(2);
  }

  @Test
  void differentPlacesOrWeaknessesOrTheSameReporterStaySeparate() {
    var otherLine = DS_0031.toBuilder().setLocation(DS_0031.getLocation().toBuilder().setStartLine(3).setEndLine(3))
        .build();
    var otherFile = SECRET.toBuilder().setLocation(SECRET.getLocation().toBuilder().setPath("Dockerfile.dev")).build();
    var rootUser = finding("container", "dockerfile@1", "DS-0002", "Dockerfile", 2, Severity.HIGH);
    var sameAnalyzer = finding("sast", "secrets@3", "secret.generic-config-password", "Dockerfile", 2,
        Severity.HIGH, 798);

    assertThat(FindingMerger.merge(List.of(SECRET, otherLine))).hasSize(2);
    assertThat(FindingMerger.merge(List.of(otherFile, DS_0031))).hasSize(2);
    assertThat(FindingMerger.merge(List.of(SECRET, rootUser))).hasSize(2);
    assertThat(FindingMerger.merge(List.of(SECRET, sameAnalyzer))).hasSize(2);
  }

  @Test
  void twoSecretsOnOneLineStayTwoWhenAThirdCheckSawASecretThere() {
    var keyId = finding("sast", "secrets@3", "secret.aws-access-key-id", "Dockerfile", 2, Severity.HIGH, 798);

    var merged = FindingMerger.merge(List.of(keyId, SECRET, DS_0031));

    assertThat(merged).hasSize(2);
    assertThat(merged).extracting(Finding::getReportedByCount).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void theSameCheckFromTwoAnalyzersOfOneScannerMergesAndOverlappingRangesCount() {
    var nativeCheck = finding("container", "dockerfile@1", "DS-0002", "Dockerfile", 1, Severity.HIGH);
    var trivy = finding("container", "trivy@0.74.0", "DS-0002", "Dockerfile", 1, Severity.HIGH).toBuilder()
        .setLocation(Location.newBuilder().setPath("Dockerfile").setStartLine(1).setEndLine(9)).build();
    var k8sSecret = finding("sast", "secrets@3", "secret.kubernetes-env-secret", "deploy.yaml", 28, Severity.HIGH, 798)
        .toBuilder().setLocation(Location.newBuilder().setPath("deploy.yaml").setStartLine(28).setEndLine(29)).build();
    var configMap = finding("container", "kubernetes@1", "KSV-0109", "deploy.yaml", 29, Severity.HIGH);

    assertThat(FindingMerger.merge(List.of(nativeCheck, trivy))).hasSize(1);
    assertThat(FindingMerger.merge(List.of(k8sSecret, configMap))).hasSize(1);
  }

  @Test
  void dependencyFindingsAreNeverMergedAndEveryFindingNamesItsReporter() {
    var dep = Finding.newBuilder().setScanner("sca").setAnalyzer("osv-matcher@1").setRuleId("GHSA-1")
        .setLocation(Location.newBuilder().setPath("pom.xml").setStartLine(5))
        .setPackage(Package.newBuilder().setName("a:b").setVersion("1")).build();
    var dep2 = dep.toBuilder().setScanner("container").build();

    var merged = FindingMerger.merge(List.of(dep, dep2));

    assertThat(merged).hasSize(2);
    assertThat(merged).allSatisfy(f -> assertThat(f.getReportedByList()).singleElement()
        .extracting(Reporter::getScanner).isEqualTo(f.getScanner()));
  }

  @Test
  void mergingTwiceChangesNothing() {
    var once = FindingMerger.merge(List.of(SECRET, DS_0031));

    assertThat(FindingMerger.merge(once)).isEqualTo(once);
  }
}
