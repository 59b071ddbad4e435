package dev.bulwark.sca.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.packageurl.PackageURL;
import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.artifacts.GoElf;
import dev.bulwark.artifacts.JarBuilder;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Scope;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SBOMs and built artifacts in the tree are inventories too. */
class SbomAndArtifactsTest {
  private static final Path SBOM = Trees.own().resolve("sbom");

  @Test
  @DisplayName("CycloneDX JSON (CycloneDX Maven plugin): components by purl, scope optional kept")
  void cycloneDxJson() {
    ParseResult r = Trees.parse(new CycloneDxParser(), SBOM, "example-app.cdx.json");

    assertThat(r.problems()).isEmpty();
    assertThat(r.packages()).extracting(InstalledPackage::ecosystem, InstalledPackage::name, InstalledPackage::version,
        InstalledPackage::scope).containsExactly(
            tuple("Maven", "com.fasterxml.jackson.core:jackson-databind", "2.10.0", Scope.OPTIONAL),
            tuple("Maven", "com.fasterxml.jackson.core:jackson-annotations", "2.10.0", Scope.RUNTIME),
            tuple("Maven", "com.fasterxml.jackson.core:jackson-core", "2.10.0", Scope.RUNTIME));
    assertThat(r.packages().get(0).line()).isEqualTo(47);
  }

  @Test
  @DisplayName("CycloneDX XML: nested components read, a component without purl named")
  void cycloneDxXml() {
    ParseResult r = Trees.parse(new CycloneDxParser(), SBOM, "example-app.cdx.xml");

    assertThat(r.packages()).extracting(InstalledPackage::name)
        .containsExactly("com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.core:jackson-core");
    assertThat(r.problems()).containsExactly(
        "example-app.cdx.xml: 1 components without a package URL of a known ecosystem, not checked: vendored-thing 1.0");
  }

  @Test
  @DisplayName("SPDX JSON (sigs.k8s.io/bom): purls from externalRefs, the described package left out, DEPENDS_ON direct")
  void spdxJson() {
    ParseResult r = Trees.parse(new SpdxJsonParser(), SBOM, "hello-server.spdx.json");

    assertThat(r.problems()).isEmpty();
    assertThat(r.packages()).extracting(InstalledPackage::ecosystem, InstalledPackage::name, InstalledPackage::version,
        InstalledPackage::direct).containsExactly(tuple("crates.io", "hyper", "0.14", true),
            tuple("crates.io", "tokio", "1.19.2", true), tuple("crates.io", "pretty_env_logger", "0.4.0", true));
  }

  @Test
  @DisplayName("a real jar in the tree (packageurl-java from the test classpath) and a war nesting one: Maven packages")
  void javaArchivesInTheTree() throws Exception {
    byte[] jar = Files.readAllBytes(Path.of(PackageURL.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    byte[] war = new JarBuilder().file("WEB-INF/lib/packageurl-java-1.5.0.jar", jar)
        .pom("com.example", "shop", "1.4.0").build();

    var r = Inventory.collect(Map.of("lib/packageurl-java-1.5.0.jar", jar, "dist/shop.war", war));

    assertThat(r.problems()).isEmpty();
    assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::manifestPath,
        InstalledPackage::confidence).containsExactlyInAnyOrder(
            tuple("com.github.package-url:packageurl-java", "1.5.0", "lib/packageurl-java-1.5.0.jar", Confidence.CONFIDENCE_HIGH),
            tuple("com.example:shop", "1.4.0", "dist/shop.war", Confidence.CONFIDENCE_HIGH),
            tuple("com.github.package-url:packageurl-java", "1.5.0", "dist/shop.war!WEB-INF/lib/packageurl-java-1.5.0.jar",
                Confidence.CONFIDENCE_HIGH));
  }

  @Test
  @DisplayName("a wheel and a Go executable in the tree: PyPI and Go packages, with the Go standard library")
  void wheelAndGoExecutable() throws Exception {
    var wheel = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(wheel)) {
      zip.putNextEntry(new ZipEntry("requests-2.19.1.dist-info/METADATA"));
      zip.write("Metadata-Version: 2.1\nName: requests\nVersion: 2.19.1\n\nbody".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    byte[] go = GoElf.executable(GoElf.buildInfo("go1.21.5", "path\texample.com/tool\nmod\texample.com/tool\t(devel)\t\n"
        + "dep\tgolang.org/x/net\tv0.17.0\th1:abc=\n"), 4096, 300 * 1024);

    var r = Inventory.collect(Map.of("dist/requests-2.19.1-py2.py3-none-any.whl", wheel.toByteArray(), "bin/tool", go));

    assertThat(r.packages()).extracting(InstalledPackage::ecosystem, InstalledPackage::name, InstalledPackage::version)
        .containsExactlyInAnyOrder(tuple("PyPI", "requests", "2.19.1"), tuple("Go", "golang.org/x/net", "v0.17.0"),
            tuple("Go", "stdlib", "v1.21.5"));
  }
}
