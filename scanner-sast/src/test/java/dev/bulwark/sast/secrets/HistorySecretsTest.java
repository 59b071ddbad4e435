package dev.bulwark.sast.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sast.core.Project;
import dev.bulwark.sast.core.SourceFile;
import dev.bulwark.v1.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Secrets of git history versions, in plain Java: what is reported, once, and under which identity. */
class HistorySecretsTest {
  private static final String KEY = "ghp_" + "Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9mN0pQ1";
  private static final String OTHER_KEY = "ghp_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5";
  private static final String OLD = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String OLDER = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  private static final SecretsAnalyzer ANALYZER = SecretsAnalyzer.builtIn();

  private final HistorySecrets history = new HistorySecrets(ANALYZER);
  private final List<Finding> found = new ArrayList<>();

  private void version(String path, String text, String commit) {
    history.scan(SourceFile.of(path, text), commit, found::add);
  }

  @Test
  @DisplayName("a secret still in the working tree is not reported again from the history, even at another path")
  void secretsStillInTheTreeAreReportedOnlyFromTheTree() {
    history.rememberTree(SourceFile.of("config/app.env", "# moved here\nGITHUB_TOKEN=" + KEY + "\n"));

    version("app.env", "GITHUB_TOKEN=" + KEY + "\n", OLD);

    assertThat(found).isEmpty();
  }

  @Test
  @DisplayName("a secret in several old versions is reported once, at the first (oldest) version, naming its commit")
  void oneFindingPerSecretAtItsOldestVersion() {
    version("deploy/app.env", "A=1\nGITHUB_TOKEN=" + KEY + "\n", OLDER);
    version("deploy/app.env", "A=2\nB=3\nGITHUB_TOKEN=" + KEY + "\n", OLD);
    version("renamed.env", "GITHUB_TOKEN=" + KEY + "\n", OLD);

    assertThat(found).hasSize(1);
    Finding f = found.get(0);
    assertThat(f.getRuleId()).isEqualTo("secret.github-pat");
    assertThat(f.getLocation().getPath()).isEqualTo("deploy/app.env");
    assertThat(f.getLocation().getStartLine()).isEqualTo(2);
    assertThat(f.getTitle()).contains("git history").contains("commit 2222222)");
    assertThat(f.getDescription()).contains(OLDER).contains("deploy/app.env (line 2)")
        .contains("git show 2222222:./deploy/app.env");
    assertThat(f.getLocation().getSnippet() + f.getDescription() + f.getTitle()).doesNotContain(KEY);
    assertThat(f.getRemediation()).contains("rotate");
  }

  @Test
  @DisplayName("a history finding has the fingerprint the same line had in the tree, so it keeps its identity")
  void fingerprintMatchesTheTreeFindingItWas() {
    var inTree = new ArrayList<Finding>();
    ANALYZER.analyze(SourceFile.of("app.env", "GITHUB_TOKEN=" + KEY + "\n"), Project.EMPTY, inTree::add);

    version("app.env", "# old\nGITHUB_TOKEN=" + KEY + "\n", OLD);

    assertThat(found).singleElement().extracting(Finding::getFingerprint)
        .isEqualTo(inTree.get(0).getFingerprint());
  }

  @Test
  @DisplayName("different secrets behind the same redacted line get distinct fingerprints, the same on every run")
  void collidingRedactionsGetStableOrdinals() {
    List<String> first = fingerprintsOfTwoRotatedPasswords(new HistorySecrets(ANALYZER));
    List<String> second = fingerprintsOfTwoRotatedPasswords(new HistorySecrets(ANALYZER));

    assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(second);
  }

  private static List<String> fingerprintsOfTwoRotatedPasswords(HistorySecrets history) {
    var out = new ArrayList<Finding>();
    history.scan(SourceFile.of("db.properties", "db.password=Xy7pQ2vLm9\n"), OLDER, out::add);
    history.scan(SourceFile.of("db.properties", "db.password=Rt5wZ8nKc3\n"), OLD, out::add);
    return out.stream().map(Finding::getFingerprint).toList();
  }

  @Test
  @DisplayName("a different secret on the line a tree secret now holds is reported, under its own fingerprint")
  void anOldSecretReplacedByANewOneIsStillReported() {
    var tree = SourceFile.of("app.env", "GITHUB_TOKEN=" + OTHER_KEY + "\n");
    var inTree = new ArrayList<Finding>();
    ANALYZER.analyze(tree, Project.EMPTY, inTree::add);
    history.rememberTree(tree);

    version("app.env", "GITHUB_TOKEN=" + KEY + "\n", OLD);

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.getLocation().getPath()).isEqualTo("app.env");
      assertThat(f.getFingerprint()).isNotEqualTo(inTree.get(0).getFingerprint());
    });
  }

  @Test
  @DisplayName("lockfile versions are not read: the analyzer skips them in the tree too")
  void lockfilesAreSkipped() {
    boolean read = history.scan(SourceFile.of("web/package-lock.json", "\"token\": \"" + KEY + "\""), OLD, found::add);

    assertThat(read).isFalse();
    assertThat(found).isEmpty();
    assertThat(SecretsAnalyzer.scansPath("web/package-lock.json")).isFalse();
    assertThat(SecretsAnalyzer.scansPath("web/app.env")).isTrue();
  }
}
