package dev.bulwark.sast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.Analyzer;
import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.sast.secrets.verify.SecretVerification;
import dev.bulwark.sast.secrets.verify.VerificationSettings;
import dev.bulwark.server.scanner.results.DiskResultStore;
import dev.bulwark.server.scanner.results.ResultStore;
import dev.bulwark.server.testing.ScannerHarness;
import dev.bulwark.v1.DatabaseInfo;
import dev.bulwark.v1.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SAST engine with a results cache, over real gRPC: a rescan replays what did not change and
 * analyses what did, including the files whose analysis read a changed file or property, and
 * always reports what a scan without the cache reports.
 */
@DisplayName("SAST results cache")
class SastResultsCacheTest {
  static final String KEY = "ghp_" + "Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9mN0pQ1";

  @TempDir
  Path tmp;
  Path tree;
  /** Paths the analyzers were run on, each time. */
  final List<String> analysed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  /** Counts every analysis of a file, and otherwise is the analyzer it wraps. */
  record Counting(Analyzer real, List<String> log, String packSuffix) implements Analyzer {
    Counting(Analyzer real, List<String> log) {
      this(real, log, "");
    }

    @Override
    public String name() {
      return real.name();
    }

    @Override
    public String version() {
      return real.version();
    }

    @Override
    public boolean accepts(String path) {
      return real.accepts(path);
    }

    @Override
    public void analyze(SourceFile file, Project project, Consumer<Finding> out) throws Exception {
      log.add(file.path());
      real.analyze(file, project, out);
    }

    @Override
    public java.util.Optional<String> derived(String path, String query, Project project) {
      return real.derived(path, query, project);
    }

    @Override
    public List<DatabaseInfo> databases() {
      return real.databases().stream().map(d -> d.toBuilder().setVersion(d.getVersion() + packSuffix).build()).toList();
    }
  }

