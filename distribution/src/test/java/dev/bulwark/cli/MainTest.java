package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.testing.CliRun;
import dev.bulwark.cli.testing.FakeServices;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
  @TempDir
  Path tmp;

  CliRun run(String... args) {
    return CliRun.run(tmp.resolve("home"), FakeServices.cluster(), args);
  }

  /** One line, no stack trace. */
  static void assertOneLineError(CliRun run, String expected) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("bulwark: ").contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--no-such-option", "scan --deadline soon", "scan a b", "frobnicate", "scan --format"})
  void usageErrorsExitWith2(String args) {
    var run = run(args.split(" "));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("bulwark: ").contains("--help");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run().exitCode()).isEqualTo(2);
  }

  @Test
  void helpExitsWith0AndListsTheCommands() {
    var run = run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("scan").contains("cluster");
    assertThat(run("scan", "--help").out()).contains("--gateway").contains("--format").contains("--image");
  }

  @Test
  void versionAndHelpOfOneCommandWorkWithTheCommandsTheyNeed() {
    var version = run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("bulwark ");
    assertThat(run("help", "check").out()).contains("--staged");
    var misspelt = run("chek", "--staged");
    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("'chek'").contains("--help");
  }

  @Test
  void aMissingPathIsOneClearLineAndExit2() {
    assertOneLineError(run("scan", tmp.resolve("nope").toString()), "PATH does not exist");
  }

  @Test
  void aFileGivenAsPathIsRejected() throws Exception {
    var file = Files.writeString(tmp.resolve("file.txt"), "x");
    assertOneLineError(run("scan", file.toString()), "PATH is not a directory");
  }

  @Test
  void aMissingImageIsRejected() {
    assertOneLineError(run("scan", tmp.toString(), "--image", tmp.resolve("app.tar").toString()),
        "image file not found");
  }

  @Test
  void anUnknownFormatIsRejected() {
    assertOneLineError(run("scan", tmp.toString(), "--format", "xml"), "unknown --format 'xml'");
  }

  @Test
  void anUnreachableGatewayIsOneClearLineAndExit2() throws Exception {
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(tmp.resolve("a.txt"), "x");
    assertOneLineError(run("scan", tmp.toString(), "--gateway", "127.0.0.1:" + port),
        "cannot reach the gateway at 127.0.0.1:" + port);
  }

  @Test
  void aBlankGatewayAddressIsRejectedBeforeAnythingIsPacked() throws Exception {
    assertOneLineError(run("scan", tmp.toString(), "--gateway", " "), "bad gateway address ' '");
  }

  @Test
  void anIncompleteEmbeddedClusterNamesWhatIsMissing() throws Exception {
    var run = CliRun.run(tmp.resolve("home"), List.of(new FakeServices.Gate()), "scan", tmp.toString());
    assertOneLineError(run, "the embedded cluster lacks sast, sca, container, gateway");
  }
}
