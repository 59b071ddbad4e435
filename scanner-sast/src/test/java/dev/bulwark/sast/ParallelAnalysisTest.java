package dev.bulwark.sast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.java.JavaTaintAnalyzer;
import dev.bulwark.v1.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine spreads the Java analyzer's files over the cores: what it reports must be what one
 * thread going through the files in order reports, whatever order the files come in.
 */
class ParallelAnalysisTest {

  @Test
  @DisplayName("on several threads, in any file order, the engine reports what one thread reports, file by file")
  void sameFindingsAsOneThread() throws Exception {
    // 793 labelled files (442 findings) of every flow shape (recursion, callees in other files, dispatch...), one project.
    Path root = Path.of(getClass().getResource("/java/flows/sql-cwe89").toURI());
    var texts = new HashMap<String, String>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        texts.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    var files = texts.entrySet().stream().map(e -> SourceFile.of(e.getKey(), e.getValue()))
        .sorted(java.util.Comparator.comparing(SourceFile::path)).toList();

    var oneThread = new ArrayList<String>();
    var analyzer = new JavaTaintAnalyzer();
    var project = project(texts);
    for (SourceFile f : files) {
      analyzer.analyze(f, project, finding -> oneThread.add(line(finding)));
    }

    var engine = new SastEngine(List.of(new JavaTaintAnalyzer()), SastEngine.DEFAULT_MAX_FILE_BYTES);
    var inOrder = scan(engine, files, texts);
    var reversed = scan(engine, reverse(files), texts);

    assertThat(oneThread).hasSizeGreaterThan(400);
    assertThat(inOrder).isEqualTo(oneThread);
    // Reversed input: the same findings, reported in the reversed file order.
    assertThat(reversed).containsExactlyInAnyOrderElementsOf(oneThread);
    assertThat(reversed.stream().map(l -> l.substring(0, l.indexOf(':'))).distinct().toList())
        .isEqualTo(reverse(oneThread.stream().map(l -> l.substring(0, l.indexOf(':'))).distinct().toList()));
  }

  @Test
  @DisplayName("what a file's analysis depends on is every file it read, and the same whether it is analysed alone or"
      + " among the others (state shared by the scan's files is recorded by each as if it had built it)")
  void dependenciesDoNotDependOnTheOtherFiles() throws Exception {
    Path root = Path.of(getClass().getResource("/java/flows/sql-cwe89").toURI());
    var texts = new HashMap<String, String>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        texts.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    // Calls on an interface whose implementation is not known where it is called: through the type hierarchy.
    texts.put("dispatch/Runner.java", "package dispatch;\npublic interface Runner { void run(String host) throws Exception; }\n");
    texts.put("dispatch/Ping.java", "package dispatch;\npublic class Ping implements Runner {\n"
        + "  public void run(String host) throws Exception { Runtime.getRuntime().exec(\"ping \" + host); }\n}\n");
    texts.put("dispatch/Web.java", "package dispatch;\npublic class Web extends javax.servlet.http.HttpServlet {\n"
        + "  Runner runner;\n  protected void doGet(javax.servlet.http.HttpServletRequest request,\n"
        + "      javax.servlet.http.HttpServletResponse response) throws Exception {\n"
        + "    runner.run(request.getParameter(\"host\"));\n  }\n}\n");
    var files = texts.entrySet().stream().map(e -> SourceFile.of(e.getKey(), e.getValue()))
        .sorted(java.util.Comparator.comparing(SourceFile::path)).toList();
    var batch = new BatchAnalysis(List.of(new JavaTaintAnalyzer()));

    var together = batch.run(files, project(texts), () -> false);

    assertThat(together).hasSameSizeAs(files);
    for (int i = 0; i < files.size(); i++) {
      var read = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
      var fresh = new Project(path -> {
        read.add(path);
        return Optional.ofNullable(texts.get(path));
      });
      texts.keySet().stream().sorted().forEach(fresh::addPath);
      var alone = batch.run(List.of(files.get(i)), fresh, () -> false).get(0);
      // Every file read for this analysis (the hierarchy's reads included) is a recorded dependency: its
      // whole text, or what was asked of it (a derived fact).
      assertThat(read).as(files.get(i).path()).allMatch(p -> alone.dependencies().contains(Project.READ + p)
          || alone.dependencies().stream().anyMatch(d -> Project.Derived.parse(d).filter(f -> f.path().equals(p)).isPresent()));
      assertThat(together.get(i).dependencies()).as(files.get(i).path()).isEqualTo(alone.dependencies());
      assertThat(together.get(i).findings()).as(files.get(i).path()).isEqualTo(alone.findings());
    }
    assertThat(together.get(files.indexOf(files.stream().filter(f -> f.path().equals("dispatch/Web.java")).findFirst()
        .orElseThrow())).findings()).as("the call reaches Ping's command").anyMatch(f -> f.getCweList().contains(78));
  }

  private static List<String> scan(SastEngine engine, List<SourceFile> files, Map<String, String> texts) {
    var found = new ArrayList<String>();
    var problems = new ArrayList<String>();
    engine.analyze(files, project(texts), f -> found.add(line(f)), problems, () -> false);
    assertThat(problems).isEmpty();
    return found;
  }

  private static <T> List<T> reverse(List<T> list) {
    var copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static Project project(Map<String, String> texts) {
    var project = new Project(path -> Optional.ofNullable(texts.get(path)));
    texts.keySet().stream().sorted().forEach(project::addPath);
    return project;
  }

  private static String line(Finding f) {
    return f.getLocation().getPath() + ":" + f.getLocation().getStartLine() + " " + f.getRuleId() + " " + f.getCweList()
        + " " + f.getTitle();
  }
}
