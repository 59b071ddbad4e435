package dev.bulwark.sast.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The project facts a file's analysis uses are what its cached result depends on. */
class ProjectTest {
  final Map<String, String> files = Map.of("go/a.go", "package a", "go/b.go", "package a", "app.properties",
      "db.url=jdbc:h2:mem\n", "src/Helper.java", "class Helper {}");

  Project project() {
    var project = new Project(path -> Optional.ofNullable(files.get(path)));
    files.keySet().stream().sorted().forEach(project::addPath);
    return project;
  }

  @Test
  @DisplayName("a file's view records every fact it used, by kind; the scan-wide project records none")
  void viewsRecordTheFactsTheyUse() {
    var project = project();
    var view = project.forFile();

    assertThat(view.pathsIn("go")).containsExactly("go/a.go", "go/b.go");
    assertThat(view.pathsNamed("Helper.java")).containsExactly("src/Helper.java");
    assertThat(view.read("src/Helper.java")).contains("class Helper {}");
    assertThat(view.property("db.url")).contains("jdbc:h2:mem");

    assertThat(view.dependencies()).containsExactlyInAnyOrder(Project.IN + "go", Project.NAMED + "Helper.java",
        Project.READ + "src/Helper.java", Project.PROPERTY + "db.url");
    assertThat(project.forFile().dependencies()).as("another file's view").isEmpty();
    project.pathsIn("go");
    assertThat(project.dependencies()).isEmpty();
  }

  @Test
  @DisplayName("scan-wide state is built once for all views from facts that record nothing; a view records what it took")
  void scanWideStateIsSharedAndViewsRecordWhatTheyTook() {
    record Index(Project facts, String helper) {}
    var project = project();
    var first = project.forFile();
    var second = project.forFile();

    var built = first.scanWide(Index.class, facts -> new Index(facts, facts.read("src/Helper.java").orElseThrow()));
    var again = second.scanWide(Index.class, facts -> new Index(facts, "built twice"));
    second.record(Project.READ, "src/Helper.java");

    assertThat(again).isSameAs(built);
    assertThat(project.scanWide(Index.class, facts -> null)).isSameAs(built);
    assertThat(built.helper()).isEqualTo("class Helper {}");
    assertThat(first.dependencies()).as("building the state records nothing in the view that asked").isEmpty();
    assertThat(built.facts().dependencies()).isEmpty();
    assertThat(second.dependencies()).containsExactly(Project.READ + "src/Helper.java");
    assertThat(project().forFile().scanWide(Index.class, facts -> new Index(facts, "another scan")).helper())
        .as("another project (scan) has its own").isEqualTo("another scan");
  }

  @Test
  @DisplayName("a fact derived from a file's text is recorded with that file's digest and its answer, both as fingerprints")
  void derivedFactsCarryTheirFilesDigestAndAnswer() {
    var project = new Project(path -> Optional.ofNullable(files.get(path)), path -> path.equals("src/Helper.java") ? "d1" : "");
    files.keySet().forEach(project::addPath);
    var view = project.forFile();

    view.derived("src/Helper.java", "java-mentions:Config.url", "false");
    project.derived("src/Helper.java", "java-mentions:Config.url", "true");

    assertThat(project.dependencies()).as("the scan-wide project records nothing").isEmpty();
    assertThat(view.dependencies()).singleElement().satisfies(d -> {
      assertThat(d).startsWith(Project.DERIVED).doesNotContain("false");
      var fact = Project.Derived.parse(d).orElseThrow();
      assertThat(fact.path()).isEqualTo("src/Helper.java");
      assertThat(fact.query()).isEqualTo("java-mentions:Config.url");
      assertThat(fact.digest()).isEqualTo(Project.fingerprint("d1"));
      assertThat(fact.value()).isEqualTo(Project.fingerprint("false"));
    });
    assertThat(Project.Derived.parse(Project.READ + "src/Helper.java")).isEmpty();
    assertThat(Project.Derived.parse(Project.DERIVED + "short")).isEmpty();
  }
}
