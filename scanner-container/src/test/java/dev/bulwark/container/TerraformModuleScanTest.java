package dev.bulwark.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.Finding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform reads a folder as one module: controls in a sibling file count, other folders' do not. */
class TerraformModuleScanTest {
  @TempDir
  Path tmp;

  @Test
  void encryptionInASiblingFileCountsButLoggingFromAnotherFolderDoesNot() throws Exception {
    var engine = new ContainerEngine(new ContainerEngine.Settings(EngineMode.NATIVE, Optional.empty(),
        Duration.ofMinutes(1), tmp.resolve("work"), TestResources.CLOCK));
    try (var harness = new ScannerHarness(engine, tmp)) {
      var result = harness.scan(TestResources.path("terraform/module"));
      assertThat(result.findings()).filteredOn(f -> f.getLocation().getPath().equals("infra/s3.tf"))
          .extracting(Finding::getRuleId).contains("AVD-AWS-0089").doesNotContain("AVD-AWS-0088");
    }
  }
}
