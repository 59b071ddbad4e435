package dev.bulwark.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.artifacts.JarBuilder;
import dev.bulwark.container.image.ImageAnalyzerTest;
import dev.bulwark.container.image.ImageBuilder;
import dev.bulwark.container.image.ImageLimits;
import dev.bulwark.container.image.ImagePackageMatcher;
import dev.bulwark.container.image.TarBuilder;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Package;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images sent over the wire to the engine: inventory, end of life, hostile archives. */
class ContainerEngineImageTest {
  @TempDir
  Path tmp;

  private ScannerHarness.Result scan(ImagePackageMatcher matcher, Path... images) throws Exception {
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.NATIVE, Optional.empty(),
        Duration.ofMinutes(1), tmp.resolve("work"), TestResources.CLOCK), matcher, ImageLimits.defaults());
    Path empty = Files.createDirectories(tmp.resolve("empty-repo"));
    try (var harness = new ScannerHarness(engine, Files.createDirectories(tmp.resolve("harness")))) {
      return harness.scan(empty, images);
    }
  }

  @Test
  void endOfLifeDistributionGivesOneInfoFindingAndPackagesReachTheMatcher() throws Exception {
    var image = ImageAnalyzerTest.debianImage(tmp.resolve("shop-debian10.tar"));
    ImagePackageMatcher matcher = inventory -> ImagePackageMatcher.Matches.of(inventory.packages().stream()
        .filter(p -> p.sourceName().equals("openssl"))
        .map(p -> Finding.newBuilder().setRuleId("DSA-TEST-1").setSeverity(Severity.HIGH)
            .setPackage(Package.newBuilder().setEcosystem(p.osvEcosystem()).setName(p.name()).setVersion(p.version())
                .setManifestPath(inventory.imageName()))
            .build())
        .toList());
    var result = scan(matcher, image);
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    assertThat(result.findings()).filteredOn(f -> f.getRuleId().equals("bulwark.image.os-eol")).singleElement()
        .satisfies(f -> {
          assertThat(f.getSeverity()).isEqualTo(Severity.INFO);
          assertThat(f.getLocation().getPath()).isEqualTo("shop-debian10.tar");
          assertThat(f.getTitle()).contains("Debian GNU/Linux 10 (buster)");
          assertThat(f.getDescription()).contains("reached end of life on 2024-06-30");
        });
    assertThat(result.findings()).filteredOn(f -> f.getRuleId().equals("DSA-TEST-1")).singleElement()
        .satisfies(f -> assertThat(f.getPackage().getEcosystem()).isEqualTo("Debian:10"));
  }

  @Test
  void hostileImageDegradesTheScanWithAClearReasonAndTheOtherImagesAreStillScanned() throws Exception {
    byte[] evil = new TarBuilder().symlink("etc", "../../../../etc").build();
    var hostile = new ImageBuilder().layer(evil).dockerSave(tmp.resolve("evil.tar"));
    var good = ImageAnalyzerTest.debianImage(tmp.resolve("good.tar"));
    Path junk = Files.writeString(tmp.resolve("junk.tar"), "not an image");
    var result = scan(ImagePackageMatcher.NONE, hostile, good, junk);
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.summary().getMessage())
        .contains("image evil.tar: hostile archive refused: layer layer0/layer.tar: symlink 'etc'")
        .contains("image junk.tar: unreadable");
    assertThat(result.findings()).extracting(f -> f.getLocation().getPath()).containsExactly("good.tar");
  }

  @Test
  void supportedDistributionGivesNoFinding() throws Exception {
    byte[] layer = new TarBuilder().file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n").build();
    var result = scan(ImagePackageMatcher.NONE, new ImageBuilder().layer(layer).oci(tmp.resolve("bookworm.tar")));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    assertThat(result.findings()).isEmpty();
    assertThat(List.of(result.summary().getMessage())).containsExactly("");
  }

  @Test
  void anRpmImageWhoseDatabaseFormatIsNotSupportedIsDegradedAndSaysWhich() throws Exception {
    byte[] layer = new TarBuilder().file("etc/os-release", "ID=\"centos\"\nVERSION_ID=\"7\"\n")
        .file("var/lib/rpm/Packages", new byte[4096]).build();
    var image = new ImageBuilder().layer(layer).dockerSave(tmp.resolve("centos7.tar"));
    var result = scan(ImagePackageMatcher.NONE, image);
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(result.summary().getMessage()).contains("image centos7.tar: rpm database format BerkeleyDB not supported");
  }

  @Test
  void everyInventoriedImagePackageGoesToTheScansInventoryWithItsPurlAndLayer() throws Exception {
    byte[] rpmLayer = new TarBuilder().file("etc/os-release", "ID=\"almalinux\"\nVERSION_ID=\"9.3\"\n")
        .file("var/lib/rpm/rpmdb.sqlite", Files.readAllBytes(TestResources.path("rpm/rpmdb.sqlite"))).build();
    byte[] appLayer = new TarBuilder().file("srv/app.jar", new dev.bulwark.artifacts.JarBuilder()
        .pom("org.yaml", "snakeyaml", "1.30").build()).build();
    var image = new ImageBuilder().layer(rpmLayer).layer(appLayer).oci(tmp.resolve("alma.tar"));
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.NATIVE, Optional.empty(),
        Duration.ofMinutes(1), tmp.resolve("work"), TestResources.CLOCK), ImagePackageMatcher.NONE, ImageLimits.defaults());
    var inventory = new java.util.concurrent.CopyOnWriteArrayList<Package>();
    var recording = new dev.bulwark.server.scanner.ScannerEngine() {
      @Override
      public String name() {
        return engine.name();
      }

      @Override
      public dev.bulwark.v1.ScannerInfo describe() {
        return engine.describe();
      }

      @Override
      public dev.bulwark.server.scanner.ScanOutcome scan(dev.bulwark.server.scanner.ScanWorkspace ws,
          dev.bulwark.server.scanner.FindingSink sink) throws Exception {
        return engine.scan(ws, new dev.bulwark.server.scanner.FindingSink() {
          @Override
          public void accept(Finding finding) {
            sink.accept(finding);
          }

          @Override
          public void inventory(Package dependency) {
            inventory.add(dependency);
            sink.inventory(dependency);
          }
        });
      }
    };
    try (var harness = new ScannerHarness(recording, Files.createDirectories(tmp.resolve("harness")))) {
      harness.scan(Files.createDirectories(tmp.resolve("repo")), image);
    }
    assertThat(inventory).extracting(Package::getEcosystem, Package::getName, Package::getPurl, Package::getManifestPath)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("AlmaLinux:9", "bulwark-hello",
                "pkg:rpm/almalinux/bulwark-hello@1.2.3-4.el9?distro=almalinux-9&epoch=2",
                "alma.tar [" + ImageBuilder.sha256(rpmLayer) + "]"),
            org.assertj.core.groups.Tuple.tuple("AlmaLinux:9", "openssl-libs",
                "pkg:rpm/almalinux/openssl-libs@3.0.7-24.el9?distro=almalinux-9",
                "alma.tar [" + ImageBuilder.sha256(rpmLayer) + "]"),
            org.assertj.core.groups.Tuple.tuple("Maven", "org.yaml:snakeyaml", "pkg:maven/org.yaml/snakeyaml@1.30",
                "alma.tar [" + ImageBuilder.sha256(appLayer) + "]"));
  }
}
