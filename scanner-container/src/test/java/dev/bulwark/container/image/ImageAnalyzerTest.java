package dev.bulwark.container.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.container.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ImageAnalyzerTest {
  @TempDir
  Path tmp;
  private final ImageAnalyzer analyzer = new ImageAnalyzer(ImageLimits.defaults());

  public static byte[] debianBase() throws Exception {
    return new TarBuilder()
        .dir("etc").dir("usr/lib").dir("var/lib/dpkg").dir("tmp").dir("opt/app")
        .file("usr/lib/os-release", TestResources.text("image/debian-10-os-release"))
        .symlink("etc/os-release", "../usr/lib/os-release")
        .file("etc/debian_version", "10.13\n")
        .file("var/lib/dpkg/status", TestResources.text("image/dpkg-status-base"))
        .file("tmp/junk", "scratch")
        .file("opt/app/old.jar", "old")
        .build();
  }

  public static byte[] debianCurl() throws Exception {
    return new TarBuilder()
        .file("var/lib/dpkg/status", TestResources.text("image/dpkg-status-base") + "\n"
            + TestResources.text("image/dpkg-status-curl"))
        .file("tmp/.wh.junk", "")
        .build();
  }

  public static byte[] appLayer() throws Exception {
    return new TarBuilder().file("opt/app/.wh..wh..opq", "").file("opt/app/new.jar", "new").build();
  }

  public static Path debianImage(Path file) throws Exception {
    return new ImageBuilder().layer(debianBase()).layer(debianCurl()).layer(appLayer()).dockerSave(file);
  }

  @Test
  void dockerSaveDebianImageListsInstalledPackagesWithSourceAndIntroducingLayer() throws Exception {
    byte[] baseLayer = debianBase();
    byte[] curlLayer = debianCurl();
    var image = new ImageBuilder().layer(baseLayer).layer(curlLayer).layer(appLayer()).dockerSave(tmp.resolve("d.tar"));
    var inventory = analyzer.analyze(image, "debian.tar");
    assertThat(inventory.format()).isEqualTo("docker-archive");
    assertThat(inventory.os()).hasValueSatisfying(os -> {
      assertThat(os.id()).isEqualTo("debian");
      assertThat(os.version()).isEqualTo("10");
      assertThat(os.codename()).isEqualTo("buster");
      assertThat(os.source()).isEqualTo("etc/os-release");
    });
    String base = ImageBuilder.sha256(baseLayer);
    String curl = ImageBuilder.sha256(curlLayer);
    assertThat(inventory.layers()).hasSize(3).startsWith(base, curl);
    assertThat(inventory.packages()).extracting(InventoryPackage::name)
        .containsExactlyInAnyOrder("base-files", "libssl1.1", "libgcrypt20", "libcurl4");
    assertThat(inventory.packages()).filteredOn(p -> p.name().equals("libssl1.1")).singleElement().isEqualTo(
        new InventoryPackage("Debian", "10", "libssl1.1", "openssl", "1.1.1n-0+deb10u3", "1.1.1n-0+deb10u3", base,
            "var/lib/dpkg/status"));
    assertThat(inventory.packages()).filteredOn(p -> p.name().equals("libcurl4")).singleElement().satisfies(p -> {
      assertThat(p.sourceName()).isEqualTo("curl");
      assertThat(p.sourceVersion()).isEqualTo("7.64.0-4+deb10u2");
      assertThat(p.layer()).isEqualTo(curl);
      assertThat(p.osvEcosystem()).isEqualTo("Debian:10");
    });
    assertThat(inventory.notes()).isEmpty();
  }

  @Test
  void whiteoutsAndOpaqueDirectoriesHideLowerLayers() throws Exception {
    var fs = new ImageReader(ImageLimits.defaults(), p -> true)
        .read(debianImage(tmp.resolve("debian.tar")), (l, c, f) -> { }).fs();
    assertThat(fs.exists("tmp/junk")).isFalse();
    assertThat(fs.exists("tmp")).isTrue();
    assertThat(fs.exists("opt/app/old.jar")).isFalse();
    assertThat(fs.exists("opt/app/new.jar")).isTrue();
    assertThat(fs.paths()).noneMatch(p -> p.contains(".wh."));
    assertThat(fs.read("etc/os-release")).isPresent(); // through the symlink
  }

  @Test
  void ociLayoutWithGzipLayersAndApkDatabase() throws Exception {
    byte[] layer = new TarBuilder()
        .file("etc/alpine-release", "3.10.2\n")
        .file("lib/apk/db/installed", TestResources.text("image/apk-installed"))
        .build();
    var image = new ImageBuilder().layer(layer).gzipped().oci(tmp.resolve("alpine.tar"));
    var inventory = analyzer.analyze(image, "alpine.tar");
    assertThat(inventory.format()).isEqualTo("oci");
    assertThat(inventory.os()).map(OsInfo::osvRelease).contains("v3.10");
    assertThat(inventory.packages()).extracting(InventoryPackage::name, InventoryPackage::sourceName,
        InventoryPackage::version, InventoryPackage::osvEcosystem).containsExactly(
            org.assertj.core.groups.Tuple.tuple("musl", "musl", "1.1.22-r3", "Alpine:v3.10"),
            org.assertj.core.groups.Tuple.tuple("libcrypto1.1", "openssl", "1.1.1c-r0", "Alpine:v3.10"));
    assertThat(inventory.packages()).allSatisfy(p -> assertThat(p.layer()).isEqualTo(ImageBuilder.sha256(layer)));
  }

  @Test
  void distrolessStatusDirectoryAndLanguagePackages() throws Exception {
    byte[] layer = new TarBuilder()
        .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Distroless\"\n")
        .file("var/lib/dpkg/status.d/libssl3", "Package: libssl3\nVersion: 3.0.11-1~deb12u2\nSource: openssl\n")
        .file("var/lib/dpkg/status.d/libssl3.md5sums", "abc  usr/lib/x86_64-linux-gnu/libssl.so.3\n")
        .file("app/node_modules/lodash/package.json", "{\"name\": \"lodash\", \"version\": \"4.17.15\"}")
        .file("app/node_modules/@babel/core/package.json", "{\"name\": \"@babel/core\", \"version\": \"7.0.0\"}")
        .file("usr/lib/python3/site-packages/PyYAML-5.3.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: PyYAML\nVersion: 5.3\n\nVersion: not this one\n")
        .build();
    var inventory = analyzer.analyze(new ImageBuilder().layer(layer).dockerSave(tmp.resolve("d.tar")), "d.tar");
    assertThat(inventory.packages()).extracting(InventoryPackage::osvEcosystem, InventoryPackage::name,
        InventoryPackage::version).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Debian:12", "libssl3", "3.0.11-1~deb12u2"),
            org.assertj.core.groups.Tuple.tuple("npm", "lodash", "4.17.15"),
            org.assertj.core.groups.Tuple.tuple("npm", "@babel/core", "7.0.0"),
            org.assertj.core.groups.Tuple.tuple("PyPI", "PyYAML", "5.3"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{1} at {0}")
  @org.junit.jupiter.params.provider.CsvSource({
      "var/lib/rpm/Packages, BerkeleyDB", "usr/lib/sysimage/rpm/Packages, BerkeleyDB", "usr/lib/sysimage/rpm/Packages.db, ndb", "var/lib/rpm/Packages.db, ndb"})
  void berkeleyDbAndNdbRpmDatabasesAreReportedByFormatAsUnsupportedNeverAsAnEmptyInventory(String path, String format) throws Exception {
    byte[] layer = new TarBuilder()
        .file("etc/os-release", "ID=rhel\nVERSION_ID=\"9.3\"\n")
        .file(path, "database")
        .build();
    var inventory = analyzer.analyze(new ImageBuilder().layer(layer).dockerSave(tmp.resolve("r.tar")), "r.tar");
    assertThat(inventory.packages()).isEmpty();
    assertThat(inventory.notes()).containsExactly("rpm database format " + format + " not supported (" + path
        + "): the rpm packages of this image are not listed");
  }

  @Test
  void aFileThatIsNotAnImageIsAnIoErrorNotACrash() throws Exception {
    Path junk = Files.writeString(tmp.resolve("junk.tar"), "definitely not a tar archive");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> analyzer.analyze(junk, "junk"))
        .isInstanceOf(java.io.IOException.class);
  }
}
