package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.server.embedded.EmbeddedService;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark scan --verify-secrets} through the real embedded cluster (CLI → gateway →
 * scanner-sast), with GitHub's {@code /user} played by a loopback server.
 */
@DisplayName("bulwark scan --verify-secrets against the real embedded cluster")
class ScanVerifySecretsTest {
  // A token with a valid checksum, assembled at run time; the fake server knows it as live.
  static final String TOKEN = "ghp_" + "Zq8vT3nW1xR6aB4cD5eF6gH7iJ8kL9" + "3rFTDz";

  @TempDir
  static Path tmp;
  static HttpServer github;
  static final List<String> calls = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    github.createContext("/user", ex -> {
      calls.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
      boolean live = ("token " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
      byte[] body = (live ? "{\"login\":\"release-bot\"}" : "{\"message\":\"Bad credentials\"}")
          .getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(live ? 200 : 401, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    github.start();
    Path repo = Files.createDirectories(tmp.resolve("shop"));
    Files.writeString(repo.resolve("release.env"), "GITHUB_TOKEN=" + TOKEN + "\n");
  }

  @AfterAll
  static void stop() {
    github.stop(0);
  }

  static JsonNode scan(String home, Map<String, String> env, String... extra) throws Exception {
    var services = StreamSupport.stream(ServiceLoader.load(EmbeddedService.class).spliterator(), false).toList();
    var args = new ArrayList<>(List.of("scan", tmp.resolve("shop").toString(), "--format", "json"));
    args.addAll(List.of(extra));
    var run = CliRun.withEnv(tmp.resolve(home), env, services, "", args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    return new ObjectMapper().readTree(run.out());
  }

  static JsonNode tokenFinding(JsonNode result) {
    for (JsonNode f : result.get("findings")) {
      if (f.get("ruleId").asText().equals("secret.github-pat")) {
        return f;
      }
    }
    throw new AssertionError("no secret.github-pat finding in " + result);
  }

  @Test
  @DisplayName("with --verify-secrets the token is checked once and reported CRITICAL, verified active")
  void verified() throws Exception {
    calls.clear();
    var result = scan("home-verify", Map.of("BULWARK_VERIFY_ENDPOINT_GITHUB", "http://127.0.0.1:"
        + github.getAddress().getPort()), "--verify-secrets");

    var f = tokenFinding(result);
    assertThat(f.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(f.get("title").asText()).endsWith("(verified active)");
    assertThat(f.toString()).doesNotContain(TOKEN);
    assertThat(calls).containsExactly("GET /user");
  }

  @Test
  @DisplayName("without the flag, or with BULWARK_SECRET_VERIFICATION=off, no provider is called")
  void notAsked() throws Exception {
    calls.clear();
    String endpoint = "http://127.0.0.1:" + github.getAddress().getPort();
    var plain = scan("home-plain", Map.of("BULWARK_VERIFY_ENDPOINT_GITHUB", endpoint));
    var off = scan("home-off", Map.of("BULWARK_VERIFY_ENDPOINT_GITHUB", endpoint, "BULWARK_SECRET_VERIFICATION", "off"),
        "--verify-secrets");

    assertThat(tokenFinding(plain).toString()).doesNotContain("verified active").doesNotContain("Liveness");
    assertThat(tokenFinding(off).toString()).doesNotContain("verified active");
    assertThat(calls).isEmpty();
  }
}
