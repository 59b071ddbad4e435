package dev.bulwark.container.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.container.ContainerEngine;
import dev.bulwark.container.EngineMode;
import dev.bulwark.container.TestResources;
import dev.bulwark.container.image.ImageAnalyzerTest;
import dev.bulwark.container.image.ImageBuilder;
import dev.bulwark.container.image.ImageLimits;
import dev.bulwark.container.image.ImagePackageMatcher;
import dev.bulwark.container.image.TarBuilder;
import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image packages matched over the wire against a real advisory store: Alpine secdb (legacy, as
 * {@code bulwark db update --source} imports it), OSV's npm export, and hand-written Debian and
 * AlmaLinux records (no Debian or AlmaLinux OSV data is available offline).
 */
class ImageAdvisoryMatchingTest {
  static final Path SHARED = SharedFixtures.shared();
  static final String CVE_2019_1551 = "CVE-2019-1551";

  @TempDir
  static Path storeDir;
  @TempDir
  Path tmp;

  @BeforeAll
  static void fillStore() throws Exception {
    var store = AdvisoryStore.open(storeDir);
    assertThat(store.importFrom(SHARED.resolve("osv-os/alpine-secdb-legacy")).problems()).isEmpty();
    assertThat(store.importFrom(SHARED.resolve("osv/npm.zip")).problems()).isEmpty();
    assertThat(store.importFrom(SHARED.resolve("osv/PyPI.zip")).problems()).isEmpty();
    assertThat(store.importFrom(TestResources.path("advisory/debian-10-openssl-DLA-3325-1.json")).problems()).isEmpty();
    assertThat(store.importFrom(TestResources.path("advisory/almalinux-9-openssl-ALSA-2023-7877.json")).problems()).isEmpty();
  }

