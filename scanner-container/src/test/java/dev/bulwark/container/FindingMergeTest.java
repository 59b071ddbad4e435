package dev.bulwark.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Location;
import dev.bulwark.v1.Package;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingMergeTest {
  private static Finding at(String rule, String path, int line, String analyzer) {
    return Finding.newBuilder().setRuleId(rule).setAnalyzer(analyzer)
        .setLocation(Location.newBuilder().setPath(path).setStartLine(line)).build();
  }

  @Test
  void sameRulePathAndLineIsReportedOnceKeepingTheFirst() {
    var merged = ContainerEngine.merge(List.of(at("DS-0002", "Dockerfile", 1, "dockerfile@1"),
        at("DS-0002", "Dockerfile", 1, "trivy@0.74.0"), at("DS-0002", "other/Dockerfile", 1, "trivy@0.74.0")));
    assertThat(merged).extracting(Finding::getAnalyzer).containsExactly("dockerfile@1", "trivy@0.74.0");
  }

  @Test
  void aLinelessDuplicateOfALocatedFindingIsDropped() {
    var merged = ContainerEngine.merge(List.of(at("DS-0002", "Dockerfile", 0, "trivy@0.74.0"),
        at("DS-0002", "Dockerfile", 1, "dockerfile@1"), at("DS-0026", "Dockerfile", 0, "trivy@0.74.0")));
    assertThat(merged).extracting(Finding::getRuleId, Finding::getAnalyzer).containsExactly(
        org.assertj.core.groups.Tuple.tuple("DS-0002", "dockerfile@1"),
        org.assertj.core.groups.Tuple.tuple("DS-0026", "trivy@0.74.0"));
  }

  @Test
  void packageFindingsAreKeptPerPackageAndVersion() {
    var a = Finding.newBuilder().setRuleId("CVE-1").setPackage(Package.newBuilder().setName("openssl").setVersion("1")).build();
    var b = Finding.newBuilder().setRuleId("CVE-1").setPackage(Package.newBuilder().setName("libssl").setVersion("1")).build();
    assertThat(ContainerEngine.merge(List.of(a, b, a))).containsExactly(a, b);
  }

  @Test
  void theNativeAndTrivyFindingsOfOneCveOnOnePackageInOneImageAreOne() {
    var nativeFinding = Finding.newBuilder().setRuleId("ALPINE-v3.10-openssl-CVE-2019-1549")
        .setAdvisory(dev.bulwark.v1.Advisory.newBuilder().setId("ALPINE-v3.10-openssl-CVE-2019-1549")
            .addAliases("CVE-2019-1549"))
        .setLocation(Location.newBuilder().setPath("app.tar"))
        .setPackage(Package.newBuilder().setName("libssl1.1").setVersion("1.1.1c-r0").setManifestPath("app.tar [sha256:1]"))
        .build();
    var trivy = Finding.newBuilder().setRuleId("CVE-2019-1549")
        .setPackage(Package.newBuilder().setName("libssl1.1").setVersion("1.1.1c-r0").setManifestPath("app.tar")).build();
    var otherImage = trivy.toBuilder().setPackage(trivy.getPackage().toBuilder().setManifestPath("other.tar")).build();
    var otherCve = trivy.toBuilder().setRuleId("CVE-2019-1551").build();
    assertThat(ContainerEngine.merge(List.of(nativeFinding, trivy, otherImage, otherCve)))
        .containsExactly(nativeFinding, otherImage, otherCve);
  }
}
