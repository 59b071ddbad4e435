package dev.bulwark.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.history.HistoryWalker.Bounds;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.v1.FileEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History versions as manifest entries: what is left out, and what an entry says. */
class HistoryPackerTest {
  @TempDir
  Path tmp;

  @Test
  @DisplayName("versions the tree no longer holds become history entries with commit and path; the spool writes them")
  void entriesNameCommitAndPath() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("repo"))) {
      var first = repo.write("conf/app.env", "TOKEN=old\n").write("keep.txt", "kept\n").commit("one");
      repo.write("conf/app.env", "TOKEN=${TOKEN}\n").commit("two");
      Set<String> tree = Set.of(hash("TOKEN=${TOKEN}\n"), hash("kept\n"));

      var packed = new HistoryPacker(1024, p -> true).pack(repo.dir(), Bounds.ALL, tree);

      assertThat(packed.commits()).isEqualTo(2);
      assertThat(packed.inTree()).isEqualTo(2);
      FileEntry entry = packed.files().get(0);
      assertThat(packed.files()).hasSize(1);
      assertThat(entry.getHistoryCommit()).isEqualTo(first.name());
      assertThat(entry.getHistoryPath()).isEqualTo("conf/app.env");
      assertThat(entry.getPath()).startsWith(HistoryPacker.PATH_PREFIX)
          .hasSize(HistoryPacker.PATH_PREFIX.length() + 40);
      assertThat(entry.getDigest()).isEqualTo(Digests.of("TOKEN=old\n".getBytes(StandardCharsets.UTF_8)));
      try (var spool = new HistorySpool(repo.dir(), packed.blobs())) {
        Path file = spool.write(entry.getDigest());
        assertThat(Files.readString(file)).isEqualTo("TOKEN=old\n");
        spool.close();
        assertThat(file).doesNotExist();
      }
    }
  }

  @Test
  @DisplayName("binary versions (a NUL byte, or invalid UTF-8) are left out like the scanner leaves them out")
  void binaryVersionsAreSkipped() throws Exception {
    try (var repo = TestRepo.init(tmp.resolve("repo"))) {
      repo.write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1})
          .write("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9})
          .write("text.txt", "plain\n").commit("one");
      repo.delete("logo.png").delete("latin1.txt").delete("text.txt").commit("gone");

      var packed = new HistoryPacker(1024, p -> true).pack(repo.dir(), Bounds.ALL, Set.of());

      assertThat(packed.files()).extracting(FileEntry::getHistoryPath).containsExactly("text.txt");
      assertThat(packed.skipped()).isEqualTo(2);
    }
  }

  private static String hash(String text) {
    return Digests.of(text.getBytes(StandardCharsets.UTF_8)).getHash();
  }
}
