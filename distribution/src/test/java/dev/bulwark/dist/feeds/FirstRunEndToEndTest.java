package dev.bulwark.dist.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.server.embedded.EmbeddedService;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("First run: bulwark scan fetches the advisories its tree needs, through the real embedded cluster")
class FirstRunEndToEndTest {
  @TempDir
  static Path tmp;
  static Path tree;
  static OsvMirror mirror;

  @BeforeAll
  static void setUp() throws Exception {
    mirror = OsvMirror.start(SharedFixtures.osv());
    // a Java service with a web front end: Maven and npm, nothing else
    tree = Files.createDirectories(tmp.resolve("shop/web"));
    Files.copy(SharedFixtures.vulnerableApp().resolve("pom.xml"), tmp.resolve("shop/pom.xml"));
    Files.copy(SharedFixtures.vulnerableApp().resolve("web/package-lock.json"), tree.resolve("package-lock.json"));
    tree = tmp.resolve("shop");
  }

  @AfterAll
  static void stop() {
    mirror.close();
  }

  static List<EmbeddedService> services() {
    var services = new ArrayList<EmbeddedService>();
    ServiceLoader.load(EmbeddedService.class).forEach(services::add);
    return services;
  }

  static CliRun scan(Path home, Map<String, String> env, String... extra) {
    var args = new ArrayList<>(List.of("scan", tree.toString(), "--format", "json"));
    args.addAll(List.of(extra));
    return CliRun.withEnv(home, env, services(), "", args.toArray(String[]::new));
  }

  static JsonNode sca(JsonNode result) {
    for (JsonNode s : result.get("scanners")) {
      if (s.get("name").asText().equals("sca")) {
        return s;
      }
    }
    throw new AssertionError("no sca report in " + result);
  }

  @Test
  void theFirstScanFetchesItsEcosystemsAndAnUnreachableMirrorLaterIsOneWarningOverTheStoredData() throws Exception {
    Path home = tmp.resolve("home");

    var first = scan(home, mirror.env());

    assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
    assertThat(mirror.requests()).containsExactlyInAnyOrder("/osv/Maven/all.zip", "/osv/npm/all.zip",
        "/feeds/kev.json", "/feeds/epss.csv"); // no PyPI, Go, ... : the tree has none
    assertThat(first.err()).containsPattern("bulwark: fetched Maven \\(\\d+ advisories\\), npm \\(\\d+ advisories\\),"
        + " KEV \\(3 entries\\), EPSS \\(3 entries\\) into ");
    var json = new ObjectMapper().readTree(first.out());
    assertThat(sca(json).get("status").asText()).as(sca(json).toString()).isEqualTo("OK");
    assertThat(json.get("findings").toString()).contains("GHSA-jfh8-c2jp-5v3q", "GHSA-p6mc-m468-83gw");
    assertThat(home.resolve("intel/kev.json")).isRegularFile();
    assertThat(home.resolve("intel/epss.csv")).isRegularFile();

    // (reuse while younger than the maximum age: FirstRunTest, against the same kind of mirror)
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    var unreachable = Map.of(FeedSources.OSV_ENV, "http://127.0.0.1:" + closed + "/osv",
        FeedSources.KEV_ENV, "http://127.0.0.1:" + closed + "/kev.json",
        FeedSources.EPSS_ENV, "http://127.0.0.1:" + closed + "/epss.csv");
    var offline = scan(home, unreachable, "--db-max-age", "0");

    assertThat(offline.exitCode()).as(offline.err()).isEqualTo(1);
    var warnings = offline.err().lines().filter(l -> l.contains("warning")).toList();
    assertThat(warnings).singleElement().satisfies(w -> assertThat(w)
        .startsWith("bulwark: warning: cannot fetch advisory data (Maven: unreachable")
        .contains("scanning with what " + home + " holds: Maven: from ", "npm: from ", "KEV: from ", "EPSS: from "));
    var stale = new ObjectMapper().readTree(offline.out());
    assertThat(sca(stale).get("status").asText()).isEqualTo("OK");
    assertThat(stale.get("findings").toString()).contains("GHSA-jfh8-c2jp-5v3q");
  }
}
