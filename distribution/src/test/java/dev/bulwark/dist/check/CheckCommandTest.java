package dev.bulwark.dist.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.server.embedded.EmbeddedService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark check}, the pre-commit hook's in-process path, on real git repositories with the
 * real analyzers and the real gate code, compared with a full scan by the embedded cluster.
 */
@DisplayName("bulwark check: staged files checked in-process")
class CheckCommandTest {
  static final String AWS_KEY = "AKIAQWERTYUIOPASDFGH";

  @TempDir
  Path tmp;
  Path repo;

  @BeforeEach
  void repository() throws Exception {
    repo = Files.createDirectories(tmp.resolve("shop"));
    git("init", "-q");
  }

  @Test
  @DisplayName("blocks exactly the SAST findings (secrets included) a full scan of the same tree reports")
  void sameFindingsAsTheFullScan() throws Exception {
    copyTree(SharedFixtures.vulnerableApp(), repo);
    Files.writeString(repo.resolve("config/.env"), "AWS_ACCESS_KEY_ID=" + AWS_KEY + "\n");
    git("add", "-A");

    var check = run("check", "--staged", "--repo", repo.toString(), "--format", "json");
    var scan = CliRun.run(tmp.resolve("home"), realServices(), "scan", repo.toString(), "--format", "json");

    assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(1);
    var checked = sastFindings(check.out());
    assertThat(checked).anyMatch(f -> f.contains("config/.env")).anyMatch(f -> f.contains("OrderServlet.java"))
        .anyMatch(f -> f.contains("app.js")).anyMatch(f -> f.contains("report.py"));
    assertThat(checked).containsExactlyInAnyOrderElementsOf(sastFindings(scan.out()));
    assertThat(json(check.out()).get("decision").asText()).isEqualTo("FAIL");

    // again, with the rule packs read back from what the first check kept in <home>/cache/rules
    try (var kept = Files.list(tmp.resolve("home/cache/rules"))) {
      assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("secrets-"));
    }
    var again = run("check", "--staged", "--repo", repo.toString(), "--format", "json");
    assertThat(again.exitCode()).as(again.err()).isEqualTo(1);
    assertThat(sastFindings(again.out())).isEqualTo(checked);
  }

  @Test
  @DisplayName("checks only the staged changes, as staged: not the working tree, not the files left unchanged")
  void theIndexNotTheWorkingTree() throws Exception {
    Files.writeString(repo.resolve("old.env"), "AWS_ACCESS_KEY_ID=" + AWS_KEY + "\n");
    git("add", "old.env");
    git("commit", "-q", "-m", "an old secret, already committed");
    Files.writeString(repo.resolve("app.py"), "TOKEN = 'ghp_" + "x".repeat(4) + "'\nprint('clean')\n");
    git("add", "app.py");
    Files.writeString(repo.resolve("app.py"), "password = 'AKIAZZZZZZZZZZZZZZZZ'\n"); // not staged
    Files.writeString(repo.resolve("untracked.env"), "AWS_ACCESS_KEY_ID=" + AWS_KEY + "\n");

    var clean = run("check", "--staged", "--repo", repo.toString(), "--format", "json");
    assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
    assertThat(json(clean.out()).get("findings")).isEmpty();

    Files.writeString(repo.resolve("app.py"), "AWS_ACCESS_KEY_ID = '" + AWS_KEY + "'\n");
    git("add", "app.py");
    Files.writeString(repo.resolve("app.py"), "print('fixed in the working tree, not in the index')\n");
    var blocked = run("check", "--staged", "--repo", repo.resolve("..").resolve("shop").toString(), "--format", "json");
    assertThat(blocked.exitCode()).as(blocked.err()).isEqualTo(1);
    assertThat(sastFindings(blocked.out())).isNotEmpty().allMatch(f -> f.contains(" app.py:1 "));
  }

  @Test
  @DisplayName("the repository's ignore file in the index suppresses, as it does in the gate")
  void repositorySuppressionsApply() throws Exception {
    Files.writeString(repo.resolve("deploy.env"), "AWS_ACCESS_KEY_ID=" + AWS_KEY + "\n");
    git("add", "deploy.env");
    var blocked = run("check", "--staged", "--repo", repo.toString(), "--format", "json");
    assertThat(blocked.exitCode()).isEqualTo(1);
    String rule = json(blocked.out()).get("findings").get(0).get("ruleId").asText();

    Files.writeString(repo.resolve(".bulwarkignore.yaml"), """
        suppressions:
          - rule: %s
            path: deploy.env
            reason: a documented example key
            expires: %s
        """.formatted(rule, java.time.LocalDate.now().plusMonths(1)));
    var unstagedIgnore = run("check", "--staged", "--repo", repo.toString(), "--format", "json");
    assertThat(unstagedIgnore.exitCode()).as("an ignore file that is not staged does not count").isEqualTo(1);

    git("add", ".bulwarkignore.yaml");
    var passed = run("check", "--staged", "--repo", repo.toString(), "--format", "json");
    assertThat(passed.exitCode()).as(passed.out() + passed.err()).isZero();
    assertThat(json(passed.out()).get("findings").get(0).get("status").asText()).isEqualTo("SUPPRESSED");
  }

  @Test
  @DisplayName("a staged Java file is analysed with the rest of the index as its project (calls into other files)")
  void crossFileJavaUsesTheIndex() throws Exception {
    var src = Files.createDirectories(repo.resolve("src/main/java/demo"));
    Files.writeString(src.resolve("Repo.java"), """
        package demo;
        public class Repo {
          private final java.sql.Connection db = null;
          public void find(String id) throws Exception {
            db.createStatement().executeQuery("SELECT * FROM t WHERE id = '" + id + "'");
          }
        }
        """);
    git("add", "-A");
    git("commit", "-q", "-m", "the repository class");
    Files.writeString(src.resolve("Web.java"), """
        package demo;
        import javax.servlet.http.HttpServletRequest;
        public class Web {
          private final Repo repo = new Repo();
          public void get(HttpServletRequest request) throws Exception {
            repo.find(request.getParameter("id"));
          }
        }
        """);
    git("add", "-A");

    var check = run("check", "--staged", "--repo", repo.toString(), "--format", "json");
    var scan = CliRun.run(tmp.resolve("home"), realServices(), "scan", repo.toString(), "--format", "json");

    var checked = sastFindings(check.out());
    assertThat(checked).as(check.out()).anyMatch(f -> f.contains("Web.java"));
    assertThat(checked).containsExactlyInAnyOrderElementsOf(sastFindings(scan.out()).stream()
        .filter(f -> f.contains("Web.java")).toList());
  }

  @Test
  @DisplayName("checks the FILEs given, from the working tree")
  void filesFromTheWorkingTree() throws Exception {
    Files.createDirectories(repo.resolve("web"));
    Files.writeString(repo.resolve("web/app.env"), "AWS_ACCESS_KEY_ID=" + AWS_KEY + "\n");
    Files.writeString(repo.resolve("notes.txt"), "nothing here\n");

    var one = run("check", "--repo", repo.toString(), "--format", "json", "notes.txt");
    assertThat(one.exitCode()).as(one.err()).isZero();
    var folder = run("check", "--repo", repo.toString(), "--format", "json", "web");
    assertThat(folder.exitCode()).as(folder.err()).isEqualTo(1);
    assertThat(sastFindings(folder.out())).allMatch(f -> f.contains("web/app.env"));
  }

  @Test
  @DisplayName("bad input is one clear line and exit 2")
  void badInput() throws Exception {
    var notRepo = Files.createDirectories(tmp.resolve("plain"));
    var outside = run("check", "--staged", "--repo", notRepo.toString());
    assertThat(outside.exitCode()).isEqualTo(2);
    assertThat(outside.err()).contains("not a git repository");
    assertThat(run("check", "--repo", repo.toString()).err()).contains("give --staged or FILEs");
    assertThat(run("check", "--repo", repo.toString(), "missing.txt").err()).contains("no such file: missing.txt");
    assertThat(run("check", "--staged", "--repo", repo.toString(), "--format", "xml").err()).contains("unknown --format");
  }

  // --- helpers ---

  CliRun run(String... args) {
    return CliRun.run(tmp.resolve("home"), List.of(), args);
  }

  static List<EmbeddedService> realServices() {
    return ServiceLoader.load(EmbeddedService.class).stream().map(ServiceLoader.Provider::get).toList();
  }

  static JsonNode json(String out) throws IOException {
    return new ObjectMapper().readTree(out);
  }

  /** "ruleId path:line fingerprint" of every SAST finding of a JSON report. */
  static Set<String> sastFindings(String out) throws IOException {
    var found = new TreeSet<String>();
    for (JsonNode f : json(out).get("findings")) {
      if (f.get("scanner").asText().equals("sast")) {
        found.add(f.get("ruleId").asText() + " " + f.get("location").get("path").asText() + ":"
            + f.get("location").get("startLine").asInt() + " " + f.get("fingerprint").asText());
      }
    }
    return found;
  }

  void git(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
        "-c", "init.defaultBranch=main", "-C", repo.toString()));
    command.addAll(List.of(args));
    var p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
