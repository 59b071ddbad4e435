package dev.bulwark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./bulwark} launcher, run by bash on a copy of it in a made-up repository
 * whose {@code mvnw} and {@code java} only say that they ran.
 */
@DisplayName("./bulwark: rebuilds only when a main source or pom is newer than the jar, and passes a matching CDS archive")
class LauncherTest {
  static final Instant BUILT = Instant.parse("2026-01-02T00:00:00Z");

  @TempDir
  Path tmp;
  Path repo;
  Path bin;
  Path jar;

  @BeforeEach
  void repository() throws IOException {
    repo = Files.createDirectories(tmp.resolve("repo"));
    bin = Files.createDirectories(tmp.resolve("bin"));
    Files.copy(SharedFixtures.repoRoot().resolve("bulwark"), repo.resolve("bulwark"));
    executable(repo.resolve("bulwark"));
    script(repo.resolve("mvnw"), "echo built >> \"" + tmp.resolve("log") + "\"; touch distribution/target/bulwark.jar");
    script(bin.resolve("java"), "echo \"java $*\" >> \"" + tmp.resolve("log") + "\"");
    for (String f : List.of("pom.xml", "scanner/pom.xml", "scanner/src/main/java/A.java",
        "scanner/src/test/java/ATest.java", "scanner/src/test/resources/fixture.txt", "docs/notes.md")) {
      write(f, BUILT.minusSeconds(60));
    }
    jar = write("distribution/target/bulwark.jar", BUILT);
  }

  @Test
  @DisplayName("an up-to-date jar runs at once; tests, fixtures and docs newer than it do not count")
  void upToDate() throws Exception {
    write("scanner/src/test/java/ATest.java", BUILT.plusSeconds(60));
    write("scanner/src/test/resources/fixture.txt", BUILT.plusSeconds(60));
    write("docs/notes.md", BUILT.plusSeconds(60));
    assertThat(run("--version")).containsExactly("java -XX:TieredStopAtLevel=1 -jar " + jar + " --version");
  }

  @Test
  @DisplayName("a main source or a pom newer than the jar rebuilds it first")
  void staleRebuilds() throws Exception {
    write("scanner/src/main/java/A.java", BUILT.plusSeconds(60));
    assertThat(run("scan", ".")).containsExactly("built", "java -XX:TieredStopAtLevel=1 -jar " + jar + " scan .");
    Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    write("scanner/pom.xml", BUILT.plusSeconds(60));
    assertThat(run("--version")).containsExactly("built", "java -XX:TieredStopAtLevel=1 -jar " + jar + " --version");
    Files.delete(jar);
    assertThat(run("--version")).containsExactly("built", "java -XX:TieredStopAtLevel=1 -jar " + jar + " --version");
  }

  @Test
  @DisplayName("a copy without the sources (no pom.xml) never tries to build")
  void installedCopy() throws Exception {
    write("scanner/src/main/java/A.java", BUILT.plusSeconds(60));
    Files.delete(repo.resolve("pom.xml"));
    assertThat(run("--version")).containsExactly("java -XX:TieredStopAtLevel=1 -jar " + jar + " --version");
  }

  @Test
  @DisplayName("the CDS archive is passed when it is newer than the jar and was made by this java")
  void cdsArchive() throws Exception {
    Path jsa = write("distribution/target/bulwark.jsa", BUILT.plusSeconds(1));
    Path madeBy = repo.resolve("distribution/target/bulwark.jsa.java");
    Files.writeString(madeBy, bin.resolve("java") + "\n");
    String cds = "java -XX:SharedArchiveFile=" + jsa + " -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 -jar " + jar + " x";
    assertThat(run("x")).containsExactly(cds);

    Path link = Files.createSymbolicLink(tmp.resolve("java-link"), bin.resolve("java"));
    Files.writeString(madeBy, link + "\n"); // the same file under another name
    assertThat(run("x")).containsExactly(cds);

    Files.writeString(madeBy, "/usr/lib/jvm/another/bin/java\n");
    assertThat(run("x")).containsExactly("java -XX:TieredStopAtLevel=1 -jar " + jar + " x");

    Files.writeString(madeBy, bin.resolve("java") + "\n");
    Files.setLastModifiedTime(jsa, FileTime.from(BUILT.minusSeconds(1))); // older than the jar
    assertThat(run("x")).containsExactly("java -XX:TieredStopAtLevel=1 -jar " + jar + " x");
  }

  @Test
  @DisplayName("commands run with C1 only, `bulwark cluster` (a long run) with the full JIT; BULWARK_JAVA_OPTS wins")
  void jitFlags() throws Exception {
    assertThat(run("check", "--staged")).containsExactly("java -XX:TieredStopAtLevel=1 -jar " + jar + " check --staged");
    assertThat(run("cluster", "--port-base", "7070")).containsExactly("java -jar " + jar + " cluster --port-base 7070");
    assertThat(runWith(Map.of("BULWARK_JAVA_OPTS", "-XX:TieredStopAtLevel=4 -Xmx1g"), "scan", "."))
        .containsExactly("java -XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4 -Xmx1g -jar " + jar + " scan .");
  }

  /** Runs the launcher with only the fake java on the PATH (and the basic tools); the log's lines. */
  List<String> run(String... args) throws Exception {
    return runWith(Map.of(), args);
  }

  /** {@link #run} with these environment variables too. */
  List<String> runWith(Map<String, String> env, String... args) throws Exception {
    Files.deleteIfExists(tmp.resolve("log"));
    var command = new java.util.ArrayList<>(List.of("bash", repo.resolve("bulwark").toString()));
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    pb.environment().remove("BULWARK_JAVA_OPTS");
    pb.environment().putAll(env);
    var p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    Path log = tmp.resolve("log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  Path write(String relative, Instant modified) throws IOException {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.writeString(file, relative);
    }
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    executable(file);
  }

  static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
