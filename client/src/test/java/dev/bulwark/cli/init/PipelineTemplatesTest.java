package dev.bulwark.cli.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.common.cas.Digests;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipelines {@code bulwark init} writes are Bulwark's CI examples with the given values set,
 * and they still run: the GitHub job's shell steps run here under bash, with the defaults init
 * wrote, against a loopback server publishing a bulwark-cli bundle whose launcher records how it
 * was called.
 */
@DisplayName("bulwark init's pipelines: the CI examples with the given gateway, bundle URL and checksum")
class PipelineTemplatesTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Pattern GITHUB_DEFAULT = Pattern.compile("^\\$\\{\\{ vars\\.\\w+ \\|\\| '(.*)' }}$");

  @TempDir
  static Path tmp;
  static HttpServer server;
  static StarterFiles.Settings settings;

  @BeforeAll
  static void publishAFakeRelease() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bundle/bulwark-cli/bin"));
    Files.writeString(bin.resolve("bulwark"), """
        #!/usr/bin/env bash
        # stands in for the thin client: records its arguments, exits as told
        echo "$*" >> "$BULWARK_CALLS"
        exit "${FAKE_EXIT:-0}"
        """);
    Files.setPosixFilePermissions(bin.resolve("bulwark"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path tarball = tmp.resolve("bulwark-cli-0.3.1-linux-x64.tar.gz");
    assertThat(run(tmp, Map.of(), "tar", "-czf", tarball.toString(), "-C", tmp.resolve("bundle").toString(),
        "bulwark-cli")).isZero();
    byte[] bytes = Files.readAllBytes(tarball);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/bulwark/", exchange -> {
      try (exchange) {
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/bulwark/0.3.1/bulwark-cli-0.3.1-linux-x64.tar.gz";
    settings = new StarterFiles.Settings("bulwark.internal:7070", url, Digests.sha256Hex(bytes), "trunk");
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static int run(Path dir, Map<String, String> env, String... command) throws Exception {
    var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    var p = pb.start();
    System.out.print(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  static JsonNode step(JsonNode steps, String name) {
    return StreamSupport.stream(steps.spliterator(), false).filter(s -> s.path("name").asText().equals(name))
        .findFirst().orElseThrow();
  }

  static String githubDefault(JsonNode env, String name) {
    var m = GITHUB_DEFAULT.matcher(env.get(name).asText());
    assertThat(m.matches()).as(name + ": " + env.get(name)).isTrue();
    return m.group(1);
  }

  @Test
  void withoutValuesEachPipelineIsTheCiExampleAsDocumented() throws Exception {
    var none = new StarterFiles.Settings(null, null, null, "main");
    for (CiSystem system : CiSystem.values()) {
      assertThat(StarterFiles.pipeline(system, none)).isEqualTo(StarterFiles.resource(system.template));
    }
  }

  @Test
  void theGithubJobWithInitsDefaultsInstallsTheCheckedBundleAndScansThroughTheGateway() throws Exception {
    JsonNode workflow = YAML.readTree(StarterFiles.pipeline(CiSystem.GITHUB, settings));
    JsonNode job = workflow.at("/jobs/scan");
    assertThat(workflow.at("/on/push/branches/0").asText()).isEqualTo("trunk");
    Path checkout = Files.createDirectories(tmp.resolve("github/checkout"));
    Path calls = tmp.resolve("github/calls.txt");
    Path githubPath = tmp.resolve("github/path");
    Path githubOutput = tmp.resolve("github/output");
    var env = new HashMap<>(Map.of("RUNNER_TEMP", Files.createDirectories(tmp.resolve("github/runner")).toString(),
        "GITHUB_PATH", githubPath.toString(), "GITHUB_OUTPUT", githubOutput.toString(),
        "GITHUB_REPOSITORY", "acme/shop", "GITHUB_REF_NAME", "trunk", "GITHUB_SHA", "0123abc",
        "BULWARK_CALLS", calls.toString(), "FAKE_EXIT", "1"));
    for (String name : new String[] {"BULWARK_GATEWAY", "BULWARK_CLI_URL", "BULWARK_CLI_SHA256"}) {
      env.put(name, githubDefault(job.get("env"), name)); // what GitHub gives when the variable is unset
    }

    assertThat(run(checkout, env, "bash", "-c", step(job.get("steps"), "Install bulwark-cli").get("run").asText()))
        .isZero();
    env.put("PATH", Files.readString(githubPath).strip() + ":" + System.getenv("PATH"));
    assertThat(run(checkout, env, "bash", "-c", step(job.get("steps"), "Scan").get("run").asText())).isZero();

    assertThat(Files.readString(calls).strip()).isEqualTo("scan . --gateway bulwark.internal:7070 --format sarif"
        + " --output bulwark.sarif --baseline-branch trunk --project acme/shop --branch trunk --commit 0123abc");
    assertThat(Files.readString(githubOutput).strip()).isEqualTo("exit=1");
    String gate = step(job.get("steps"), "Gate").get("run").asText().replace("${{ steps.scan.outputs.exit }}", "1");
    assertThat(run(checkout, env, "bash", "-c", gate)).isEqualTo(1);
  }

  @Test
  void aTamperedBundleIsNeverUnpacked() throws Exception {
    var tampered = new StarterFiles.Settings(settings.gateway(), settings.cliUrl(), "0".repeat(64), "main");
    JsonNode job = YAML.readTree(StarterFiles.pipeline(CiSystem.GITHUB, tampered)).at("/jobs/scan");
    Path runner = Files.createDirectories(tmp.resolve("tampered/runner"));
    var env = Map.of("RUNNER_TEMP", runner.toString(), "GITHUB_PATH", tmp.resolve("tampered/path").toString(),
        "BULWARK_CLI_URL", githubDefault(job.get("env"), "BULWARK_CLI_URL"),
        "BULWARK_CLI_SHA256", githubDefault(job.get("env"), "BULWARK_CLI_SHA256"));

    assertThat(run(runner, env, "bash", "-c", step(job.get("steps"), "Install bulwark-cli").get("run").asText()))
        .isNotZero();
    assertThat(runner.resolve("bulwark-cli")).doesNotExist();
  }

  @Test
  void gitlabAndJenkinsGetTheValuesAsDefaultsOfTheirVariables() throws Exception {
    JsonNode gitlab = YAML.readTree(StarterFiles.pipeline(CiSystem.GITLAB, settings)).get("bulwark");
    assertThat(gitlab.at("/variables/BULWARK_GATEWAY").asText()).isEqualTo("bulwark.internal:7070");
    assertThat(gitlab.at("/variables/BULWARK_CLI_URL").asText()).isEqualTo(settings.cliUrl());
    assertThat(gitlab.at("/variables/BULWARK_CLI_SHA256").asText()).isEqualTo(settings.cliSha256());
    assertThat(gitlab.at("/variables/BASELINE").asText()).isEqualTo("$CI_DEFAULT_BRANCH");

    String jenkins = StarterFiles.pipeline(CiSystem.JENKINS, settings);
    assertThat(jenkins).contains("BULWARK_GATEWAY = 'bulwark.internal:7070'", "BULWARK_CLI_URL = '" + settings.cliUrl()
        + "'", "BULWARK_CLI_SHA256 = '" + settings.cliSha256() + "'", "BASELINE = 'trunk'");
  }

  @Test
  void theJenkinsInstallStageUnpacksTheBundleOutsideTheWorkspaceWhereTheScanStageRunsIt() throws Exception {
    String jenkinsfile = StarterFiles.pipeline(CiSystem.JENKINS, settings);
    int start = jenkinsfile.indexOf("sh '''") + 6;
    String install = jenkinsfile.substring(start, jenkinsfile.indexOf("'''", start));
    Path workspace = Files.createDirectories(tmp.resolve("jenkins/workspace"));
    Path workspaceTmp = Files.createDirectories(tmp.resolve("jenkins/workspace@tmp"));
    var env = Map.of("WORKSPACE_TMP", workspaceTmp.toString(), "BULWARK_CLI_URL", settings.cliUrl(),
        "BULWARK_CLI_SHA256", settings.cliSha256());

    assertThat(run(workspace, env, "bash", "-c", install)).isZero();

    assertThat(workspaceTmp.resolve("bulwark/bulwark-cli/bin/bulwark")).isExecutable();
    try (var files = Files.list(workspace)) {
      assertThat(files).isEmpty(); // nothing of the bundle where the checkout is scanned
    }
    // the scan stage's Groovy string runs that same launcher
    assertThat(jenkinsfile).contains("\\\"\\${WORKSPACE_TMP:-/tmp}/bulwark/bulwark-cli/bin/bulwark\\\" scan .");
  }

  @Test
  void valuesAreQuotedForTheFileTheyGoInto() throws Exception {
    var odd = new StarterFiles.Settings("it's:7070", "https://x/a\"b'c$1.tar.gz", null, "main");

    assertThat(YAML.readTree(StarterFiles.pipeline(CiSystem.GITLAB, odd)).at("/bulwark/variables/BULWARK_CLI_URL")
        .asText()).isEqualTo("https://x/a\"b'c$1.tar.gz");
    assertThat(githubDefault(YAML.readTree(StarterFiles.pipeline(CiSystem.GITHUB, odd)).at("/jobs/scan/env"),
        "BULWARK_GATEWAY")).isEqualTo("it''s:7070"); // '' is how a GitHub expression writes '
    assertThat(StarterFiles.pipeline(CiSystem.JENKINS, odd)).contains("BULWARK_GATEWAY = 'it\\'s:7070'");
  }

  @Test
  void anExampleThatNoLongerSetsAValueWhereInitExpectsItFailsLoudly() {
    assertThatThrownBy(() -> CiSettings.apply(CiSystem.JENKINS, "pipeline {}\n",
        new CiSettings.Values("gw:1", null, null, null)))
        .hasMessageContaining("examples/ci/Jenkinsfile does not set BULWARK_GATEWAY");
  }
}
