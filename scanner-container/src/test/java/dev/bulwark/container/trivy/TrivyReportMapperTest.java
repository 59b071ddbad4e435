package dev.bulwark.container.trivy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.container.TestResources;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real Trivy v0.74.0 goldens in ../shared/fixtures/trivy, and an older (≤ 0.68) report. */
class TrivyReportMapperTest {

  private static TrivyReportMapper.Mapped golden(String name, String image) throws IOException {
    byte[] json = Files.readAllBytes(SharedFixtures.shared().resolve("fixtures/trivy/" + name + ".json.golden"));
    return TrivyReportMapper.map(json, t -> image.isEmpty() ? t : image + "!/" + t, image);
  }

  @ParameterizedTest
  @CsvSource({"DS002, DS-0002", "AVD-DS-0002, DS-0002", "DS-0002, DS-0002", "KSV001, KSV-0001",
      "AVD-KSV-0118, KSV-0118", "AVD-AWS-0107, AVD-AWS-0107", "AWS-0107, AVD-AWS-0107", "custom-check, custom-check"})
  void checkIdsOfEveryTrivyVersionAreNormalised(String raw, String normalised) {
    assertThat(TrivyReportMapper.normaliseCheckId(raw)).isEqualTo(normalised);
  }

  @Test
  void dockerfileMisconfigurationOfTrivy074() throws Exception {
    var mapped = golden("dockerfile", "");
    assertThat(mapped.trivyVersion()).isEqualTo("dev");
    assertThat(mapped.findings()).singleElement().satisfies(f -> {
      assertThat(f.getRuleId()).isEqualTo("DS-0002");
      assertThat(f.getSeverity()).isEqualTo(Severity.HIGH);
      assertThat(f.getLocation().getPath()).isEqualTo("Dockerfile");
      assertThat(f.getRemediation()).contains("USER");
      assertThat(f.getAnalyzer()).isEqualTo("trivy@dev");
    });
  }

  @Test
  void olderReportsWithAvdIdsMapToTheSameIdsAndSkipPassingChecks() throws Exception {
    var mapped = TrivyReportMapper.map(TestResources.text("trivy/config-report.json").getBytes(StandardCharsets.UTF_8),
        t -> t, "");
    assertThat(mapped.findings()).extracting(Finding::getRuleId).containsExactly("DS-0002", "DS-0014");
    assertThat(mapped.findings().get(1).getLocation().getSnippet()).startsWith("RUN curl");
    assertThat(mapped.findings().get(1).getLocation().getStartLine()).isEqualTo(4);
  }

  @Test
  void helmMisconfigurationsCarryCauseMetadataLines() throws Exception {
    var mapped = golden("helm_testchart", "");
    assertThat(mapped.findings()).extracting(Finding::getRuleId)
        .contains("KSV-0001", "KSV-0030", "KSV-0104", "KSV-0110", "KSV-0117", "KSV-0118");
    var ksv1 = mapped.findings().stream().filter(f -> f.getRuleId().equals("KSV-0001")).findFirst().orElseThrow();
    assertThat(ksv1.getLocation().getPath()).isEqualTo("templates/deployment.yaml");
    assertThat(ksv1.getLocation().getStartLine()).isEqualTo(28);
    assertThat(ksv1.getLocation().getEndLine()).isEqualTo(57);
    assertThat(ksv1.getLocation().getSnippet()).isEqualTo("- name: testchart");
  }

  @Test
  void osPackageVulnerabilitiesBecomePackageFindings() throws Exception {
    var mapped = golden("alpine-310", "alpine-310.tar");
    assertThat(mapped.findings()).hasSize(4);
    var f = mapped.findings().stream().filter(x -> x.getRuleId().equals("CVE-2019-1549")).findFirst().orElseThrow();
    assertThat(f.getPackage().getEcosystem()).isEqualTo("Alpine");
    assertThat(f.getPackage().getName()).isEqualTo("libcrypto1.1");
    assertThat(f.getPackage().getVersion()).isEqualTo("1.1.1c-r0");
    assertThat(f.getPackage().getFixedVersionsList()).containsExactly("1.1.1d-r0");
    assertThat(f.getPackage().getPurl()).startsWith("pkg:apk/alpine/libcrypto1.1@1.1.1c-r0");
    assertThat(f.getPackage().getManifestPath()).isEqualTo("alpine-310.tar");
    assertThat(f.getCvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
    assertThat(f.getCvssScore()).isEqualTo(5.3);
    assertThat(f.getCweList()).containsExactly(330);
    assertThat(f.getSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.getAdvisory().getId()).isEqualTo("CVE-2019-1549");
    assertThat(f.getRemediation()).isEqualTo("upgrade libcrypto1.1 to 1.1.1d-r0");
  }

  @ParameterizedTest
  @CsvSource({"debian-buster, Debian", "ubuntu-1804, Ubuntu", "distroless-base, Debian", "alpine-39-high-critical, Alpine"})
  void everyOsGoldenMapsToItsOsvEcosystem(String golden, String ecosystem) throws Exception {
    var mapped = golden(golden, "img.tar");
    assertThat(mapped.findings()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.getPackage().getEcosystem()).isEqualTo(ecosystem));
  }

  @Test
  void languagePackagesInsideImagesPointAtTheirLockfile() throws Exception {
    var mapped = golden("busybox-with-lockfile", "busybox.tar");
    assertThat(mapped.findings()).isNotEmpty().allSatisfy(f -> {
      assertThat(f.getPackage().getEcosystem()).isEqualTo("crates.io");
      assertThat(f.getPackage().getManifestPath()).isEqualTo("busybox.tar!/Cargo.lock");
    });
  }

  @Test
  void npmRepositoryReportMapsToNpm() throws Exception {
    var mapped = golden("npm", "");
    assertThat(mapped.findings()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.getPackage().getEcosystem()).isEqualTo("npm"));
  }

  @Test
  void secretsKeepTheirRedactedMatchAndLine() throws Exception {
    var mapped = golden("secrets", "");
    assertThat(mapped.findings()).filteredOn(f -> f.getRuleId().equals("secret.aws-access-key-id")).singleElement()
        .satisfies(f -> {
          assertThat(f.getLocation().getPath()).isEqualTo("deploy.sh");
          assertThat(f.getLocation().getStartLine()).isEqualTo(3);
          assertThat(f.getLocation().getSnippet()).contains("****").doesNotContainPattern("AKIA[0-9A-Z]{16}");
          assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL);
        });
  }

  @Test
  void garbageAndForeignSchemasAreRejected() {
    assertThatThrownBy(() -> TrivyReportMapper.map("not json at all".getBytes(), t -> t, ""))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> TrivyReportMapper.map("{\"SchemaVersion\": 1}".getBytes(), t -> t, ""))
        .hasMessageContaining("SchemaVersion 1");
    assertThatThrownBy(() -> TrivyReportMapper.map("[1,2]".getBytes(), t -> t, "")).isInstanceOf(IOException.class);
  }
}
