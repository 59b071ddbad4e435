package dev.bulwark.sca.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one pom.xml against one repository URL (a mirror of everything) into a cache folder,
 * and prints the graph as {@code mvn dependency:list} does: {@code g:a:jar:v:scope}. Used to make
 * the test repository (the cache then holds exactly the POMs resolution needs) and by bench/sca.
 * Usage: ResolveOnce POM REPOSITORY_URL CACHE_DIR
 */
public final class ResolveOnce {
  private ResolveOnce() {}

  public static void main(String[] args) throws Exception {
    Path pom = Path.of(args[0]);
    var settings = settings(args[1], Path.of(args[2]), false);
    try (var resolver = new MavenResolver(settings);
        var reactor = Reactor.of(Map.of("pom.xml", Files.readAllBytes(pom)));
        var session = resolver.open(reactor)) {
      Resolution r = session.resolveProject("pom.xml");
      r.dependencies().forEach(d -> System.out.println(d.groupId() + ":" + d.artifactId() + ":" + d.version() + ":"
          + d.scope() + "  <- " + String.join(" -> ", d.path())));
      r.problems().forEach(p -> System.out.println("PROBLEM " + p));
    }
  }

  /** Settings with one mirror of everything, no user local repository, the cache given. */
  static MavenSettings settings(String mirrorUrl, Path cache, boolean offline) {
    var mirrors = new SettingsXml(List.of(new SettingsXml.Mirror("test-mirror", mirrorUrl, "*")), Map.of());
    return new MavenSettings(offline, Optional.empty(), cache, List.of(MavenSettings.CENTRAL), mirrors,
        Duration.ofSeconds(5), Duration.ofSeconds(20));
  }
}
