package dev.bulwark.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.history.TestRepo;
import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.v1.FileEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("What git holds: tracked files whatever .gitignore says, untracked files only when not ignored")
class GitWorkTreeTest {
  @TempDir
  Path tmp;
  Path repo;

  /**
   * benchmark.properties and build/keep.txt are committed before .gitignore starts to match them
   * (as the OWASP Benchmark's benchmark.properties is); the rest is untracked.
   */
  @BeforeEach
  void repository() throws Exception {
    try (var git = TestRepo.init(tmp.resolve("app"))) {
      git.write("benchmark.properties", "hashAlg1=MD5\n").write("build/keep.txt", "kept\n")
          .write("src/App.java", "class App {}\n").write("gone.txt", "soon deleted\n").commit("first");
      git.write(".gitignore", "*.properties\nbuild/\n*.log\n").commit("ignore build output");
      repo = git.dir();
    }
    Files.writeString(repo.resolve("local.properties"), "password=untracked-and-ignored\n");
    Files.writeString(repo.resolve("build/out.class"), "untracked in an ignored folder\n");
    Files.writeString(repo.resolve("server.log"), "untracked and ignored\n");
    Files.writeString(repo.resolve("NOTES.md"), "untracked, not ignored\n");
    Files.delete(repo.resolve("gone.txt")); // tracked but no longer on disk
  }

  @Test
  void committedFilesMatchingGitignoreAreListedUntrackedIgnoredOnesAreNot() throws Exception {
    assertThat(GitWorkTree.files(repo)).contains(List.of(
        ".gitignore", "NOTES.md", "benchmark.properties", "build/keep.txt", "src/App.java"));
  }

  @Test
  void theListIsWhatGitItselfLists() throws Exception {
    var git = new ProcessBuilder("git", "-C", repo.toString(), "ls-files", "--cached", "--others",
        "--exclude-standard").redirectErrorStream(true).start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
    var listed = Arrays.stream(out.split("\n")).filter(l -> !l.isBlank() && Files.exists(repo.resolve(l))).sorted().toList();

    assertThat(GitWorkTree.files(repo)).contains(listed);
  }

  @Test
  void aSubfolderListsItsOwnFilesRelativeToItself() throws Exception {
    assertThat(GitWorkTree.files(repo.resolve("build"))).contains(List.of("keep.txt"));
    assertThat(GitWorkTree.files(repo.resolve("src"))).contains(List.of("App.java"));
  }

  @Test
  void aFolderOutsideGitOrIgnoredByItsRepositoryIsNotAGitTree() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(plain.resolve("a.txt"), "a\n");
    Path ignoredDir = Files.createDirectories(repo.resolve("target/classes"));

    assertThat(GitWorkTree.files(plain)).isEmpty();
    Files.writeString(repo.resolve(".gitignore"), "target/\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(GitWorkTree.files(ignoredDir)).isEmpty();
  }

  @Test
  void aCheckedOutSubmoduleIsListedThroughItsOwnIndexAndIgnoreRules() throws Exception {
    Path lib;
    try (var sub = TestRepo.init(tmp.resolve("lib"))) {
      sub.write("lib.py", "X = 1\n").write("lib.cfg", "committed, later ignored\n").commit("lib");
      sub.write(".gitignore", "*.cfg\n").commit("ignore cfg");
      lib = sub.dir();
    }
    try (var git = Git.open(repo.toFile())) {
      git.submoduleAdd().setURI(lib.toUri().toString()).setPath("vendor/lib").call().close();
    }
    Files.writeString(repo.resolve("vendor/lib/local.cfg"), "untracked, ignored by the submodule\n");
    Files.writeString(repo.resolve("vendor/lib/new.py"), "untracked in the submodule\n");

    assertThat(GitWorkTree.files(repo).orElseThrow()).contains(".gitmodules", "vendor/lib/.gitignore",
        "vendor/lib/lib.cfg", "vendor/lib/lib.py", "vendor/lib/new.py").doesNotContain("vendor/lib/local.cfg",
        "vendor/lib/.git");
  }

  @Test
  void thePackedTreeHoldsExactlyTheListedFilesAndNeverBulwarksOwnHome() throws Exception {
    Path home = Files.createDirectories(repo.resolve(".bulwark-home/sca"));
    Files.writeString(home.resolve("catalog.json"), "{}\n");

    var packed = TreePacker.pack(repo, TreeSelection.of(repo, List.of(repo.resolve(".bulwark-home"))));

    assertThat(packed.files()).extracting(FileEntry::getPath).containsExactly(
        ".gitignore", "NOTES.md", "benchmark.properties", "build/keep.txt", "src/App.java");
  }
}
