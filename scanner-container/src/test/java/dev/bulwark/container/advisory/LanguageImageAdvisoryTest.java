package dev.bulwark.container.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.artifacts.GoElf;
import dev.bulwark.artifacts.JarBuilder;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.container.ContainerEngine;
import dev.bulwark.container.EngineMode;
import dev.bulwark.container.TestResources;
import dev.bulwark.container.image.ImageBuilder;
import dev.bulwark.container.image.ImageLimits;
import dev.bulwark.container.image.TarBuilder;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScannerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java archives and Go executables inside an image, matched over the wire against OSV's real Maven
 * and Go exports through the SCA advisory engine.
 */
class LanguageImageAdvisoryTest {
  @TempDir
  static Path storeDir;
  @TempDir
  Path tmp;

  @BeforeAll
  static void fillStore() throws Exception {
    var store = AdvisoryStore.open(storeDir);
    assertThat(store.importFrom(SharedFixtures.osv().resolve("Maven.zip")).problems()).isEmpty();
    assertThat(store.importFrom(SharedFixtures.osv().resolve("Go.zip")).problems()).isEmpty();
  }

  private ScannerHarness.Result scan(Path image) throws Exception {
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.NATIVE, Optional.empty(),
        Duration.ofMinutes(1), tmp.resolve("work"), TestResources.CLOCK), OsvImageMatcher.overStore(storeDir),
        ImageLimits.defaults());
    try (var harness = new ScannerHarness(engine, Files.createDirectories(tmp.resolve("harness")))) {
      return harness.scan(Files.createDirectories(tmp.resolve("repo")), image);
    }
  }

  private static List<Finding> of(ScannerHarness.Result r, String name) {
    return r.findings().stream().filter(f -> f.hasPackage() && f.getPackage().getName().equals(name)).toList();
  }

  @Test
  void log4jInAWarsWebInfLibIsLog4ShellWithItsMavenPurlAndLayer() throws Exception {
    byte[] log4j = new JarBuilder().pom("org.apache.logging.log4j", "log4j-core", "2.14.1").build();
    byte[] war = new JarBuilder().file("WEB-INF/lib/log4j-core-2.14.1.jar", log4j).build();
    byte[] base = new TarBuilder().file("etc/hostname", "app\n").build();
    byte[] app = new TarBuilder().file("srv/shop.war", war).build();
    var result = scan(new ImageBuilder().layer(base).layer(app).gzipped().oci(tmp.resolve("shop.tar")));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    var log4shell = of(result, "org.apache.logging.log4j:log4j-core").stream()
        .filter(f -> f.getAdvisory().getId().equals("GHSA-jfh8-c2jp-5v3q")).toList();
    assertThat(log4shell).singleElement().satisfies(f -> {
      assertThat(f.getAdvisory().getAliasesList()).contains("CVE-2021-44228");
      assertThat(f.getPackage().getEcosystem()).isEqualTo("Maven");
      assertThat(f.getPackage().getPurl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
      assertThat(f.getPackage().getManifestPath()).isEqualTo("shop.tar [" + ImageBuilder.sha256(app) + "]");
      assertThat(f.getLocation().getSnippet()).contains("srv/shop.war!/WEB-INF/lib/log4j-core-2.14.1.jar");
      assertThat(f.getConfidence()).isEqualTo(Confidence.CONFIDENCE_HIGH);
    });
  }

  @Test
  void aManifestGuessMatchesWithLowConfidence() throws Exception {
    byte[] bundle = new JarBuilder(Map.of("Bundle-SymbolicName", "org.yaml.snakeyaml", "Bundle-Version", "1.30")).build();
    var result = scan(new ImageBuilder().layer(new TarBuilder().file("opt/lib/snakeyaml.jar", bundle).build())
        .oci(tmp.resolve("yaml.tar")));
    assertThat(of(result, "org.yaml:snakeyaml")).isNotEmpty()
        .allSatisfy(f -> assertThat(f.getConfidence()).isEqualTo(Confidence.CONFIDENCE_LOW))
        .anySatisfy(f -> assertThat(f.getAdvisory().getAliasesList()).contains("CVE-2022-1471"));
  }

  @Test
  void aGoExecutablesStdlibAndModulesMatchOsvGoAdvisories() throws Exception {
    String modinfo = "path\texample.com/tool\nmod\texample.com/tool\t(devel)\t\n"
        + "dep\tgolang.org/x/net\tv0.17.0\th1:x=\n";
    byte[] elf = GoElf.executable(GoElf.buildInfo("go1.21.5", modinfo), 0x1000, 300 * 1024);
    var result = scan(new ImageBuilder().layer(new TarBuilder().executable("usr/local/bin/tool", elf).build())
        .dockerSave(tmp.resolve("go.tar")));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    assertThat(of(result, "golang.org/x/net")).anySatisfy(f -> {
      assertThat(f.getAdvisory().getId()).isEqualTo("GO-2024-2687");
      assertThat(f.getPackage().getPurl()).isEqualTo("pkg:golang/golang.org/x/net@v0.17.0");
    });
    assertThat(of(result, "stdlib")).isNotEmpty().allSatisfy(f -> {
      assertThat(f.getAdvisory().getId()).startsWith("GO-");
      assertThat(f.getPackage().getVersion()).isEqualTo("v1.21.5");
    });
  }

  @Test
  void debiansUmociIsMatchedThroughTheGoStandardLibraryItWasBuiltWith() throws Exception {
    Path umoci = Path.of("/usr/bin/umoci");
    if (!Files.isRegularFile(umoci)) {
      String why = "/usr/bin/umoci is not installed (run-tests installs it when run as root)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      org.junit.jupiter.api.Assumptions.abort(why);
    }
    var result = scan(new ImageBuilder().layer(new TarBuilder().executable("usr/bin/umoci", Files.readAllBytes(umoci))
        .build()).gzipped().oci(tmp.resolve("umoci.tar")));
    assertThat(result.summary().getStatus()).isEqualTo(ScannerStatus.OK);
    // bookworm's umoci is built with Go 1.19, long superseded: the standard library has advisories
    assertThat(of(result, "stdlib")).isNotEmpty().allSatisfy(f -> {
      assertThat(f.getAdvisory().getId()).startsWith("GO-");
      assertThat(f.getPackage().getPurl()).startsWith("pkg:golang/stdlib@v1.");
      assertThat(f.getLocation().getSnippet()).contains("usr/bin/umoci");
    });
  }
}
