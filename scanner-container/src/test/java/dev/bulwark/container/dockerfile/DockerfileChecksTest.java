package dev.bulwark.container.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.container.TestResources;
import dev.bulwark.container.check.CheckSpec;
import dev.bulwark.container.eol.EndOfLifeTable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerfileChecksTest {
  private final DockerfileAnalyzer analyzer = new DockerfileAnalyzer(EndOfLifeTable.bundled(TestResources.CLOCK));

  private List<CheckSpec.Hit> run(String file) throws Exception {
    return analyzer.analyze("Dockerfile", TestResources.text("dockerfile/" + file));
  }

  @ParameterizedTest(name = "{0} fires on {1} at line {2}")
  @CsvSource({
      "DS-0001, DS-0001, 1",
      "DS-0001, DS-0001-latest, 2",
      "DS-0002, DS-0002, 1",
      "DS-0002, DS-0002-explicit, 4",
      "DS-0002, DS-0002-inherited, 3",
      "DS-0004, DS-0004, 3",
      "DS-0006, DS-0006, 3",
      "DS-0007, DS-0007, 4",
      "DS-0009, DS-0009, 3",
      "DS-0016, DS-0016, 4",
      "DS-0022, DS-0022, 2",
      "DS-0023, DS-0023, 4",
      "DS-0030, DS-0030, 3",
      "DS-0005, DS-0005, 3",
      "bulwark.dockerfile.add-remote-url, add-remote-url, 3",
      "bulwark.dockerfile.pipe-to-shell, pipe-to-shell, 3",
      "DS-0010, DS-0010, 3",
      "DS-0013, DS-0013, 3",
      "DS-0014, DS-0014, 4",
      "DS-0015, DS-0015, 3",
      "DS-0019, DS-0019, 3",
      "DS-0020, DS-0020, 3",
      "DS-0027, DS-0027, 3",
      "DS-0017, DS-0017, 3",
      "DS-0021, DS-0021, 3",
      "DS-0025, DS-0025, 3",
      "DS-0026, DS-0026, 1",
      "DS-0029, DS-0029, 3",
      "DS-0031, DS-0031, 3",
      "DS-0031, DS-0031-file, 3",
      "bulwark.dockerfile.base-image-eol, base-image-eol, 1",
      "bulwark.dockerfile.base-image-eol, base-image-eol-codename, 1",
      "bulwark.dockerfile.base-image-not-pinned, base-image-not-pinned, 1",
  })
  void checkFiresOnItsPositiveInputAtThePreciseLine(String id, String file, int line) throws Exception {
    assertThat(run(file + ".pos.Dockerfile")).filteredOn(h -> h.check().id().equals(id))
        .isNotEmpty().allSatisfy(h -> assertThat(h.line()).isEqualTo(line));
  }

  @ParameterizedTest(name = "{0} stays quiet on {1}")
  @CsvSource({
      "DS-0001, DS-0001", "DS-0001, DS-0001-latest", "DS-0002, DS-0002", "DS-0002, DS-0002-explicit", "DS-0002, DS-0002-inherited",
      "DS-0004, DS-0004", "DS-0005, DS-0005", "DS-0006, DS-0006", "DS-0007, DS-0007", "DS-0009, DS-0009",
      "DS-0016, DS-0016", "DS-0022, DS-0022", "DS-0023, DS-0023", "DS-0030, DS-0030", "bulwark.dockerfile.add-remote-url, add-remote-url",
      "bulwark.dockerfile.pipe-to-shell, pipe-to-shell", "DS-0010, DS-0010", "DS-0013, DS-0013", "DS-0014, DS-0014", "DS-0015, DS-0015",
      "DS-0019, DS-0019", "DS-0020, DS-0020", "DS-0027, DS-0027",
      "DS-0017, DS-0017", "DS-0021, DS-0021", "DS-0025, DS-0025", "DS-0026, DS-0026", "DS-0029, DS-0029",
      "DS-0031, DS-0031", "DS-0031, DS-0031-file", "bulwark.dockerfile.base-image-eol, base-image-eol",
      "bulwark.dockerfile.base-image-eol, base-image-eol-codename",
      "bulwark.dockerfile.base-image-not-pinned, base-image-not-pinned",
  })
  void checkStaysQuietOnItsNegativeInput(String id, String file) throws Exception {
    assertThat(run(file + ".neg.Dockerfile")).extracting(h -> h.check().id()).doesNotContain(id);
  }

  @org.junit.jupiter.api.Test
  void secretValueIsRedactedFromTheSnippet() throws Exception {
    var hit = run("DS-0031.pos.Dockerfile").stream().filter(h -> h.check().id().equals("DS-0031")).findFirst().orElseThrow();
    assertThat(hit.snippet()).doesNotContain("s3cr3t").contains("DB_PASSWORD=");
    assertThat(hit.message()).contains("DB_PASSWORD").doesNotContain("s3cr3t");
  }

  @org.junit.jupiter.api.Test
  void pipeToShellAcrossContinuationsSpansItsLines() throws Exception {
    var hit = run("pipe-to-shell.pos.Dockerfile").stream()
        .filter(h -> h.check().id().equals("bulwark.dockerfile.pipe-to-shell")).findFirst().orElseThrow();
    assertThat(hit.endLine()).isEqualTo(5);
    assertThat(run("pipe-to-shell.pos.Dockerfile")).extracting(h -> h.check().id()).contains("DS-0010");
  }

  @org.junit.jupiter.api.Test
  void heredocBodiesAreCheckedAsRunCommands() throws Exception {
    assertThat(run("heredoc.Dockerfile")).extracting(h -> h.check().id())
        .contains("DS-0025", "bulwark.dockerfile.pipe-to-shell").doesNotContain("DS-0002");
  }

  @org.junit.jupiter.api.Test
  void everyCheckHasCompleteDocumentation() {
    assertThat(analyzer.checks()).hasSizeGreaterThanOrEqualTo(28).allSatisfy(c -> {
      assertThat(c.id()).isNotBlank();
      assertThat(c.title()).isNotBlank();
      assertThat(c.description()).isNotBlank();
      assertThat(c.remediation()).isNotBlank();
    });
    assertThat(analyzer.checks()).extracting(CheckSpec::id).doesNotHaveDuplicates();
  }
}
