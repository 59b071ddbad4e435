package dev.bulwark.sast.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the built-in pack against the positive and negative samples written beside it. */
class SecretRuleSamplesTest {
  private static final SecretsAnalyzer ANALYZER = SecretsAnalyzer.builtIn();

  /** One sample of one rule, expanded. */
  record Sample(String rule, String file, String text, boolean positive) {
    @Override
    public String toString() {
      return rule + (positive ? " finds " : " ignores ") + text.replace("\n", "\\n");
    }
  }

  static Stream<Sample> samples() throws Exception {
    var all = new ArrayList<Sample>();
    for (var family : SecretRulePack.builtInFamilies()) {
      for (var r : family.rules()) {
        String file = r.samples().file() == null ? "config.env" : r.samples().file();
        long seed = r.id().hashCode();
        for (String p : r.samples().positive()) {
          all.add(new Sample(r.id(), file, SampleText.expand(p, seed++), true));
        }
        for (String n : r.samples().negative()) {
          all.add(new Sample(r.id(), file, SampleText.expand(n, seed++), false));
        }
      }
    }
    return all.stream();
  }

  static List<Finding> scan(String path, String text) {
    var out = new ArrayList<Finding>();
    ANALYZER.analyze(SourceFile.of(path, text), Project.EMPTY, out::add);
    return out;
  }

  @Test
  @DisplayName("the built-in pack has 200+ rules with unique ids, each with positive and negative samples")
  void everyRuleHasSamples() throws Exception {
    var ids = ANALYZER.pack().rules().stream().map(SecretRule::id).toList();
    assertThat(ids).hasSizeGreaterThanOrEqualTo(200).doesNotHaveDuplicates().allMatch(id -> id.startsWith("secret."));
    for (var family : SecretRulePack.builtInFamilies()) {
      for (var r : family.rules()) {
        assertThat(r.samples()).as(r.id() + " samples").isNotNull();
        assertThat(r.samples().positive()).as(r.id() + " positives").isNotEmpty();
        assertThat(r.samples().negative()).as(r.id() + " negatives").isNotEmpty();
        assertThat(r.provider()).as(r.id() + " provider").isNotBlank();
        assertThat(r.revoke()).as(r.id() + " says where to revoke it").isNotBlank();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @DisplayName("each rule finds its positive samples, redacted, and ignores its negative ones")
  void sample(Sample s) {
    List<Finding> found = scan(s.file(), s.text());
    if (!s.positive()) {
      assertThat(found).noneMatch(f -> f.getRuleId().equals(s.rule()));
      return;
    }
    assertThat(found).as(found.toString()).filteredOn(f -> f.getRuleId().equals(s.rule())).isNotEmpty()
        .allSatisfy(f -> {
          assertThat(f.getCweList()).contains(798);
          assertThat(f.getLocation().getSnippet()).contains(Redactor.MASK);
          assertThat(f.getFingerprint()).hasSize(32);
          assertThat(f.getRemediation()).contains("Revoke");
          assertThat(f.getDescription()).contains("Judgements:");
        });
    var matches = new ArrayList<SecretsAnalyzer.SecretMatch>();
    ANALYZER.matches(SourceFile.of(s.file(), s.text()), matches::add);
    for (var m : matches) { // the secret itself appears in no finding
      var f = m.finding();
      assertThat(f.getLocation().getSnippet() + f.getTitle() + f.getDescription()).doesNotContain(m.secret());
    }
  }
}
