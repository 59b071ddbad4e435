package dev.bulwark.sast.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.testing.Samples;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PatternRuleSamplesTest {
  private static final List<PatternAnalyzer> ANALYZERS = List.of(PatternAnalyzer.builtIn("javascript"),
      PatternAnalyzer.builtIn("python"), PatternAnalyzer.builtIn("go"));

  static Stream<Samples> samples() throws Exception {
    return Samples.load("/rules/samples.yaml").stream();
  }

  private static PatternAnalyzer analyzerFor(String path) {
    return ANALYZERS.stream().filter(a -> a.accepts(path)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("every rule of the JavaScript, Python and Go packs has a positive and a negative sample")
  void everyRuleHasSamples() throws Exception {
    var ids = ANALYZERS.stream().flatMap(a -> a.pack().rules().stream()).map(PatternRule::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(samples().map(Samples::rule)).containsExactlyInAnyOrderElementsOf(ids);
  }

  @ParameterizedTest(name = "{0} matches its positive sample")
  @MethodSource("samples")
  void positiveSampleIsFound(Samples s) throws Exception {
    var found = Samples.run(analyzerFor(s.file()), s.file(), s.positive());
    assertThat(found).filteredOn(f -> f.getRuleId().equals(s.rule())).singleElement().satisfies(f -> {
      assertThat(f.getCweList()).isNotEmpty();
      assertThat(f.getLocation().getStartLine()).isPositive();
      assertThat(f.getLocation().getSnippet()).isNotBlank();
    });
  }

  @ParameterizedTest(name = "{0} ignores its negative sample")
  @MethodSource("samples")
  void negativeSampleIsIgnored(Samples s) throws Exception {
    assertThat(Samples.run(analyzerFor(s.file()), s.file(), s.negative()))
        .noneMatch(f -> f.getRuleId().equals(s.rule()));
  }

  @Test
  @DisplayName("taint stays in the function that read the request")
  void taintIsFunctionLocal() throws Exception {
    var py = PatternAnalyzer.builtIn("python");
    String code = "def a():\n    e = request.args.get('e')\n    return e\n\ndef b(e):\n    return eval(e)\n";
    assertThat(Samples.run(py, "a.py", code)).singleElement()
        .satisfies(f -> assertThat(f.getConfidence()).isEqualTo(dev.bulwark.v1.Confidence.CONFIDENCE_MEDIUM));
    var js = PatternAnalyzer.builtIn("javascript");
    String handler = "function a(req) {\n  const id = req.params.id;\n}\nfunction b(id) {\n  db.query('x' + id);\n}\n"
        + "app.get('/', (req, res) => {\n  const q = req.query.q;\n  db.query('x' + q);\n});\n";
    assertThat(Samples.run(js, "a.js", handler)).singleElement()
        .satisfies(f -> assertThat(f.getLocation().getStartLine()).isEqualTo(9));
  }

  @Test
  @DisplayName("the masker blanks comments and string contents but keeps offsets, lines and template code")
  void maskerKeepsGeometry() {
    var js = PatternPack.builtIn("javascript").masker();
    String code = "a('x // y'); // eval(z)\nb(`t ${c + d} u`) /* e\n f */ g";
    String masked = js.mask(code);
    assertThat(masked).hasSameSizeAs(code);
    assertThat(masked.lines().count()).isEqualTo(code.lines().count());
    assertThat(masked).doesNotContain("eval").doesNotContain("y'").contains("${c + d}").endsWith(" g");
    var py = PatternPack.builtIn("python").masker();
    assertThat(py.mask("x = '''eval(a)'''  # os.system(b)\ny = 1")).doesNotContain("eval").doesNotContain("system")
        .contains("y = 1");
    assertThat(SourceFile.of("a.py", "x\ny").lineOf(2)).isEqualTo(2);
  }
}
