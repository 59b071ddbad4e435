package dev.bulwark.sast.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.testing.Samples;
import dev.bulwark.v1.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRuleSamplesTest {
  private static final SecretsAnalyzer ANALYZER = SecretsAnalyzer.builtIn();

  static Stream<Samples> samples() throws Exception {
    return Samples.load("/secrets/samples.yaml").stream();
  }

  @Test
  @DisplayName("the built-in pack has 40+ rules and every rule has a positive and a negative sample")
  void everyRuleHasSamples() throws Exception {
    var ids = ANALYZER.pack().rules().stream().map(SecretRule::id).toList();
    assertThat(ids).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    assertThat(samples().map(Samples::rule)).containsExactlyInAnyOrderElementsOf(ids);
  }

  @ParameterizedTest(name = "{0} finds its positive sample, redacted")
  @MethodSource("samples")
  void positiveSampleIsFound(Samples s) throws Exception {
    String text = Samples.expand(s.positive(), s.rule());
    List<Finding> found = Samples.run(ANALYZER, s.file(), text);
    assertThat(found).filteredOn(f -> f.getRuleId().equals(s.rule())).singleElement().satisfies(f -> {
      assertThat(f.getCweList()).containsExactly(798);
      assertThat(f.getLocation().getSnippet()).contains(Redactor.MASK);
      assertThat(f.getLocation().getStartLine()).isPositive();
      assertThat(f.getFingerprint()).hasSize(32);
    });
    // The secret itself (the rule's secret group) appears in no finding.
    var rule = ANALYZER.pack().rules().stream().filter(r -> r.id().equals(s.rule())).findFirst().orElseThrow();
    var m = rule.regex().matcher(text);
    assertThat(m.find()).isTrue();
    String secret = m.group(rule.secretGroup());
    assertThat(found).allSatisfy(f -> assertThat(f.getLocation().getSnippet() + f.getTitle() + f.getDescription())
        .doesNotContain(secret));
  }

  @ParameterizedTest(name = "{0} ignores its negative sample")
  @MethodSource("samples")
  void negativeSampleIsIgnored(Samples s) throws Exception {
    String text = Samples.expand(s.negative(), s.rule());
    assertThat(Samples.run(ANALYZER, s.file(), text)).noneMatch(f -> f.getRuleId().equals(s.rule()));
  }
}
