package dev.bulwark.cli;

import dev.bulwark.common.auth.BearerCredentials;
import dev.bulwark.common.auth.LocalAdminToken;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.cli.local.LocalCluster;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.dist.EmbeddedCluster;
import dev.bulwark.cli.history.HistoryWalker;
import dev.bulwark.cli.history.TestRepo;
import dev.bulwark.cli.scan.ScanClient;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.v1.ScanContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark scan --history} on a real repository written with JGit, through the real
 * embedded cluster (gateway, every scanner, gate): secrets that left the tree are found, once each,
 * naming their commit; a secret still in the tree is reported once, from the tree.
 */
@DisplayName("bulwark scan --history against the real embedded cluster")
class ScanHistoryTest {
  // Built by concatenation so that no complete token sits in the source.
  static final String REMOVED = "ghp_" + "Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9mN0pQ1";
  static final String IN_DELETED_FILE = "ghp_" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5";
  static final String STILL_THERE = "ghp_" + "Mn4bV6cX8zL1kJ3hG5fD7sA9pO2iU4yT6rE8";
  static final String ON_MERGED_BRANCH = "ghp_" + "Qw2eR4tY6uI8oP1aS3dF5gH7jK9lZ2xC4vB6";

  @TempDir
  static Path tmp;
  static Path repo;
  static RevCommit first;
  static RevCommit onFeature;

  @BeforeAll
  static void writeHistory() throws Exception {
    try (var git = TestRepo.init(tmp.resolve("payments"))) {
      repo = git.dir();
      first = git.write("config/app.env", "GITHUB_TOKEN=" + REMOVED + "\n")
          .write("deploy/release.env", "RELEASE_TOKEN=" + IN_DELETED_FILE + "\n")
          .write("src/settings.py", "TOKEN = \"" + STILL_THERE + "\"\n")
          .commit("first cut");
      git.write("config/app.env", "GITHUB_TOKEN=${GITHUB_TOKEN}\n")
          .write("src/settings.py", "# the token is still here\nTOKEN = \"" + STILL_THERE + "\"\n")
          .commit("read the token from the environment");
      git.branch("feature");
      onFeature = git.write("tools/ci.env", "CI_TOKEN=" + ON_MERGED_BRANCH + "\n").commit("ci token");
      git.delete("tools/ci.env").commit("oops");
      git.checkout("main").write("README.md", "payments\n").commit("readme");
      git.merge("feature");
      git.delete("deploy/release.env").commit("drop the release script");
    }
  }

  static CliRun scan(String home, String... extra) {
    var services = new ArrayList<EmbeddedService>();
    ServiceLoader.load(EmbeddedService.class).forEach(services::add);
    var args = new ArrayList<>(List.of("scan", repo.toString(), "--format", "json"));
    args.addAll(List.of(extra));
    return CliRun.run(tmp.resolve(home), services, args.toArray(String[]::new));
  }