  private ScannerHarness.Result scan(ImagePackageMatcher matcher, Path... images) throws Exception {
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.NATIVE, Optional.empty(),
        Duration.ofMinutes(1), tmp.resolve("work"), TestResources.CLOCK), matcher, ImageLimits.defaults());
    try (var harness = new ScannerHarness(engine, Files.createDirectories(tmp.resolve("harness")))) {
      return harness.scan(Files.createDirectories(tmp.resolve("repo")), images);
    }
  }

  static Path alpineImage(Path file, String versionId) throws Exception {
    byte[] layer = new TarBuilder()
        .file("etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=" + versionId
            + "\nPRETTY_NAME=\"Alpine Linux v" + versionId.substring(0, versionId.lastIndexOf('.')) + "\"\n")
        .file("lib/apk/db/installed", TestResources.text("advisory/apk-installed-alpine310"))
        .build();
    return new ImageBuilder().layer(layer).gzipped().oci(file);
  }

  private static List<Finding> packageFindings(ScannerHarness.Result r, String name) {
    return r.findings().stream().filter(f -> f.hasPackage() && f.getPackage().getName().equals(name)).toList();
  }

  private static Set<String> cves(List<Finding> findings) {
    var out = new HashSet<String>();
    findings.forEach(f -> f.getAdvisory().getAliasesList().stream().filter(a -> a.startsWith("CVE-")).forEach(out::add));
    return out;
  }

  @Test
  @DisplayName("Alpine 3.10 libcrypto1.1/libssl1.1 1.1.1c-r0 (origin openssl): the secdb CVEs, fixed in 1.1.1d-r0, plus end of life")
  void alpine310OpensslMatchesThroughTheOriginPackage() throws Exception {
    var result = scan(OsvImageMatcher.overStore(storeDir), alpineImage(tmp.resolve("alpine-310.tar"), "3.10.2"));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    for (String binary : List.of("libcrypto1.1", "libssl1.1")) {
      var findings = packageFindings(result, binary);
      assertThat(cves(findings)).containsExactlyInAnyOrder("CVE-2019-1547", "CVE-2019-1549", "CVE-2019-1563");
      assertThat(findings).allSatisfy(f -> {
        assertThat(f.getRuleId()).startsWith("ALPINE-v3.10-openssl-CVE-2019-15");
        assertThat(f.getAdvisory().getId()).isEqualTo(f.getRuleId());
        assertThat(f.getPackage().getEcosystem()).isEqualTo("Alpine:v3.10");
        assertThat(f.getPackage().getVersion()).isEqualTo("1.1.1c-r0");
        assertThat(f.getPackage().getFixedVersionsList()).first().isEqualTo("1.1.1d-r0");
        assertThat(f.getPackage().getPurl()).isEqualTo("pkg:apk/alpine/" + binary + "@1.1.1c-r0?distro=v3.10");
        assertThat(f.getPackage().getManifestPath()).startsWith("alpine-310.tar [sha256:");
        assertThat(f.getLocation().getPath()).isEqualTo("alpine-310.tar");
        assertThat(f.getLocation().getSnippet()).startsWith("layer sha256:").contains("lib/apk/db/installed");
        assertThat(f.getSeverity()).isEqualTo(Severity.MEDIUM); // secdb states none
        assertThat(f.getRemediation()).isEqualTo("upgrade " + binary + " to 1.1.1d-r0");
      });
    }
    assertThat(packageFindings(result, "musl")).isEmpty(); // 1.1.22-r3 is the fix of CVE-2019-14697
    assertThat(result.findings()).filteredOn(f -> f.getRuleId().equals("bulwark.image.os-eol")).singleElement()
        .satisfies(f -> assertThat(f.getTitle()).contains("Alpine Linux v3.10"));
  }

  @Test
  @DisplayName("against Trivy's alpine-310 golden: the same CVE and fixed version for every golden entry the secdb data has")
  void alpine310AgreesWithTheTrivyGolden() throws Exception {
    var golden = new ObjectMapper().readTree(SHARED.resolve("fixtures/trivy/alpine-310.json.golden").toFile());
    var result = scan(OsvImageMatcher.overStore(storeDir), alpineImage(tmp.resolve("alpine-310.tar"), "3.10.2"));
    int compared = 0;
    for (var res : golden.path("Results")) {
      for (var v : res.path("Vulnerabilities")) {
        String pkg = v.path("PkgName").asText();
        String cve = v.path("VulnerabilityID").asText();
        var ours = packageFindings(result, pkg).stream()
            .filter(f -> f.getAdvisory().getAliasesList().contains(cve)).toList();
        if (cve.equals(CVE_2019_1551)) {
          // Trivy's test DB has it (fixed 1.1.1d-r2); alpine-secdb v3.10 at the copied commit does not list it
          assertThat(ours).isEmpty();
          continue;
        }
        assertThat(ours).as(pkg + " " + cve).singleElement().satisfies(f -> assertThat(
            f.getPackage().getFixedVersionsList()).first().isEqualTo(v.path("FixedVersion").asText()));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(2); // CVE-2019-1549 on libcrypto1.1 and on libssl1.1
    assertThat(AdvisoryStore.open(storeDir).index().recordsFor("Alpine:v3.10", "openssl").stream()
        .flatMap(r -> r.aliases().stream())).doesNotContain(CVE_2019_1551);
  }

  @Test
  @DisplayName("a release the store has no records for falls back to every release's records")
  void unknownReleaseFallsBackToTheBareEcosystem() throws Exception {
    var result = scan(OsvImageMatcher.overStore(storeDir), alpineImage(tmp.resolve("alpine-312.tar"), "3.12.0"));
    assertThat(cves(packageFindings(result, "libcrypto1.1"))).contains("CVE-2019-1547", "CVE-2019-1549");
    assertThat(packageFindings(result, "libcrypto1.1")).allSatisfy(f ->
        assertThat(f.getPackage().getEcosystem()).isEqualTo("Alpine:v3.12"));
  }

  @Test
  @DisplayName("Debian 10 libssl1.1 matches the openssl source package's record, reported as the binary")
  void debianBinaryMatchesItsSourcePackage() throws Exception {
    var result = scan(OsvImageMatcher.overStore(storeDir), ImageAnalyzerTest.debianImage(tmp.resolve("debian10.tar")));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    assertThat(packageFindings(result, "libssl1.1")).singleElement().satisfies(f -> {
      assertThat(f.getRuleId()).isEqualTo("DLA-3325-1");
      assertThat(f.getAdvisory().getAliasesList()).containsExactly("CVE-2023-0286");
      assertThat(f.getPackage().getEcosystem()).isEqualTo("Debian:10");
      assertThat(f.getPackage().getFixedVersionsList()).containsExactly("1.1.1n-0+deb10u4");
      assertThat(f.getPackage().getPurl()).isEqualTo("pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb10u3?distro=debian-10");
      assertThat(f.getSeverity()).isEqualTo(Severity.HIGH);
      assertThat(f.getCvssScore()).isEqualTo(7.4);
    });
    assertThat(result.findings()).filteredOn(Finding::hasPackage).extracting(f -> f.getPackage().getName())
        .containsOnly("libssl1.1");
  }

  @Test
  @DisplayName("lodash 4.17.15 in an image's node_modules gets the same three npm advisories as in a lockfile")
  void npmPackageInsideAnImage() throws Exception {
    byte[] layer = new TarBuilder()
        .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n")
        .file("app/node_modules/lodash/package.json", "{\"name\": \"lodash\", \"version\": \"4.17.15\"}")
        .build();
    var result = scan(OsvImageMatcher.overStore(storeDir), new ImageBuilder().layer(layer).oci(tmp.resolve("node.tar")));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    var lodash = packageFindings(result, "lodash");
    assertThat(lodash).extracting(Finding::getRuleId)
        .containsExactlyInAnyOrder("GHSA-29mw-wpgm-hmr9", "GHSA-35jh-r3h4-6jhm", "GHSA-p6mc-m468-83gw");
    assertThat(lodash).filteredOn(f -> f.getRuleId().equals("GHSA-p6mc-m468-83gw")).singleElement().satisfies(f -> {
      assertThat(f.getPackage().getEcosystem()).isEqualTo("npm");
      assertThat(f.getPackage().getPurl()).isEqualTo("pkg:npm/lodash@4.17.15");
      assertThat(f.getPackage().getFixedVersionsList()).first().isEqualTo("4.17.19");
      assertThat(f.getRemediation()).isEqualTo("upgrade lodash to 4.17.19");
      assertThat(f.getLocation().getSnippet()).contains("app/node_modules/lodash/package.json");
    });
  }

  @Test
  @DisplayName("PyYAML 5.3 in an image's site-packages matches PyPI's pyyaml records (PEP 503 names)")
  void pythonPackageInsideAnImage() throws Exception {
    byte[] layer = new TarBuilder()
        .file("usr/lib/python3/site-packages/PyYAML-5.3.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: PyYAML\nVersion: 5.3\n")
        .build();
    var result = scan(OsvImageMatcher.overStore(storeDir), new ImageBuilder().layer(layer).oci(tmp.resolve("py.tar")));
    var pyyaml = packageFindings(result, "PyYAML");
    assertThat(pyyaml).flatExtracting(f -> {
      var ids = new java.util.ArrayList<>(f.getAdvisory().getAliasesList());
      ids.add(f.getRuleId());
      return ids;
    }).contains("PYSEC-2020-96", "PYSEC-2021-142").doesNotContain("PYSEC-2018-49");
    assertThat(pyyaml).allSatisfy(f -> assertThat(f.getPackage().getPurl()).isEqualTo("pkg:pypi/pyyaml@5.3"));
  }

  @Test
  @DisplayName("a package whose version cannot be compared is a problem (DEGRADED); the others are still matched")
  void uncomparableVersionIsReportedAndTheRestGoesOn() throws Exception {
    byte[] layer = new TarBuilder()
        .file("etc/os-release", "ID=alpine\nVERSION_ID=3.10.2\n")
        .file("lib/apk/db/installed", TestResources.text("advisory/apk-installed-alpine310")
            + "\nP:weird\nV:not-a-version\no:weird\n\n")
        .build();
    var result = scan(OsvImageMatcher.overStore(storeDir), new ImageBuilder().layer(layer).oci(tmp.resolve("w.tar")));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.summary().getMessage()).contains("weird: cannot compare version 'not-a-version'");
    assertThat(cves(packageFindings(result, "libssl1.1"))).contains("CVE-2019-1547");
  }

  @Test
  @DisplayName("no advisory data: packages are inventoried and the scan is DEGRADED, saying so once")
  void emptyStoreDegradesTheScan() throws Exception {
    var result = scan(OsvImageMatcher.overStore(tmp.resolve("empty-store")),
        alpineImage(tmp.resolve("a.tar"), "3.10.2"), ImageAnalyzerTest.debianImage(tmp.resolve("d.tar")));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.summary().getMessage()).isEqualTo(ImagePackageMatcher.MISSING_DATABASE);
    assertThat(result.findings()).noneMatch(Finding::hasPackage)
        .anyMatch(f -> f.getRuleId().equals("bulwark.image.os-eol"));
  }

  @Test
  @DisplayName("an engine without advisories (as ContainerEngine.create builds it) degrades only when an image was scanned")
  void defaultEngineWithoutAdvisories() throws Exception {
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.NATIVE, Optional.empty(),
        Duration.ofMinutes(1), tmp.resolve("work"), TestResources.CLOCK));
    try (var harness = new ScannerHarness(engine, Files.createDirectories(tmp.resolve("h")))) {
      Path repo = Files.createDirectories(tmp.resolve("r"));
      Files.writeString(repo.resolve("Dockerfile"), "FROM alpine:3.20\nUSER app\n");
      assertThat(harness.scan(repo).summary().getMessage()).doesNotContain(ImagePackageMatcher.MISSING_DATABASE);
      assertThat(harness.scan(repo, alpineImage(tmp.resolve("a.tar"), "3.10.2")).summary().getMessage())
          .contains(ImagePackageMatcher.MISSING_DATABASE);
    }
  }

  @Test
  @DisplayName("a store filled or updated after the engine started is picked up at the next image")
  void storeFilledLaterIsPickedUp() throws Exception {
    Path later = tmp.resolve("later");
    var matcher = OsvImageMatcher.overStore(later);
    Path image = alpineImage(tmp.resolve("a.tar"), "3.10.2");
    assertThat(scan(matcher, image).summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    AdvisoryStore.open(later).importFrom(SHARED.resolve("osv-os/alpine-secdb-legacy/v3.10"));
    assertThat(cves(packageFindings(scan(matcher, image), "libssl1.1"))).contains("CVE-2019-1547");
    // a later `db update` of another ecosystem is seen by the same matcher
    Path node = new ImageBuilder().layer(new TarBuilder()
        .file("app/node_modules/lodash/package.json", "{\"name\": \"lodash\", \"version\": \"4.17.15\"}").build())
        .oci(tmp.resolve("node.tar"));
    assertThat(packageFindings(scan(matcher, node), "lodash")).isEmpty();
    Thread.sleep(20); // a distinct catalog modification time
    AdvisoryStore.open(later).importFrom(SHARED.resolve("osv/npm.zip"));
    assertThat(packageFindings(scan(matcher, node), "lodash")).hasSize(3);
  }

  @Test
  @DisplayName("rpm packages (rpmdb.sqlite made by rpm 4.18) match AlmaLinux advisories in rpm's order, epochs included")
  void rpmPackagesMatchInRpmOrder() throws Exception {
    byte[] layer = new TarBuilder().file("etc/os-release", "ID=\"almalinux\"\nVERSION_ID=\"9.3\"\n")
        .file("var/lib/rpm/rpmdb.sqlite", Files.readAllBytes(TestResources.path("rpm/rpmdb.sqlite"))).build();
    var image = new ImageBuilder().layer(layer).oci(tmp.resolve("alma.tar"));
    var result = scan(OsvImageMatcher.overStore(storeDir), image);
    assertThat(result.summary().getStatus()).as(result.summary().getMessage()).isEqualTo(ScannerStatus.OK);
    // openssl-libs 3.0.7-24.el9 (epoch 0) < 1:3.0.7-25.el9_3: affected
    assertThat(packageFindings(result, "openssl-libs")).singleElement().satisfies(f -> {
      assertThat(f.getAdvisory().getId()).isEqualTo("ALSA-2023:7877");
      assertThat(f.getPackage().getFixedVersionsList()).containsExactly("1:3.0.7-25.el9_3");
    });
    // bulwark-hello 2:1.2.3-4.el9: its epoch 2 is above the fix's epoch 1, so it is not affected
    assertThat(packageFindings(result, "bulwark-hello")).isEmpty();
  }
}