  @BeforeEach
  void writeTree() throws Exception {
    tree = Files.createDirectories(tmp.resolve("tree"));
    var app = Files.createDirectories(tree.resolve("src/app"));
    Files.writeString(app.resolve("Web.java"), """
        package app;
        public class Web extends javax.servlet.http.HttpServlet {
          protected void doGet(javax.servlet.http.HttpServletRequest request,
              javax.servlet.http.HttpServletResponse response) throws java.io.IOException {
            Shell.run(request.getParameter("host"));
          }
        }
        """);
    Files.writeString(app.resolve("Shell.java"), """
        package app;
        public class Shell {
          static void run(String host) throws java.io.IOException {
            Runtime.getRuntime().exec("ping " + host);
          }
        }
        """);
    Files.writeString(app.resolve("Hash.java"), """
        package app;
        public class Hash {
          byte[] hash(byte[] in) throws Exception {
            java.util.Properties props = new java.util.Properties();
            String algorithm = props.getProperty("hashAlg", "SHA-256");
            return java.security.MessageDigest.getInstance(algorithm).digest(in);
          }
        }
        """);
    Files.writeString(tree.resolve("app.properties"), "hashAlg=MD5\n");
    Files.writeString(tree.resolve("deploy.env"), "GITHUB_TOKEN=" + KEY + "\n");
    Files.writeString(tree.resolve("tool.py"), "import os\nos.system('ls ' + input())\n");
    Files.write(tree.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});
  }

  /** Verification allowed (a scan may ask for it), with no request budget: no provider is ever called. */
  static final SecretVerification ALLOWED_BUT_SILENT = new SecretVerification(
      new VerificationSettings(true, Duration.ofSeconds(1), 10, 0, Map.of()), Clock.systemUTC());

  ScannerHarness cached() throws Exception {
    return cached(SastEngine.DEFAULT_MAX_FILE_BYTES, "");
  }

  /** A scanner over the shared results folder, with this size limit and rule packs at their version + suffix. */
  ScannerHarness cached(long maxFileBytes, String packSuffix) throws Exception {
    var engine = new SastEngine(() -> Analyzers.builtIn().stream()
        .map(a -> (Analyzer) new Counting(a, analysed, packSuffix)).toList(), maxFileBytes, ALLOWED_BUT_SILENT);
    return new ScannerHarness(engine, tmp.resolve("work-" + System.nanoTime()),
        new DiskResultStore(tmp.resolve("results"), 1 << 20));
  }

  /** What a scan without any cache reports for the tree as it is now. */
  List<Finding> cold() throws Exception {
    try (var harness = new ScannerHarness(new SastEngine(), tmp.resolve("cold-" + System.nanoTime()), ResultStore.NONE)) {
      return harness.scan(tree).findings();
    }
  }

  @Test
  @DisplayName("an unchanged tree is not analysed again, and reports the same findings in the same order")
  void unchangedTreeDoesNoAnalysis() throws Exception {
    try (var harness = cached()) {
      var first = harness.scan(tree);
      assertThat(analysed).isNotEmpty();
      assertThat(first.findings()).extracting(Finding::getRuleId).isNotEmpty();
      analysed.clear();

      var second = harness.scan(tree);

      assertThat(analysed).isEmpty();
      assertThat(second.findings()).containsExactlyElementsOf(first.findings());
      assertThat(second.summary().getFilesScanned()).isEqualTo(first.summary().getFilesScanned());
      assertThat(second.findings()).containsExactlyElementsOf(cold());
    }
  }

  @Test
  @DisplayName("a changed callee is analysed again with its callers, and nothing else")
  void aChangedCalleeInvalidatesItsCallers() throws Exception {
    try (var harness = cached()) {
      harness.scan(tree);
      analysed.clear();
      Files.writeString(tree.resolve("src/app/Shell.java"), """
          package app;
          public class Shell {
            static void run(String host) throws java.io.IOException {
              Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", "--", host.replaceAll("[^a-z.]", "")});
            }
          }
          """);

      var rescan = harness.scan(tree);

      assertThat(analysed).containsOnly("src/app/Shell.java", "src/app/Web.java");
      assertThat(rescan.findings()).containsExactlyElementsOf(cold());
    }
  }

  @Test
  @DisplayName("a new file with a callee's name, or a changed property, invalidates the files that looked them up")
  void newNamesakesAndChangedPropertiesInvalidate() throws Exception {
    try (var harness = cached()) {
      var before = harness.scan(tree);
      assertThat(before.findings()).anyMatch(f -> f.getLocation().getPath().equals("src/app/Hash.java"));
      analysed.clear();

      Files.writeString(tree.resolve("app.properties"), "hashAlg=SHA-256\n");
      var rescan = harness.scan(tree);
      assertThat(analysed).contains("src/app/Hash.java", "app.properties").doesNotContain("src/app/Web.java", "tool.py");
      assertThat(rescan.findings()).containsExactlyElementsOf(cold())
          .noneMatch(f -> f.getLocation().getPath().equals("src/app/Hash.java"));
      analysed.clear();

      Files.createDirectories(tree.resolve("lib"));
      Files.writeString(tree.resolve("lib/Shell.java"), "package lib;\npublic class Shell {}\n");
      var again = harness.scan(tree);
      assertThat(analysed).contains("src/app/Web.java", "lib/Shell.java").doesNotContain("src/app/Hash.java", "tool.py");
      assertThat(again.findings()).containsExactlyElementsOf(cold());
    }
  }

  /**
   * A servlet that runs what another class's method returns: its analysis asks whether that method
   * may return untrusted data (from the method's text, without parsing it).
   */
  void writeTitlePage(String titleBody) throws Exception {
    Files.writeString(tree.resolve("src/app/Page.java"), """
        package app;
        public class Page extends javax.servlet.http.HttpServlet {
          protected void doGet(javax.servlet.http.HttpServletRequest request,
              javax.servlet.http.HttpServletResponse response) throws Exception {
            response.getWriter().println(request.getParameter("name").length());
            Runtime.getRuntime().exec("banner " + Title.text());
          }
        }
        """);
    writeTitle(titleBody);
  }

  void writeTitle(String body) throws Exception {
    Files.writeString(tree.resolve("src/app/Title.java"), """
        package app;
        public class Title {
          static String text() throws Exception {
            %s
          }
        }
        """.formatted(body));
  }

  @Test
  @DisplayName("a callee's change that leaves what its caller asked of it alone does not re-analyse the caller; one that changes it does")
  void aCalleesUnchangedAnswerKeepsItsCaller() throws Exception {
    writeTitlePage("return String.valueOf(System.nanoTime());");
    try (var harness = cached()) {
      var before = harness.scan(tree);
      assertThat(before.findings()).noneMatch(f -> f.getLocation().getPath().equals("src/app/Page.java"));
      analysed.clear();

      writeTitle("long now = System.currentTimeMillis();\n    return String.valueOf(now / 1000);");
      var bodyOnly = harness.scan(tree);
      assertThat(analysed).as("the method still reads no source").containsOnly("src/app/Title.java");
      assertThat(bodyOnly.findings()).containsExactlyElementsOf(cold());
      analysed.clear();

      writeTitle("return System.getenv(\"TITLE\");");
      var source = harness.scan(tree);
      assertThat(analysed).as("the method now returns an environment variable").containsOnly("src/app/Title.java", "src/app/Page.java");
      assertThat(source.findings()).containsExactlyElementsOf(cold())
          .anyMatch(f -> f.getLocation().getPath().equals("src/app/Page.java"));
    }
  }

  @Test
  @DisplayName("a method that returns untrusted data looks for its callers in its package: only a file of the package that starts calling it re-analyses it")
  void sourceMethodsDependOnWhoCallsThem() throws Exception {
    writeTitle("return System.getenv(\"TITLE\");");
    try (var harness = cached()) {
      harness.scan(tree);
      analysed.clear();

      Files.writeString(tree.resolve("src/app/Hash.java"), "\nclass Sizes { int size() { return 1; } }\n",
          java.nio.file.StandardOpenOption.APPEND);
      var unrelated = harness.scan(tree);
      assertThat(analysed).containsOnly("src/app/Hash.java");
      assertThat(unrelated.findings()).containsExactlyElementsOf(cold());
      analysed.clear();

      Files.writeString(tree.resolve("src/app/Hash.java"), "\nclass Titles { String get() throws Exception { return Title.text(); } }\n",
          java.nio.file.StandardOpenOption.APPEND);
      var caller = harness.scan(tree);
      assertThat(analysed).containsOnly("src/app/Hash.java", "src/app/Title.java");
      assertThat(caller.findings()).containsExactlyElementsOf(cold());
      analysed.clear();

      Files.createDirectories(tree.resolve("src/lib"));
      Files.writeString(tree.resolve("src/lib/Banner.java"), "package lib;\nclass Banner { String get() throws Exception { return app.Title.text(); } }\n");
      var elsewhere = harness.scan(tree);
      assertThat(analysed).as("another package's file is not looked at").containsOnly("src/lib/Banner.java");
      assertThat(elsewhere.findings()).containsExactlyElementsOf(cold());
      analysed.clear();

      Files.writeString(tree.resolve("src/app/Banner.java"), "package app;\nclass Banner { String get() throws Exception { return Title.text(); } }\n");
      var here = harness.scan(tree);
      assertThat(analysed).as("a new file of its package is").containsOnly("src/app/Banner.java", "src/app/Title.java");
      assertThat(here.findings()).containsExactlyElementsOf(cold());
    }
  }

  /**
   * A servlet that hands request data to an interface: the call goes to every implementation the
   * project has (found by what every Java file declares), here one that keeps it in memory.
   */
  void writeDispatch() throws Exception {
    Files.writeString(tree.resolve("src/app/Store.java"), """
        package app;
        public interface Store {
          void save(String value) throws Exception;
        }
        """);
    Files.writeString(tree.resolve("src/app/MemoryStore.java"), """
        package app;
        public class MemoryStore implements Store {
          private final java.util.List<String> values = new java.util.ArrayList<>();
          public void save(String value) {
            values.add(value);
          }
        }
        """);
    Files.writeString(tree.resolve("src/app/Upload.java"), """
        package app;
        public class Upload extends javax.servlet.http.HttpServlet {
          private Store store;
          protected void doPost(javax.servlet.http.HttpServletRequest request,
              javax.servlet.http.HttpServletResponse response) throws Exception {
            store.save(request.getParameter("file"));
          }
        }
        """);
    writeAuditStore("");
  }

  /** A class with a method that runs its argument; it implements {@code Store} when {@code implementsStore} says so. */
  void writeAuditStore(String implementsStore) throws Exception {
    Files.writeString(tree.resolve("src/app/AuditStore.java"), """
        package app;
        public class AuditStore %s{
          public void save(String value) throws Exception {
            Runtime.getRuntime().exec(value);
          }
        }
        """.formatted(implementsStore));
  }

  @Test
  @DisplayName("a new implementation of an interface re-analyses the files that dispatch on it; a new unrelated class does not")
  void newSubtypesInvalidateDispatchOnly() throws Exception {
    writeDispatch();
    try (var harness = cached()) {
      var before = harness.scan(tree);
      assertThat(before.findings()).noneMatch(f -> f.getLocation().getPath().equals("src/app/Upload.java"));
      analysed.clear();

      Files.writeString(tree.resolve("src/app/Hash.java"), "\nclass Unrelated { int size() { return 1; } }\n",
          java.nio.file.StandardOpenOption.APPEND);
      var unrelated = harness.scan(tree);
      assertThat(analysed).containsOnly("src/app/Hash.java");
      assertThat(unrelated.findings()).containsExactlyElementsOf(cold());
      analysed.clear();

      writeAuditStore("implements Store ");
      var subtype = harness.scan(tree);
      assertThat(analysed).contains("src/app/AuditStore.java", "src/app/Upload.java")
          .doesNotContain("src/app/Hash.java", "src/app/Web.java", "tool.py");
      assertThat(subtype.findings()).containsExactlyElementsOf(cold())
          .anyMatch(f -> f.getLocation().getPath().equals("src/app/Upload.java"));
    }
  }

  @Test
  @DisplayName("a scan that verifies secrets with their providers never uses the cache")
  void verificationBypassesTheCache() throws Exception {
    try (var harness = cached()) {
      harness.scan(tree);
      analysed.clear();
      harness.scan(tree, task -> task.setVerifySecrets(true));
      assertThat(analysed).contains("deploy.env", "src/app/Web.java");
    }
  }

  @Test
  @DisplayName("another rule-pack version or another size limit is another cache: every file is analysed again")
  void rulePacksAndSettingsInvalidate() throws Exception {
    try (var harness = cached()) {
      harness.scan(tree);
    }
    analysed.clear();
    try (var harness = cached()) {
      harness.scan(tree);
      assertThat(analysed).as("same engine, same packs: nothing analysed").isEmpty();
    }
    try (var harness = cached(SastEngine.DEFAULT_MAX_FILE_BYTES, "-next")) {
      harness.scan(tree);
      assertThat(analysed).as("a rule pack changed").contains("deploy.env", "src/app/Web.java", "tool.py");
    }
    analysed.clear();
    try (var harness = cached(SastEngine.DEFAULT_MAX_FILE_BYTES / 2, "")) {
      harness.scan(tree);
      assertThat(analysed).as("the size limit changed").contains("deploy.env", "src/app/Web.java", "tool.py");
    }
  }

  @Test
  @DisplayName("a file the parser refuses is not parsed again, and its problem is reported again")
  void aRefusedFileIsKeptWithItsProblem() throws Exception {
    // a file the Java analyzer wants (request data reaching a command), but that does not parse
    Files.writeString(tree.resolve("src/app/Broken.java"), "package app;\nclass Broken { void f(javax.servlet.http"
        + ".HttpServletRequest r) { Runtime.getRuntime().exec(r.getParameter(\"c\") {\n");
    try (var harness = cached()) {
      var first = harness.scan(tree);
      assertThat(first.summary().getMessage()).contains("Broken.java");
      analysed.clear();

      var second = harness.scan(tree);

      assertThat(analysed).isEmpty();
      assertThat(second.summary().getMessage()).isEqualTo(first.summary().getMessage());
      assertThat(second.summary().getStatus()).isEqualTo(first.summary().getStatus());
    }
  }

  /** As {@link #cached()}, with whole answers kept too (as the deployed scanner runs). */
  ScannerHarness answering() throws Exception {
    var engine = new SastEngine(() -> Analyzers.builtIn().stream()
        .map(a -> (Analyzer) new Counting(a, analysed, "")).toList(), SastEngine.DEFAULT_MAX_FILE_BYTES,
        ALLOWED_BUT_SILENT);
    return new ScannerHarness(engine, tmp.resolve("work-" + System.nanoTime()),
        new DiskResultStore(tmp.resolve("results"), 1 << 20), true);
  }

  @Test
  @DisplayName("an unchanged tree is answered whole without loading the analyzers; any changed file, or a verifying scan, is not")
  void wholeAnswers() throws Exception {
    try (var harness = answering()) {
      var first = harness.scan(tree);
      analysed.clear();

      var again = harness.scan(tree);
      assertThat(harness.answersReused()).isEqualTo(1);
      assertThat(analysed).isEmpty();
      assertThat(again.findings()).containsExactlyElementsOf(first.findings());
      assertThat(again.summary().getFilesScanned()).isEqualTo(first.summary().getFilesScanned());

      // the secrets analyzer reads every file: a change anywhere (here an image) is a new answer
      Files.write(tree.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 1, 1});
      var changed = harness.scan(tree);
      assertThat(harness.answersReused()).isEqualTo(1);
      assertThat(changed.findings()).containsExactlyElementsOf(cold());

      analysed.clear();
      harness.scan(tree, task -> task.setVerifySecrets(true));
      harness.scan(tree, task -> task.setVerifySecrets(true));
      assertThat(harness.answersReused()).as("verification calls providers: never answered from the cache").isEqualTo(1);
      assertThat(analysed).contains("deploy.env");
    }
  }
}
