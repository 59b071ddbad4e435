package dev.bulwark.sca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Scope;
import dev.bulwark.v1.ScannerStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncoveredEcosystemTest {
  @Test
  @DisplayName("packages of an ecosystem the store has no data for make the scan DEGRADED, naming it")
  void anEcosystemWithoutAdvisoryDataIsReportedNotSilentlyPassed(@TempDir Path data) throws Exception {
    var packages = List.of(
        new InstalledPackage("Pub", "http", "0.12.0", Scope.RUNTIME, true, "pubspec.lock", 3, "pkg:pub/http@0.12.0"),
        new InstalledPackage("Pub", "path", "1.8.0", Scope.RUNTIME, true, "pubspec.lock", 9, "pkg:pub/path@1.8.0"),
        new InstalledPackage("npm", "lodash", "4.17.15", Scope.RUNTIME, true, "package-lock.json", 5,
            "pkg:npm/lodash@4.17.15"));
    var engine = ScaEngine.create(Optional.of(SharedFixtures.osv()), data,
        ws -> new PackageSource.Packages(packages, List.of(), 2));
    var findings = new ArrayList<Finding>();

    var outcome = engine.scan(null, findings::add);

    assertThat(outcome.status()).isEqualTo(ScannerStatus.DEGRADED);
    assertThat(outcome.message()).contains("no Pub data: 2 package(s) not checked");
    assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.getPackage().getEcosystem()).isEqualTo("npm"));
  }
}
