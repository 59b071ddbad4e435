package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.history.TestRepo;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.server.embedded.EmbeddedService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("bulwark scan of a git work tree, through the real embedded cluster: what git holds, and nothing of ours")
class GitTreeScanEndToEndTest {
  static final String COMMITTED_KEY = "aws.secretAccessKey=hk5rlkKeyzZsggCFDWHsjCTJbryqzvr5ou11tf0b\n";
  static final String IGNORED_TOKEN = "github.token=ghp_2tv0CQJ9UQThLlTpjMpDXIUBeLofvdQE7bHr\n";
  static final String UNTRACKED_TOKEN = "TOKEN = \"ghp_2tv0CQJ9UQThLlTpjMpDXIUBeLofvdQE7bHr\"\n";

  @TempDir
  Path tmp;

  @Test
  void aCommittedFileMatchingGitignoreIsScannedIgnoredUntrackedOnesAndOurOwnHomeAreNotAndAGrowingFileIsNoError()
      throws Exception {
    Path repo;
    try (var git = TestRepo.init(tmp.resolve("benchmark"))) {
      // committed first, then matched by .gitignore: still part of the repository
      git.write("benchmark.properties", "hashAlg1=MD5\n" + COMMITTED_KEY).write("src/App.java", "class App {}\n")
          .commit("benchmark configuration");
      git.write(".gitignore", "*.properties\n*.log\n").commit("ignore local configuration");
      repo = git.dir();
    }
    Files.writeString(repo.resolve("local.properties"), IGNORED_TOKEN); // untracked and ignored
    Files.writeString(repo.resolve("src/settings.py"), UNTRACKED_TOKEN); // untracked, not ignored
    Path home = repo.resolve(".bulwark-home"); // BULWARK_HOME inside the scanned folder, not ignored
    Path journal = Files.createDirectories(repo.resolve("data")).resolve("journal.txt");
    Files.writeString(journal, "started\n");

    var writing = new AtomicBoolean(true);
    var writer = new Thread(() -> {
      byte[] line = "event: payment accepted\n".repeat(400).getBytes(StandardCharsets.UTF_8);
      while (writing.get()) {
        try {
          Files.write(journal, line, StandardOpenOption.APPEND); // a log that grows while the tree is packed
          Thread.sleep(2);
        } catch (Exception e) {
          return;
        }
      }
    });
    writer.start();
    CliRun run;
    try {
      var services = new ArrayList<EmbeddedService>();
      ServiceLoader.load(EmbeddedService.class).forEach(services::add);
      run = CliRun.run(home, services, "scan", repo.toString(), "--format", "json");
    } finally {
      writing.set(false);
      writer.join();
    }

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1); // FAIL on the secrets, never ERROR
    assertThat(run.err()).doesNotContain("larger than its digest");
    JsonNode json = new ObjectMapper().readTree(run.out());
    var paths = StreamSupport.stream(json.get("findings").spliterator(), false)
        .map(f -> f.at("/location/path").asText()).toList();
    assertThat(paths).contains("benchmark.properties", "src/settings.py")
        .doesNotContain("local.properties")
        .noneMatch(p -> p.startsWith(".bulwark-home"));
  }
}
