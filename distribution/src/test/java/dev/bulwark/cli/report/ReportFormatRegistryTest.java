package dev.bulwark.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.cli.testing.FakeServices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatRegistryTest {
  @TempDir
  Path tmp;

  @Test
  void everyFormatIsFoundByItsNameInAnyCaseWithDashesOrUnderscores() {
    assertThat(ReportFormat.names())
        .containsExactly("table", "json", "sarif", "junit", "gitlab-sast", "gitlab-dependency-scanning", "cyclonedx");
    for (var format : ReportFormat.ALL) {
      assertThat(ReportFormat.valueOf(format.name())).isSameAs(format);
      assertThat(ReportFormat.valueOf(format.name().toUpperCase().replace('-', '_'))).isSameAs(format);
    }
    assertThat(ReportFormat.valueOf(" GITLAB-SAST ")).isSameAs(ReportFormat.GITLAB_SAST);
  }

  @Test
  void anUnknownNameIsAnIllegalArgumentListingTheKnownOnes() {
    assertThatThrownBy(() -> ReportFormat.valueOf("xml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'xml'").hasMessageContaining("gitlab-dependency-scanning");
  }

  /** One real scan through the embedded cluster (fake scanners and gate), written in every new format. */
  @Test
  void bulwarkScanWritesEachNewFormatToItsOutputFile() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("payments/src"));
    Files.writeString(repo.resolve("app.py"), "def pay():\n    # TODO check the amount\n    return 1\n");
    var mapper = new ObjectMapper();
    var gitlab = SchemaValidation.draft7("report/gitlab-security-report-15.subset.schema.json");
    for (String format : new String[] {"junit", "gitlab-sast", "gitlab-dependency-scanning", "cyclonedx"}) {
      Path out = tmp.resolve("report." + format);
      var run = CliRun.run(tmp.resolve("home"), FakeServices.cluster(),
          "scan", tmp.resolve("payments").toString(), "--format", format, "--output", out.toString());

      assertThat(run.exitCode()).as(format + ": " + run.err()).isEqualTo(1); // the fake gate fails on the TODO
      assertThat(run.out()).isEmpty();
      String text = Files.readString(out);
      switch (format) {
        case "junit" -> {
          var doc = JunitXmlRules.parse(text);
          assertThat(JunitXmlRules.problems(doc)).isEmpty();
          assertThat(doc.getDocumentElement().getAttribute("failures")).isNotEqualTo("0");
          assertThat(text).contains("app.py:2");
        }
        case "gitlab-sast" -> {
          assertThat(SchemaValidation.problems(gitlab, mapper.readTree(text))).isEmpty();
          assertThat(mapper.readTree(text).at("/vulnerabilities/0/location/file").asText()).isEqualTo("src/app.py");
        }
        case "gitlab-dependency-scanning" -> {
          assertThat(SchemaValidation.problems(gitlab, mapper.readTree(text))).isEmpty();
          assertThat(mapper.readTree(text).get("vulnerabilities")).isEmpty();
        }
        default -> {
          assertThat(new JsonParser().validate(text, Version.VERSION_16)).isEmpty();
          assertThat(mapper.readTree(text).get("specVersion").asText()).isEqualTo("1.6");
        }
      }
    }
  }
}
