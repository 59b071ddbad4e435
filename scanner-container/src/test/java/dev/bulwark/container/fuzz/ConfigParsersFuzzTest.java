package dev.bulwark.container.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.container.check.ConfigParseException;
import dev.bulwark.container.dockerfile.DockerfileParser;
import dev.bulwark.container.kubernetes.Workloads;
import dev.bulwark.container.kubernetes.YamlDocuments;
import dev.bulwark.container.terraform.HclParser;

/**
 * The configuration parsers a scanned tree's files reach (anyone who can start a scan chooses
 * these bytes): a malformed file may only be refused with {@link ConfigParseException}, never
 * crash, hang or exhaust the scanner. Saved inputs under {@code ConfigParsersFuzzTestInputs/} run
 * as regression tests in every build; {@code ./fuzz} explores for new ones.
 */
class ConfigParsersFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void dockerfile(FuzzedDataProvider data) {
    try {
      DockerfileParser.parse(data.consumeRemainingAsString());
    } catch (ConfigParseException expected) {
      // refused with a message: fine
    }
  }

  @FuzzTest(maxDuration = "60s")
  void hcl(FuzzedDataProvider data) {
    try {
      HclParser.parse(data.consumeRemainingAsString());
    } catch (ConfigParseException expected) {
      // refused with a message: fine
    }
  }

  @FuzzTest(maxDuration = "60s")
  void kubernetesYaml(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    try {
      Workloads.find(YamlDocuments.parse(text), text.lines().toList());
    } catch (ConfigParseException expected) {
      // refused with a message: fine
    }
  }
}
