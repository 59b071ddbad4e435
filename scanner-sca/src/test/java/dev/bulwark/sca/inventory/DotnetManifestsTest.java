package dev.bulwark.sca.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Scope;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** .csproj with central versions from Directory.Packages.props, and packages.config. */
class DotnetManifestsTest {
  private static final Path DOTNET = Trees.own().resolve("dotnet");

  @Test
  @DisplayName("eShop's Catalog.API: versions from Directory.Packages.props with $(Property), PrivateAssets=all is DEV")
  void centralPackageManagement() {
    ParseResult r = Trees.parse(new NugetProjectParser(), DOTNET.resolve("eshop"), "src/Catalog.API/Catalog.API.csproj");

    assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope,
        InstalledPackage::line, InstalledPackage::confidence).containsExactly(
            tuple("Aspire.Npgsql.EntityFrameworkCore.PostgreSQL", "9.0.0", Scope.RUNTIME, 15, Confidence.CONFIDENCE_MEDIUM),
            tuple("Microsoft.EntityFrameworkCore.Tools", "9.0.1", Scope.DEV, 16, Confidence.CONFIDENCE_MEDIUM),
            tuple("Pgvector", "0.3.0", Scope.RUNTIME, 25, Confidence.CONFIDENCE_MEDIUM),
            tuple("Pgvector.EntityFrameworkCore", "0.2.1", Scope.RUNTIME, 26, Confidence.CONFIDENCE_MEDIUM));
    assertThat(r.problems()).singleElement().asString().contains("no lockfile (packages.lock.json)",
        "4 exactly pinned", "1 not pinned, not checked: Azure.AI.OpenAI (no version, none in Directory.Packages.props)");
  }

  @Test
  @DisplayName("packages.config: every package at its exact version, developmentDependency is DEV, no lockfile missing")
  void packagesConfig() {
    ParseResult r = Trees.parse(new PackagesConfigParser(), DOTNET, "nuget-server/packages.config");

    assertThat(r.problems()).isEmpty();
    assertThat(r.packages()).hasSize(9).allSatisfy(p -> assertThat(p.confidence()).isEqualTo(Confidence.CONFIDENCE_HIGH));
    assertThat(r.packages()).extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::scope)
        .contains(tuple("Newtonsoft.Json", "8.0.3", Scope.RUNTIME), tuple("Microsoft.Net.Compilers", "1.0.0", Scope.DEV),
            tuple("Microsoft.Web.Infrastructure", "1.0.0.0", Scope.RUNTIME));
  }

  @Test
  @DisplayName("a packages.lock.json beside the project wins over its PackageReferences")
  void lockfileWins() {
    var files = Trees.read(DOTNET.resolve("eshop"));
    files.put("src/Catalog.API/packages.lock.json", "{\"version\": 1, \"dependencies\": {}}".getBytes());
    assertThat(Inventory.collect(files).problems()).isEmpty();
  }
}
