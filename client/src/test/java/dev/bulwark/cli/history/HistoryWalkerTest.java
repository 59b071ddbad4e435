package dev.bulwark.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.history.HistoryWalker.Bounds;
import dev.bulwark.cli.history.HistoryWalker.Version;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk over real repositories written with JGit. */
class HistoryWalkerTest {
  @TempDir
  Path tmp;

  private final HistoryWalker walker = new HistoryWalker(1024, path -> !path.endsWith(".lock"));

  private HistoryWalker.Walk walk(Path folder, Bounds bounds) throws Exception {
    try (Repository git = GitRepositories.open(folder)) {
      return walker.walk(git, folder, bounds);
    }
  }

  private static List<String> paths(HistoryWalker.Walk walk) {
    return walk.versions().stream().map(Version::path).toList();
  }

  @Test
  @DisplayName("deleted files and overwritten versions are found, each version once, at the commit that introduced it")
  void deletedAndOverwrittenVersionsAreFoundOnce() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("repo"))) {
      var first = repo.write("app.env", "v1\n").write("old/notes.txt", "notes\n").commit("first");
      var second = repo.write("app.env", "v2\n").commit("overwrite");
      repo.delete("old/notes.txt").commit("delete");
      var fourth = repo.write("readme.md", "hi\n").commit("unrelated");

      var walk = walk(repo.dir(), Bounds.ALL);

      assertThat(walk.commits()).isEqualTo(4);
      assertThat(walk.versions()).extracting(v -> v.path() + "@" + v.commit()).containsExactly(
          "app.env@" + first.name(), "old/notes.txt@" + first.name(), "app.env@" + second.name(),
          "readme.md@" + fourth.name());
    }
  }

  @Test
  @DisplayName("the same content at two paths or in many commits is one version, at its first path")
  void identicalContentIsDeduplicatedByBlobId() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("repo"))) {
      repo.write("a/config.env", "same\n").commit("a");
      repo.write("b/copy.env", "same\n").write("a/other.env", "other\n").commit("b");
      repo.delete("a/config.env").commit("c");

      assertThat(paths(walk(repo.dir(), Bounds.ALL))).containsExactly("a/config.env", "a/other.env");
    }
  }

  @Test
  @DisplayName("a side branch merged into HEAD is walked; a branch HEAD cannot reach is not")
  void mergedBranchesCountUnmergedDoNot() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("repo"))) {
      repo.write("main.txt", "main\n").commit("root");
      repo.branch("feature").write("feature.env", "merged\n").commit("on feature");
      repo.delete("feature.env").commit("feature cleans up");
      repo.checkout("main").write("main.txt", "main 2\n").commit("main moves on");
      repo.merge("feature");
      repo.branch("spike").write("spike.env", "never merged\n").commit("spike");
      repo.checkout("main");

      var walk = walk(repo.dir(), Bounds.ALL);

      assertThat(paths(walk)).contains("feature.env").doesNotContain("spike.env");
      assertThat(walk.commits()).isEqualTo(5);
    }
  }

  @Test
  @DisplayName("--history-depth keeps the newest commits, --history-since the recent ones")
  void boundsLimitTheCommits() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("repo"))) {
      repo.write("f.txt", "1\n").commit("one");
      repo.write("f.txt", "2\n").commit("two");
      var sinceTwo = repo.lastCommitTime();
      var three = repo.write("f.txt", "3\n").commit("three");

      var newest = walk(repo.dir(), new Bounds(1, null));
      assertThat(newest.commits()).isEqualTo(1);
      assertThat(newest.versions()).singleElement().extracting(Version::commit).isEqualTo(three.name());

      var recent = walk(repo.dir(), new Bounds(0, sinceTwo));
      assertThat(recent.commits()).isEqualTo(2);
      assertThat(recent.versions()).hasSize(2);
      assertThat(walk(repo.dir(), new Bounds(5, null)).versions()).hasSize(3);
    }
  }

  @Test
  @DisplayName("scanning a subfolder walks only its history, with paths relative to it")
  void aSubfolderHasPathsRelativeToIt() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("repo"))) {
      repo.write("service/conf/app.env", "s\n").write("other/x.env", "o\n").commit("one");
      repo.delete("service/conf/app.env").write("service/keep.txt", "k\n").commit("two");

      assertThat(paths(walk(repo.dir().resolve("service"), Bounds.ALL)))
          .containsExactly("conf/app.env", "keep.txt");
    }
  }

  @Test
  @DisplayName("oversized versions and unwanted paths are counted and left out; symbolic links are not content")
  void oversizedAndUnwantedAreSkipped() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("repo"))) {
      repo.write("big.txt", "x".repeat(2000)).write("yarn.lock", "lock\n").write("ok.txt", "ok\n");
      java.nio.file.Files.createSymbolicLink(repo.dir().resolve("link"), Path.of("ok.txt"));
      repo.commit("one");

      var walk = walk(repo.dir(), Bounds.ALL);

      assertThat(paths(walk)).containsExactly("ok.txt");
      assertThat(walk.oversized()).isEqualTo(1);
      assertThat(walk.unwanted()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a shallow clone (as CI checks out) walks the commits it has, without failing on missing parents")
  void shallowClonesWalkWhatTheyHave() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("origin"))) {
      repo.write("app.env", "v1\n").commit("one");
      repo.write("app.env", "v2\n").commit("two");
      var head = repo.write("app.env", "v3\n").commit("three");
      Path clone = tmp.resolve("clone");
      try (var git = org.eclipse.jgit.api.Git.cloneRepository().setURI(repo.dir().toUri().toString())
          .setDirectory(clone.toFile()).setDepth(1).call()) {
        assertThat(git.getRepository().getObjectDatabase().getShallowCommits()).contains(head);
      }

      var walk = walk(clone, Bounds.ALL);

      assertThat(walk.commits()).isEqualTo(1);
      assertThat(walk.versions()).singleElement().extracting(Version::commit).isEqualTo(head.name());
    }
  }

  @Test
  @DisplayName("a repository without commits has no history; a folder outside git is refused")
  void emptyRepositoryAndNoRepository() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("repo"))) {
      assertThat(walk(repo.dir(), Bounds.ALL).versions()).isEmpty();
    }
    Path plain = java.nio.file.Files.createDirectories(tmp.resolve("plain"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GitRepositories.open(plain))
        .isInstanceOf(GitRepositories.NotARepositoryException.class).hasMessageContaining("not in a git repository");
  }
}