  /** Secret findings by "path title", with their fingerprints. */
  static Map<String, String> secrets(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1); // committed secrets fail the gate
    JsonNode json = new ObjectMapper().readTree(run.out());
    var secrets = new TreeMap<String, String>();
    StreamSupport.stream(json.get("findings").spliterator(), false)
        .filter(f -> f.get("ruleId").asText().startsWith("secret."))
        .forEach(f -> assertThat(secrets.put(f.at("/location/path").asText() + " " + f.get("title").asText(),
            f.get("fingerprint").asText())).as("reported twice: " + f).isNull());
    return secrets;
  }

  @Test
  @DisplayName("removed, deleted and merged-branch secrets are found once each with their commit; the tree's once")
  void historySecretsAreFoundOnceWithTheirCommit() throws Exception {
    String token = "GitHub personal access token";
    var run = scan("home-a", "--history");
    var found = secrets(run);

    assertThat(found.keySet()).containsExactlyInAnyOrder(
        "src/settings.py " + token + " committed in source",
        "config/app.env " + token + " in git history (commit " + first.name().substring(0, 7) + ")",
        "deploy/release.env " + token + " in git history (commit " + first.name().substring(0, 7) + ")",
        "tools/ci.env " + token + " in git history (commit " + onFeature.name().substring(0, 7) + ")");
    assertThat(run.out()).doesNotContain(REMOVED).doesNotContain(IN_DELETED_FILE).doesNotContain(ON_MERGED_BRANCH);

    var again = secrets(scan("home-b", "--history"));
    assertThat(again).as("fingerprints are stable across runs").isEqualTo(found);
  }

  @Test
  @DisplayName("old manifests and Dockerfiles in the history are not given to the SCA or container scanner")
  void otherScannersIgnoreHistoryEntries() throws Exception {
    Path vulnerable = SharedFixtures.vulnerableApp();
    Path clean = SharedFixtures.cleanApp();
    Path copy = Files.createDirectories(tmp.resolve("vulnerable-now"));
    Files.copy(vulnerable.resolve("pom.xml"), copy.resolve("pom.xml"));
    Files.copy(vulnerable.resolve("Dockerfile"), copy.resolve("Dockerfile"));
    try (var git = TestRepo.init(tmp.resolve("fixed"))) {
      git.write("pom.xml", Files.readString(vulnerable.resolve("pom.xml")))
          .write("Dockerfile", Files.readString(vulnerable.resolve("Dockerfile"))).commit("vulnerable");
      git.write("pom.xml", Files.readString(clean.resolve("pom.xml")))
          .write("Dockerfile", Files.readString(clean.resolve("Dockerfile"))).commit("fixed");
    }
    var withHistory = nonSast(scanAt(tmp.resolve("fixed"), "home-g", "--history"));

    assertThat(nonSast(scanAt(copy, "home-h"))).as("the old versions, in a tree, are flagged")
        .anyMatch(f -> f.startsWith("sca ")).anyMatch(f -> f.startsWith("container "));
    assertThat(withHistory).isEqualTo(nonSast(scanAt(tmp.resolve("fixed"), "home-i")));
  }

  static CliRun scanAt(Path folder, String home, String... extra) {
    var services = new ArrayList<EmbeddedService>();
    ServiceLoader.load(EmbeddedService.class).forEach(services::add);
    var args = new ArrayList<>(List.of("scan", folder.toString(), "--format", "json",
        "--advisories", SharedFixtures.osv().toString()));
    args.addAll(List.of(extra));
    return CliRun.run(tmp.resolve(home), services, args.toArray(String[]::new));
  }

  /** The SCA and container findings of a run, as "scanner rule path". */
  static List<String> nonSast(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    return StreamSupport.stream(json.get("findings").spliterator(), false)
        .filter(f -> !f.get("scanner").asText().equals("sast"))
        .map(f -> f.get("scanner").asText() + " " + f.get("ruleId").asText() + " " + f.at("/location/path").asText())
        .sorted().toList();
  }

  @Test
  @DisplayName("a second --history scan against the same gateway sends the history entries but uploads no blob")
  void aRepeatedHistoryScanUploadsNothing() throws Exception {
    var services = new ArrayList<EmbeddedService>();
    ServiceLoader.load(EmbeddedService.class).forEach(services::add);
    var settings = new LocalCluster.Settings(tmp.resolve("home-j"), Optional.empty(), Map.of(), 0);
    try (var cluster = new EmbeddedCluster(services).start(settings)) {
      var channel = Channels.forTarget(cluster.target("gateway"), ClientSecurity.NONE.withCredentials(
          BearerCredentials.of(LocalAdminToken.read(tmp.resolve("home-j")).orElseThrow())));
      try {
        var progress = new ArrayList<String>();
        var client = new ScanClient(channel, progress::add);
        var request = new ScanClient.Request(repo, List.of(), ScanContext.newBuilder().setProject("payments").build(),
            120, "", "", HistoryWalker.Bounds.ALL);
        var first = client.scan(request);
        var second = client.scan(request);

        // the tree: README.md, config/app.env, src/settings.py; the history adds app.env's and settings.py's
        // first versions, release.env and ci.env (the other three versions are the tree's content)
        assertThat(progress).contains("history: 7 commit(s), 4 file version(s) no longer in the tree"
            + " (3 already in it, 0 binary, oversized or generated left out)");
        assertThat(first.filesPacked()).isEqualTo(second.filesPacked()).isEqualTo(3 + 4);
        assertThat(first.blobsUploaded()).isEqualTo(first.blobsTotal()).isEqualTo(7);
        assertThat(second.blobsUploaded()).isZero();
        assertThat(second.result().getFindingsList()).filteredOn(f -> f.getFinding().getTitle().contains("git history"))
            .hasSize(3);
      } finally {
        Channels.close(channel);
      }
    }
  }

  @Test
  @DisplayName("without --history only the tree is scanned")
  void withoutTheFlagOnlyTheTree() throws Exception {
    assertThat(secrets(scan("home-c")).keySet()).containsExactly(
        "src/settings.py GitHub personal access token committed in source");
  }

  @Test
  @DisplayName("--history-depth 1 reaches only HEAD's commit, where nothing secret was left behind")
  void depthBoundsTheHistory() throws Exception {
    assertThat(secrets(scan("home-d", "--history-depth", "1")).keySet()).containsExactly(
        "src/settings.py GitHub personal access token committed in source");
  }

  @Test
  @DisplayName("the scan command's help documents --history and its bounds")
  void helpDocumentsTheFlags() {
    String help = CliRun.run(tmp.resolve("home-f"), List.of(), "scan", "--help").out();
    assertThat(help).contains("--history ").contains("secrets").contains("--history-depth=N")
        .contains("--history-since=DATE").contains("fetch-depth: 0");
  }

  @Test
  @DisplayName("--history outside a git repository is a clear error with exit code 2")
  void notAGitRepository() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(plain.resolve("a.txt"), "hello\n");
    var services = new ArrayList<EmbeddedService>();
    var run = CliRun.run(tmp.resolve("home-e"), services, "scan", plain.toString(), "--history");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--history needs a git repository").contains("not in a git repository");
    assertThat(CliRun.run(tmp.resolve("home-e"), services, "scan", plain.toString(), "--history-since", "last week")
        .err()).contains("--history-since 'last week' is not a date");
  }
}
