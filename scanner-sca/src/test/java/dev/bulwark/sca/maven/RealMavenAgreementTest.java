package dev.bulwark.sca.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Maven (this repository's wrapper, offline) and Bulwark's resolution, on the same
 * project and the same repository, must give the same graph: artifacts, versions, scopes and the
 * path to each. Maven runs {@code dependency:tree}, which needs POMs only; its plugin comes from
 * the build's own local repository (./run-tests fetches it).
 */
class RealMavenAgreementTest {
  static final String PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.7.0";

  @TempDir
  Path tmp;

  @Test
  @DisplayName("mvn dependency:tree (offline, same repository) and Bulwark agree on spring-petclinic, path by path")
  void sameGraphAsRealMaven() throws Exception {
    Path userRepo = Path.of(System.getProperty("user.home"), ".m2/repository");
    assertThat(userRepo.resolve("org/apache/maven/plugins/maven-dependency-plugin/3.7.0")).as(
        "the dependency plugin must be in ~/.m2 (./run-tests fetches it; or run ./mvnw " + PLUGIN + ":help once)")
        .isDirectory();
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.write(project.resolve("pom.xml"), MavenFixtures.petclinicPom());
    Path tree = tmp.resolve("tree.txt");
    Path mvnw = SharedFixtures.repoRoot().resolve("mvnw");
    var process = new ProcessBuilder(mvnw.toString(), "-o", "-B", "-q", "-f", project.resolve("pom.xml").toString(),
        "-Dmaven.repo.local=" + tmp.resolve("head"),
        "-Dmaven.repo.local.tail=" + MavenFixtures.central() + "," + userRepo,
        PLUGIN + ":tree", "-DoutputFile=" + tree)
        .redirectErrorStream(true).redirectOutput(tmp.resolve("mvn.log").toFile()).start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(tmp.resolve("mvn.log"))).isZero();
    Map<String, String> maven = parseTree(Files.readAllLines(tree));

    var settings = new MavenSettings(true, Optional.of(MavenFixtures.central()), tmp.resolve("cache"),
        List.of(MavenSettings.CENTRAL), SettingsXml.none(), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1));
    Resolution ours;
    try (var resolver = new MavenResolver(settings);
        var reactor = Reactor.of(Map.of("pom.xml", MavenFixtures.petclinicPom()));
        var session = resolver.open(reactor)) {
      ours = session.resolveProject("pom.xml");
    }
    var mine = new TreeMap<String, String>();
    ours.dependencies().forEach(d -> mine.put(d.name(), d.version() + ":" + d.scope() + " via " + String.join(" -> ", d.path())));

    assertThat(maven).hasSize(131);
    assertThat(mine).isEqualTo(maven);
  }

  /** "g:a → version:scope via g:a:v -> ..." from dependency:tree's text output (indentation is depth). */
  static Map<String, String> parseTree(List<String> lines) {
    var out = new TreeMap<String, String>();
    var stack = new ArrayList<String>();
    for (String line : lines.subList(1, lines.size())) {
      int start = 0;
      while (start < line.length() && "|+\\- ".indexOf(line.charAt(start)) >= 0) {
        start++;
      }
      int depth = start / 3;
      String[] p = line.substring(start).split(":");
      String version = p.length == 5 ? p[3] : p[4];
      String scope = p[p.length - 1].split(" ")[0];
      while (stack.size() >= depth) {
        stack.remove(stack.size() - 1);
      }
      stack.add(p[0] + ":" + p[1] + ":" + version);
      out.put(p[0] + ":" + p[1], version + ":" + scope + " via " + String.join(" -> ", stack));
    }
    return out;
  }
}
