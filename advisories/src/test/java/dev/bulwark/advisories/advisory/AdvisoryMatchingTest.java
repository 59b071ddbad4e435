package dev.bulwark.advisories.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdvisoryMatchingTest {
  @TempDir
  static Path dataDir;
  static AdvisoryIndex index;

  @BeforeAll
  static void load() throws Exception {
    var store = AdvisoryStore.open(dataDir);
    store.importFrom(TestData.resource("osv"));
    index = store.index();
  }

  private static List<String> affecting(String eco, String name, String version) {
    return index.affecting(eco, name, version).stream().map(m -> m.record().id()).toList();
  }

  @ParameterizedTest(name = "{0} {1}@{2} affected: {3}")
  @DisplayName("ranges follow the OSV evaluation rules")
  @CsvSource({
      "npm, demo, 0.0.1, true",          // introduced 0
      "npm, demo, 1.4.1, true",
      "npm, demo, 1.4.2, false",         // fixed is exclusive
      "npm, demo, 1.9.9, false",
      "npm, demo, 2.0.0, true",          // second introduced, events given out of order
      "npm, demo, 2.3.0, false",
      "npm, demo, 3.1.5, true",          // last_affected is inclusive
      "npm, demo, 3.1.6, false",
      "npm, listed, 1.0.1, true",        // versions list
      "npm, listed, 1.0.2, false",
      "npm, limited, 4.9.9, true",
      "npm, limited, 5.0.0, false",      // limit bounds the range
      "PyPI, some.package, 1.2, true",   // PEP 503 name normalisation
      "PyPI, SOME-package, 1.7, false",
      "NuGet, newtonsoft.json, 12.0.3, true", // NuGet names are case-insensitive
      "NuGet, Newtonsoft.Json, 13.0.1, false",
      "Go, stdlib, v1.21.3, true",
      "Go, stdlib, 1.20.12, false",
      "Go, stdlib, 1.21.0-rc.2, true",
      "Debian:11, openssl, 1.1.1n-0+deb11u4, true",
      "Debian:11, openssl, 1.1.1n-0+deb11u5, false",
      "Debian:12, openssl, 1.1.1n-0+deb11u4, true",  // only Debian 12's range applies: fixed 3.0.11-1~deb12u1
      "Debian:12, openssl, 3.0.11-1~deb12u1, false",
      "Debian:12, openssl, 3.0.11-1, false",
      "Debian:13, openssl, 1.0.0-1, false",          // no advisory for that release
      "Debian, openssl, 3.0.10-1, true"})
  void rangesAreEvaluated(String eco, String name, String version, boolean affected) {
    assertThat(!affecting(eco, name, version).isEmpty()).isEqualTo(affected);
  }

  @Test
  @DisplayName("a GIT range is skipped without skipping the record's other ranges")
  void gitRangeIsSkippedOnly() {
    var match = index.evaluate("npm", "demo", "1.0.0").get(0);
    var ranges = match.verdicts().get(0).ranges();
    assertThat(ranges.get(0).evaluated()).isFalse();
    assertThat(ranges.get(0).note()).contains("GIT");
    assertThat(ranges.get(1).affected()).isTrue();
    assertThat(match.affected()).isTrue();
  }

  @Test
  @DisplayName("withdrawn records are dropped and other ecosystems' entries ignored")
  void withdrawnAndForeignAreIgnored() {
    assertThat(index.recordsFor("npm", "demo")).extracting(OsvRecord::id).containsExactly("TEST-RANGES");
    assertThat(index.evaluate("Go", "stdlib", "1.21.3").get(0).verdicts()).hasSize(1);
  }

  @Test
  @DisplayName("records that alias each other become one vulnerability listing every id")
  void aliasedRecordsMerge() {
    var vulns = Vulnerability.merge(index.affecting("PyPI", "some_package", "1.2"), index, "PyPI", "some_package", "1.2");
    assertThat(vulns).hasSize(1);
    Vulnerability v = vulns.get(0);
    assertThat(v.id()).isEqualTo("GHSA-test-aaaa-bbbb");
    assertThat(v.aliases()).containsExactly("CVE-2099-0002", "PYSEC-TEST-1");
    // 1.5 fixes the PYSEC record but the GHSA one still affects it
    assertThat(v.fixedVersions()).containsExactly("1.6");
    assertThat(v.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  @DisplayName("severity comes from the CVSS v3 vector before database_specific, with CWE ids")
  void severityFromCvss() {
    var v = Vulnerability.merge(index.affecting("npm", "demo", "1.0.0"), index, "npm", "demo", "1.0.0").get(0);
    assertThat(v.cvssScore()).isEqualTo(9.1);
    assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(v.cwes()).containsExactly(79);
    assertThat(v.fixedVersions()).containsExactly("1.4.2", "2.3.0");
  }

  @Test
  @DisplayName("a CVSS v4 vector is scored through its v3.1 approximation")
  void cvssV4IsApproximated() {
    var v = Vulnerability.merge(index.affecting("NuGet", "Newtonsoft.Json", "12.0.3"), index, "NuGet",
        "Newtonsoft.Json", "12.0.3").get(0);
    assertThat(v.cvssScore()).isEqualTo(9.8);
    assertThat(v.fixedVersions()).containsExactly("13.0.1");
  }

  @ParameterizedTest(name = "{0} scores {1}")
  @DisplayName("CVSS v3 base scores match the specification's examples")
  @CsvSource({
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
      "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H, 9.0",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1",
      "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N, 5.5",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H, 7.5",
      "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 1.6",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0"})
  void cvssV3Scores(String vector, double score) {
    assertThat(Cvss.baseScore(vector)).contains(score);
  }

  @ParameterizedTest(name = "{0} approximates to {1}")
  @DisplayName("CVSS v4 vectors map to the nearest v3.1 metrics, subsequent-system impact included")
  @CsvSource({
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.8",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:L/SA:N, 5.8",
      "CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:P/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N, 4.4"})
  void cvssV4Approximations(String vector, double score) {
    assertThat(Cvss.baseScore(vector)).contains(score);
  }

  @Test
  @DisplayName("a CVSS v2 vector is scored too; a vector that is not CVSS gives no score")
  void v2AndBadVectors() {
    assertThat(Cvss.baseScore("AV:N/AC:L/Au:N/C:P/I:P/A:P")).contains(7.5);
    assertThat(Cvss.baseScore("CVSS:3.1/AV:X")).isEmpty();
    assertThat(Cvss.baseScore("not a vector")).isEmpty();
    assertThat(Cvss.baseScore("")).isEmpty();
  }
}
