package dev.bulwark.sast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.Analyzer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The registry builds, for a few files, only the analyzers that want them (bulwark check). */
class AnalyzersTest {
  /** One path (or more) for every language, and files no language analyzer reads. */
  static final List<String> PATHS = List.of("src/main/java/shop/Orders.java", "web/app.js", "web/app.min.js",
      "web/types.d.ts", "web/view.tsx", "tools/report.py", "cmd/main.go", "public/index.php", "app/models/user.rb",
      "Api/Controller.cs", "config/.env", "README.md", "Dockerfile", "src/main/resources/app.properties");

  private static List<String> names(List<Analyzer> analyzers) {
    return analyzers.stream().map(Analyzer::name).toList();
  }

  @Test
  @DisplayName("a Java file: the secrets and Java taint analyzers only")
  void javaFileBuildsJavaOnly() {
    assertThat(names(Analyzers.builtInFor(List.of("src/main/java/shop/Orders.java"))))
        .containsExactly("secrets", "java-taint");
  }

  @Test
  @DisplayName("a script and a config file: secrets and the script's language; a minified script adds none")
  void languagesOfTheFiles() {
    assertThat(names(Analyzers.builtInFor(List.of("web/app.js", "tools/report.py", "config/.env"))))
        .containsExactly("secrets", "javascript", "python");
    assertThat(names(Analyzers.builtInFor(List.of("web/app.min.js", "README.md")))).containsExactly("secrets");
  }

  @Test
  @DisplayName("files of every language: the whole registry, in its order")
  void everyLanguageIsTheWholeRegistry() {
    assertThat(names(Analyzers.builtInFor(PATHS))).isEqualTo(names(Analyzers.builtIn()));
  }

  @Test
  @DisplayName("an analyzer is built for a path exactly when it accepts that path")
  void registryAgreesWithTheAnalyzers() {
    var all = Analyzers.builtIn();
    for (String path : PATHS) {
      var accepting = all.stream().filter(a -> a.accepts(path)).map(Analyzer::name).toList();
      assertThat(names(Analyzers.builtInFor(List.of(path)))).as(path)
          .containsExactlyElementsOf(accepting.contains("secrets") ? accepting : concat("secrets", accepting));
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    var all = new java.util.ArrayList<String>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
