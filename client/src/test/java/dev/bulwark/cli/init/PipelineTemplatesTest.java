package dev.bulwark.cli.init;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipelines {@code bulwark init} writes really install and run the released thin client: their
 * shell steps run here under bash against a loopback server serving a bulwark-cli tar.gz whose
 * {@code bulwark-cli/bin/bulwark} records how it was called.
 */
@DisplayName("bulwark init's pipelines download bulwark-cli, scan through the gateway and gate on the exit code")
class PipelineTemplatesTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  static Path tmp;
  static HttpServer server;
  static String url;
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
    Path tarball = tmp.resolve("bulwark-cli-0.3.1.tar.gz");
    run(tmp, Map.of(), "tar", "-czf", tarball.toString(), "-C", tmp.resolve("bundle").toString(), "bulwark-cli");
    byte[] bytes = Files.readAllBytes(tarball);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/releases/0.3.1/bulwark-cli-0.3.1.tar.gz", exchange -> {
      try (exchange) {
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/releases/@BULWARK_VERSION@/bulwark-cli-@BULWARK_VERSION@.tar.gz";
    settings = new StarterFiles.Settings("0.3.1", url, "bulwark.internal:7070", "main");
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  /** Runs a command; returns its exit code (output goes to the test's log). */
  static int run(Path dir, Map<String, String> env, String... command) throws Exception {
    var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    var p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    System.out.print(out);
    return p.exitValue();
  }

  static Path checkout(String name) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name + "/checkout"));
    Files.writeString(dir.resolve("app.py"), "print('hi')\n");
    return dir;
  }

  static JsonNode step(JsonNode steps, String name) {
    return StreamSupport.stream(steps.spliterator(), false).filter(s -> s.path("name").asText().equals(name))
        .findFirst().orElseThrow();
  }

  @Test
  void githubActionsInstallsTheReleaseOutsideTheCheckoutScansThroughTheGatewayAndFailsOnExit1() throws Exception {
    JsonNode job = YAML.readTree(StarterFiles.fill("github-actions.yml", settings)).at("/jobs/scan");
    assertThat(job.at("/env/BULWARK_CLI_URL").asText()).isEqualTo("${{ vars.BULWARK_CLI_URL || '"
        + url.replace("@BULWARK_VERSION@", "0.3.1") + "' }}");
    Path checkout = checkout("github");
    Path calls = tmp.resolve("github/calls.txt");
    Path githubEnv = tmp.resolve("github/env");
    Path githubOutput = tmp.resolve("github/output");
    var env = new HashMap<>(Map.of("RUNNER_TEMP", Files.createDirectories(tmp.resolve("github/runner")).toString(),
        "GITHUB_ENV", githubEnv.toString(), "GITHUB_OUTPUT", githubOutput.toString(),
        "BULWARK_CLI_URL", url.replace("@BULWARK_VERSION@", "0.3.1"), "BULWARK_GATEWAY", "bulwark.internal:7070",
        "GITHUB_REPOSITORY", "acme/shop", "GITHUB_REF_NAME", "main", "GITHUB_SHA", "0123abc",
        "BULWARK_CALLS", calls.toString(), "FAKE_EXIT", "1"));

    assertThat(run(checkout, env, "bash", "-c", step(job.get("steps"), "Install bulwark-cli").get("run").asText()))
        .isZero();
    String installed = Files.readString(githubEnv).strip();
    assertThat(installed).startsWith("BULWARK=").endsWith("/bulwark/bulwark-cli/bin/bulwark");
    env.put("BULWARK", installed.substring("BULWARK=".length()));
    assertThat(run(checkout, env, "bash", "-c", step(job.get("steps"), "Scan").get("run").asText())).isZero();

    assertThat(Files.readString(calls).strip()).isEqualTo("scan . --gateway bulwark.internal:7070 --format sarif"
        + " --output bulwark.sarif --project acme/shop --baseline-branch main --branch main --commit 0123abc");
    assertThat(Files.readString(githubOutput).strip()).isEqualTo("exit=1");
    String gate = step(job.get("steps"), "Gate").get("run").asText().replace("${{ steps.scan.outputs.exit }}", "1");
    assertThat(run(checkout, env, "bash", "-c", gate)).isEqualTo(1);
    try (var files = Files.list(checkout)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("app.py"); // the bundle is not scanned
    }
  }

  @Test
  void gitlabWritesBothReportsThroughTheGatewayAndExitsWithTheWorseCode() throws Exception {
    JsonNode job = YAML.readTree(StarterFiles.fill("gitlab-ci.yml", settings)).get("bulwark");
    assertThat(job.at("/variables/BULWARK_CLI_URL").asText()).isEqualTo(url.replace("@BULWARK_VERSION@", "0.3.1"));
    Path checkout = checkout("gitlab");
    Path calls = tmp.resolve("gitlab/calls.txt");
    var env = Map.of("BULWARK_CLI_URL", job.at("/variables/BULWARK_CLI_URL").asText(),
        "BULWARK_GATEWAY", job.at("/variables/BULWARK_GATEWAY").asText(), "BASELINE", "main",
        "CI_PROJECT_PATH", "acme/shop", "CI_COMMIT_REF_NAME", "feature", "CI_COMMIT_SHA", "0123abc",
        "BULWARK_CALLS", calls.toString(), "FAKE_EXIT", "1");

    assertThat(run(checkout, env, "bash", "-c", job.get("script").get(0).asText())).isEqualTo(1);

    assertThat(Files.readAllLines(calls)).containsExactly(
        "scan . --format gitlab-sast --output gl-sast-report.json --gateway bulwark.internal:7070 --project acme/shop"
            + " --baseline-branch main --branch feature --commit 0123abc",
        "scan . --format gitlab-dependency-scanning --output gl-dependency-scanning-report.json --gateway"
            + " bulwark.internal:7070 --project acme/shop --baseline-branch main --branch feature --commit 0123abc");
    assertThat(job.at("/artifacts/reports/sast").asText()).isEqualTo("gl-sast-report.json");
  }

  @Test
  void jenkinsDownloadsTheReleaseAndPublishesTheJunitReportTheScanWrites() {
    String jenkinsfile = StarterFiles.fill("Jenkinsfile", settings);

    assertThat(jenkinsfile).contains("BULWARK_CLI_URL = \"${env.BULWARK_CLI_URL ?: '"
            + url.replace("@BULWARK_VERSION@", "0.3.1") + "'}\"")
        .contains("curl -fsSL --retry 3 \"$BULWARK_CLI_URL\"")
        .contains("bulwark-cli/bin/bulwark\" scan . --gateway \"$BULWARK_GATEWAY\"")
        .contains("--format junit --output bulwark-junit.xml").contains("junit testResults: 'bulwark-junit.xml'")
        .doesNotContain("./bulwark ").doesNotContain("@");
  }

  @Test
  void noTemplateRunsBulwarksOwnLauncherOrKeepsAPlaceholder() {
    for (String t : List.of("github-actions.yml", "gitlab-ci.yml", "Jenkinsfile", "policy.yaml",
        "pre-commit-hooks.yaml", "pre-commit-config.yaml")) {
      String text = StarterFiles.fill(t, settings);
      assertThat(text).as(t).doesNotContain("./bulwark ").doesNotContainPattern("@[A-Z_]+@");
    }
  }
}
