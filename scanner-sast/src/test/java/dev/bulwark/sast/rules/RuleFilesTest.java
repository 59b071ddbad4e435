package dev.bulwark.sast.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.Analyzers;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.taint.TaintRule;
import dev.bulwark.v1.Finding;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Semgrep's test shape: every rule of every tree-sitter pack has a test file
 * {@code rules/<language>/<rule-id>.<ext>} beside this test, in which a comment {@code ruleid: <id>}
 * marks the next line as one the rule must report (the positive cases) and {@code ok: <id>} marks
 * one it must not (the negative cases). The rule must report exactly the marked lines.
 */
class RuleFilesTest {
  private static final Map<String, String> EXTENSIONS = Map.of("javascript", "js", "python", "py", "go", "go",
      "php", "php", "ruby", "rb", "csharp", "cs");
  private static final Pattern MARK = Pattern.compile("(?:#|//|<!--)\\s*(ruleid|ok):\\s*([\\w.-]+)");

  record Case(TreeAnalyzer analyzer, TaintRule rule) {
    String resource() {
      return "/rules/" + analyzer.name() + "/" + rule.id() + "." + EXTENSIONS.get(analyzer.name());
    }

    @Override
    public String toString() {
      return rule.id();
    }
  }

  static Stream<Case> cases() {
    return Analyzers.builtIn().stream().filter(TreeAnalyzer.class::isInstance).map(TreeAnalyzer.class::cast)
        .flatMap(a -> a.pack().model().rules().stream().map(r -> new Case(a, r)));
  }

  @Test
  @DisplayName("rule ids are unique across the packs, and every language has rules")
  void idsAreUnique() {
    assertThat(cases().map(c -> c.rule().id())).doesNotHaveDuplicates();
    assertThat(cases().map(c -> c.analyzer().name()).distinct())
        .containsExactlyInAnyOrder("javascript", "python", "go", "php", "ruby", "csharp");
  }

  @ParameterizedTest(name = "{0} reports exactly its ruleid lines")
  @MethodSource("cases")
  void reportsExactlyTheMarkedLines(Case c) throws Exception {
    String text;
    try (InputStream in = RuleFilesTest.class.getResourceAsStream(c.resource())) {
      assertThat(in).as("test file %s", c.resource()).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var expected = new TreeSet<Integer>();
    int negatives = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      var m = MARK.matcher(lines[i]);
      if (m.find() && m.group(2).equals(c.rule().id())) {
        if (m.group(1).equals("ruleid")) {
          expected.add(i + 2);
        } else {
          negatives++;
        }
      }
    }
    assertThat(expected).as("positive cases in %s", c.resource()).isNotEmpty();
    assertThat(negatives).as("negative cases in %s", c.resource()).isPositive();
    String path = c.resource().substring(1);
    var found = new ArrayList<Finding>();
    var project = new Project();
    project.addPath(path);
    c.analyzer().analyze(SourceFile.of(path, text), project, found::add);
    List<Integer> reported = found.stream().filter(f -> f.getRuleId().equals(c.rule().id()))
        .map(f -> f.getLocation().getStartLine()).sorted().toList();
    assertThat(reported).as("lines reported by %s", c.rule().id()).containsExactlyElementsOf(expected);
    assertThat(found).filteredOn(f -> f.getRuleId().equals(c.rule().id())).allSatisfy(f -> {
      assertThat(f.getCweList()).containsExactlyElementsOf(c.rule().cwe());
      assertThat(f.getLocation().getSnippet()).isNotBlank();
    });
  }
}
