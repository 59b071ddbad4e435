package dev.bulwark.cli;

import dev.bulwark.cli.local.LocalCluster;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.dist.EmbeddedCluster;
import dev.bulwark.cli.scan.ScanClient;
import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.cli.testing.FakeServices;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("bulwark scan against an embedded cluster (fake scanners and gate, real gateway)")
class ScanEndToEndTest {
  @TempDir
  Path tmp;
  Path repo;

  @BeforeEach
  void writeRepo() throws Exception {
    repo = Files.createDirectories(tmp.resolve("payments"));
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src/app.py"), "def pay():\n    # TODO check the amount\n    return 1\n");
    Files.writeString(repo.resolve("src/util.py"), "def add(a, b):\n    return a + b\n");
    Files.writeString(repo.resolve(".gitignore"), "build/\n");
    Files.createDirectories(repo.resolve("build"));
    Files.writeString(repo.resolve("build/gen.py"), "# TODO generated, ignored\n");
  }

  CliRun scan(String... extra) {
    var args = new ArrayList<>(List.of("scan", repo.toString(), "--format", "json", "--branch", "main"));
    args.addAll(List.of(extra));
    return CliRun.run(tmp.resolve("home"), FakeServices.cluster(), args.toArray(String[]::new));
  }

  @Test
  void aTodoFailsTheGateWithExit1AndTheJsonNamesTheFinding() throws Exception {
    var run = scan();

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    var json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("decision").asText()).isEqualTo("FAIL");
    assertThat(json.get("riskScore").asInt()).isEqualTo(72);
    assertThat(json.get("scanners")).extracting(s -> s.get("name").asText() + ":" + s.get("status").asText())
        .containsExactly("sast:OK", "sca:OK", "container:OK");
    assertThat(json.get("findings")).hasSize(1); // build/ is .gitignore'd, so never uploaded or scanned
    var finding = json.get("findings").get(0);
    assertThat(finding.get("scanner").asText()).isEqualTo("sast");
    assertThat(finding.get("ruleId").asText()).isEqualTo("todo.left-behind");
    assertThat(finding.get("cwe").get(0).asText()).isEqualTo("CWE-546");
    assertThat(finding.get("location").get("path").asText()).isEqualTo("src/app.py");
    assertThat(finding.get("location").get("startLine").asInt()).isEqualTo(2);
    assertThat(finding.get("fingerprint").asText()).hasSize(32);
  }

  @Test
  void aCleanTreePassesWithExit0() throws Exception {
    Files.writeString(repo.resolve("src/app.py"), "def pay():\n    return 1\n");
    var run = scan();

    assertThat(run.exitCode()).as(run.err()).isZero();
    var json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("decision").asText()).isEqualTo("PASS");
    assertThat(json.get("findings")).isEmpty();
    assertThat(json.get("scanId").asText()).isNotBlank();
  }

  @Test
  void sarifGoesToTheOutputFileAndStdoutStaysEmpty() throws Exception {
    Path sarif = tmp.resolve("out.sarif");
    var run = CliRun.run(tmp.resolve("home"), FakeServices.cluster(),
        "scan", repo.toString(), "--format", "sarif", "--output", sarif.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    var json = new ObjectMapper().readTree(sarif.toFile());
    assertThat(json.get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation")
        .get("artifactLocation").get("uri").asText()).isEqualTo("src/app.py");
  }

  @Test
  void aSymbolicLinkToTheTreeScansTheTreeAndNamesTheProjectAfterIt() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("link"), repo);
    var run = CliRun.run(tmp.resolve("home"), FakeServices.cluster(), "scan", link.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(run.out()).get("findings")).hasSize(1);
  }

  @Test
  void anOutputFileThatCannotBeWrittenIsOneClearLineAndExit2() {
    var run = CliRun.run(tmp.resolve("home"), FakeServices.cluster(),
        "scan", repo.toString(), "--output", tmp.resolve("no/such/dir/out.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("bulwark: cannot write --output").doesNotContain("\tat ");
  }

  @Test
  void aSecondScanAfterChangingOneFileUploadsExactlyOneBlob() throws Exception {
    var settings = new LocalCluster.Settings(tmp.resolve("home"), Optional.empty(), Map.of(), 0);
    try (var cluster = new EmbeddedCluster(FakeServices.cluster()).start(settings)) {
      var channel = Channels.forTarget(cluster.target("gateway"));
      try {
        var client = new ScanClient(channel, line -> { });
        var request = new ScanClient.Request(repo, List.of(), ScanContext.newBuilder().setProject("payments").build(),
            60, "");
        var first = client.scan(request);
        assertThat(first.blobsUploaded()).isEqualTo(first.blobsTotal()).isEqualTo(3);
        assertThat(first.result().getDecision().getVerdict()).isEqualTo(Verdict.FAIL);

        Files.writeString(repo.resolve("src/util.py"), "def add(a, b):\n    return b + a\n");
        var second = client.scan(request);
        assertThat(second.blobsTotal()).isEqualTo(3);
        assertThat(second.blobsUploaded()).isEqualTo(1);
        assertThat(second.result().getScanId()).isNotEqualTo(first.result().getScanId());
      } finally {
        Channels.close(channel);
      }
    }
  }

  @Test
  void anImageIsUploadedAsOneBlobAndListedInTheManifest() throws Exception {
    Path image = Files.write(tmp.resolve("app.tar"), new byte[3 * 1024 * 1024]);
    var settings = new LocalCluster.Settings(tmp.resolve("home"), Optional.empty(), Map.of(), 0);
    try (var cluster = new EmbeddedCluster(FakeServices.cluster()).start(settings)) {
      var channel = Channels.forTarget(cluster.target("gateway"));
      try {
        var run = new ScanClient(channel, line -> { }).scan(new ScanClient.Request(null, List.of(image),
            ScanContext.newBuilder().setProject("img").build(), 60, ""));
        assertThat(run.blobsTotal()).isEqualTo(1);
        assertThat(run.bytesUploaded()).isEqualTo(3 * 1024 * 1024);
        assertThat(run.result().getDecision().getVerdict()).isEqualTo(Verdict.PASS);
      } finally {
        Channels.close(channel);
      }
    }
  }
}
