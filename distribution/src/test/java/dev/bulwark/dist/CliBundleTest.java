package dev.bulwark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.common.testing.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin client's release bundle ({@code client/target/bulwark-cli-<version>-linux-x64.tar.gz}),
 * unpacked into an empty folder and run with an empty environment — no JDK on {@code PATH}, no
 * {@code JAVA_HOME} — against a real cluster: what a pipeline runner without Java does.
 */
@DisplayName("the bulwark-cli bundle runs with its own runtime on a machine without a JDK")
class CliBundleTest {
  @TempDir
  static Path tmp;
  static Path launcher;
  static EmbeddedCluster cluster;

  @BeforeAll
  static void unpackAndStart() throws Exception {
    Path bundle = bundle();
    Path unpacked = Files.createDirectories(tmp.resolve("runner"));
    run(List.of("tar", "-C", unpacked.toString(), "-xzf", bundle.toString()), Map.of("PATH", "/usr/bin:/bin"));
    launcher = unpacked.resolve("bulwark-cli/bin/bulwark");
    cluster = EmbeddedCluster.fromClasspath().requireComplete().start(new LocalCluster.Settings(
        tmp.resolve("home"), Optional.of(SharedFixtures.osv()), Map.of(), 0));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static Path bundle() throws IOException {
    Path target = SharedFixtures.repoRoot().resolve("client/target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("bulwark-cli-.+-linux-x64\\.tar\\.gz"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no bulwark-cli bundle in " + target
              + " (the client module's package phase builds it; -Dbulwark.bundle.skip leaves it out)"));
    }
  }

  @Test
  @DisplayName("the bundle holds a launcher, the thin jar and a jlink'd runtime, and no service")
  void bundleLayout() throws Exception {
    Path home = launcher.getParent().getParent();
    assertThat(home.resolve("runtime/bin/java")).isExecutable();
    assertThat(home.resolve("lib/bulwark-cli.jar")).isRegularFile();
    var entries = new ArrayList<String>();
    try (var jar = new ZipFile(home.resolve("lib/bulwark-cli.jar").toFile())) {
      jar.stream().forEach(e -> entries.add(e.getName()));
    }
    assertThat(entries).contains("dev/bulwark/cli/Main.class");
    assertThat(entries).noneMatch(e -> e.startsWith("dev/bulwark/gateway/") || e.startsWith("dev/bulwark/gate/")
        || e.startsWith("dev/bulwark/sast/") || e.startsWith("dev/bulwark/server/") || e.startsWith("io/dropwizard/"));
  }

  /** The cluster's local admin token (the embedded cluster authenticates every call). */
  static String token() {
    return dev.bulwark.common.auth.LocalAdminToken.read(tmp.resolve("home")).orElseThrow();
  }

  @Test
  @DisplayName("with an empty environment, bulwark scan --gateway of an empty folder gives PASS and exit 0")
  void scanOfAnEmptyFolder() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    var run = bulwark("scan", "--gateway", cluster.target("gateway"), "--token", token(), "--format", "json",
        empty.toString());
    assertThat(run.exitCode()).as(run.output()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.stdout());
    assertThat(json.path("decision").asText()).isEqualTo("PASS");
  }

  @Test
  @DisplayName("every report format works on the bundle's runtime (the jlink'd modules suffice)")
  void everyReportFormat() throws Exception {
    // A slice of the vulnerable app: a Dockerfile and a Python manifest give container, secret and
    // dependency findings without the time the whole app's scan takes.
    Path app = Files.createDirectories(tmp.resolve("app/scripts"));
    Files.copy(SharedFixtures.vulnerableApp().resolve("Dockerfile"), app.getParent().resolve("Dockerfile"));
    Files.copy(SharedFixtures.vulnerableApp().resolve("scripts/requirements.txt"), app.resolve("requirements.txt"));
    app = app.getParent();
    for (String format : List.of("sarif", "junit", "gitlab-sast", "gitlab-dependency-scanning", "cyclonedx",
        "table")) {
      Path out = tmp.resolve("report-" + format);
      var run = bulwark("scan", "--gateway", cluster.target("gateway"), "--token", token(), "--format", format,
          "--output",
          out.toString(), app.toString());
      assertThat(run.exitCode()).as(format + ": " + run.output()).isEqualTo(1); // FAIL: the app is vulnerable
      assertThat(Files.size(out)).as(format).isGreaterThan(100);
      assertThat(run.stderr()).as(format).doesNotContain("Exception", "NoClassDefFoundError");
    }
  }

  @Test
  @DisplayName("the GitHub Actions example's install step installs the bundle, and refuses one with a wrong checksum")
  void theCiExampleInstallsTheBundle() throws Exception {
    var workflow = new ObjectMapper(new YAMLFactory()).readTree(
        SharedFixtures.repoRoot().resolve("examples/ci/github-actions.yml").toFile());
    String install = null;
    for (JsonNode step : workflow.at("/jobs/scan/steps")) {
      if (step.path("name").asText().equals("Install bulwark-cli")) {
        install = step.path("run").asText();
      }
    }
    assertThat(install).isNotNull();
    Path bundle = bundle();
    String sha = Files.readString(Path.of(bundle + ".sha256")).split("\\s+")[0];
    Path runnerTemp = Files.createDirectories(tmp.resolve("runner-temp"));
    Path githubPath = tmp.resolve("github-path");
    var env = Map.of("PATH", "/usr/bin:/bin", "RUNNER_TEMP", runnerTemp.toString(), "GITHUB_PATH",
        githubPath.toString(), "BULWARK_CLI_URL", bundle.toUri().toString(), "BULWARK_CLI_SHA256", sha);
    var installed = run(List.of("bash", "-c", install), env);
    assertThat(installed.exitCode()).as(installed.output()).isZero();
    Path bin = Path.of(Files.readString(githubPath).strip());
    var version = run(List.of(bin.resolve("bulwark").toString(), "--version"), Map.of("PATH", "/nonexistent"));
    assertThat(version.stdout()).startsWith("bulwark ");

    var tampered = new HashMap<>(env);
    tampered.put("BULWARK_CLI_SHA256", "0".repeat(64));
    assertThat(run(List.of("bash", "-c", install), tampered).exitCode()).isNotZero();
  }

  @Test
  @DisplayName("an unreachable gateway is one clear line and exit 2")
  void unreachableGateway() throws Exception {
    var run = bulwark("scan", "--gateway", "127.0.0.1:1", tmp.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("cannot reach the gateway at 127.0.0.1:1").doesNotContain("\tat ");
  }

  /** The launcher with nothing inherited: no PATH to a JDK, no JAVA_HOME. */
  Result bulwark(String... args) throws Exception {
    var command = new ArrayList<String>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    return run(command, Map.of("PATH", "/nonexistent", "HOME", tmp.toString()));
  }

  record Result(int exitCode, String stdout, String stderr) {
    String output() {
      return stdout + stderr;
    }
  }

  static Result run(List<String> command, Map<String, String> environment) throws Exception {
    var pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(environment);
    Path out = Files.createTempFile("bundle-out", ".txt");
    Path err = Files.createTempFile("bundle-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    var result = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
