package dev.bulwark.container.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.container.TestResources;
import dev.bulwark.container.check.CheckSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerraformChecksTest {
  private final TerraformAnalyzer analyzer = new TerraformAnalyzer();

  private List<CheckSpec.Hit> run(String file) throws Exception {
    return analyzer.analyze("main.tf", TestResources.text("terraform/" + file));
  }

  @ParameterizedTest(name = "{0} fires at lines {2}")
  @CsvSource({
      "AVD-AWS-0107, AVD-AWS-0107, 7 16",
      "AVD-AWS-0092, AVD-AWS-0092, 7",
      "AVD-AWS-0088, AVD-AWS-0088, 1",
      "AVD-AWS-0089, AVD-AWS-0089, 1",
      "AVD-AWS-0180, AVD-AWS-0180, 4",
      "AVD-AWS-0080, AVD-AWS-0080, 1",
      "AVD-AWS-0057, AVD-AWS-0057, 3 17 27",
      "AVD-AWS-0014, AVD-AWS-0014, 1",
      "AVD-AWS-0016, AVD-AWS-0016, 4",
      "bulwark.terraform.cloudtrail-logging-disabled, cloudtrail-logging-disabled, 5",
  })
  void checkFiresOnItsPositiveInputAtThePreciseLines(String id, String file, String lines) throws Exception {
    var expected = Arrays.stream(lines.split(" ")).map(Integer::valueOf).toList();
    assertThat(run(file + ".pos.tf")).filteredOn(h -> h.check().id().equals(id))
        .extracting(CheckSpec.Hit::line).containsOnlyElementsOf(expected).containsAll(expected);
  }

  @ParameterizedTest(name = "{0} stays quiet")
  @CsvSource({
      "AVD-AWS-0107, AVD-AWS-0107", "AVD-AWS-0092, AVD-AWS-0092", "AVD-AWS-0088, AVD-AWS-0088",
      "AVD-AWS-0089, AVD-AWS-0089", "AVD-AWS-0180, AVD-AWS-0180", "AVD-AWS-0080, AVD-AWS-0080",
      "AVD-AWS-0057, AVD-AWS-0057", "AVD-AWS-0014, AVD-AWS-0014", "AVD-AWS-0016, AVD-AWS-0016",
      "bulwark.terraform.cloudtrail-logging-disabled, cloudtrail-logging-disabled",
  })
  void checkStaysQuietOnItsNegativeInput(String id, String file) throws Exception {
    assertThat(run(file + ".neg.tf")).extracting(h -> h.check().id()).doesNotContain(id);
  }

  @org.junit.jupiter.api.Test
  void ingressMessageNamesTheRuleThePortAndTheSource() throws Exception {
    assertThat(run("AVD-AWS-0107.pos.tf")).filteredOn(h -> h.line() == 7).extracting(CheckSpec.Hit::message)
        .contains("aws_security_group.admin allows SSH (port 22) from 0.0.0.0/0");
  }

  @org.junit.jupiter.api.Test
  void everyCheckIsDocumented() {
    assertThat(analyzer.checks()).extracting(CheckSpec::id).doesNotHaveDuplicates().hasSize(10);
    assertThat(analyzer.checks()).allSatisfy(c -> assertThat(List.of(c.title(), c.description(), c.remediation()))
        .allSatisfy(s -> assertThat(s).isNotBlank()));
  }
}
