package dev.bulwark.dist.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("GitIndex: the staged content of a real git repository")
class GitIndexTest {
  @TempDir
  Path repo;

  @Test
  @DisplayName("sizes are the staged blobs' (read ahead on their own thread), not the working tree's; -1 outside the index")
  void sizesOfTheStagedBlobs() throws Exception {
    git("init", "-q");
    var staged = new ArrayList<String>();
    for (int i = 0; i < 300; i++) {
      String name = "src/F" + i + ".java";
      Files.createDirectories(repo.resolve(name).getParent());
      Files.writeString(repo.resolve(name), "x".repeat(i));
      staged.add(name);
    }
    git("add", "-A");
    Files.writeString(repo.resolve("src/F7.java"), "changed after staging, not staged");
    Files.writeString(repo.resolve("untracked.txt"), "untracked");

    try (var index = GitIndex.open(repo)) {
      assertThat(index.staged()).containsExactlyInAnyOrderElementsOf(staged);
      for (int i = 0; i < 300; i++) {
        assertThat(index.size("src/F" + i + ".java")).isEqualTo(i);
      }
      assertThat(index.size("untracked.txt")).isEqualTo(-1);
      assertThat(index.read("src/F7.java")).hasValueSatisfying(
          bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("xxxxxxx"));
    }
  }

  private void git(String... args) throws Exception {
    var command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t", "-c", "user.email=t@example.com"));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
  }
}
