package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.common.purl.PackageUrls;
import dev.bulwark.sca.maven.MavenResolver;
import dev.bulwark.sca.maven.Reactor;
import dev.bulwark.sca.maven.Resolution;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Scope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;

/**
 * Gradle builds without {@code gradle.lockfile}: the literal coordinates of each build file and
 * of the version catalog ({@link GradleDeclarations}), their transitive dependencies through the
 * same resolver as Maven projects ({@link MavenResolver}). Gradle settles conflicts by the highest
 * version where Maven takes the nearest, so versions are MEDIUM confidence and a problem says to
 * lock the build; dependencies without a literal version are named. Catalog libraries that no
 * build file references are resolved under the catalog's path. A folder with a gradle.lockfile is
 * left to {@link GradleLockfileParser}.
 */
public final class GradleBuilds implements BuildResolver {
  private static final Pattern EXACT = Pattern.compile("^[0-9][0-9A-Za-z.+_-]*$");
  private final MavenResolver resolver;

  public GradleBuilds(MavenResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public String name() {
    return "gradle-build";
  }

  @Override
  public boolean required(String path) {
    String n = Texts.fileName(path);
    return n.equals("build.gradle") || n.equals("build.gradle.kts")
        || path.endsWith(".versions.toml") && Texts.folder(path).endsWith("gradle");
  }

  @Override
  public Result resolve(Map<String, byte[]> files, ManifestSource tree) {
    var packages = new ArrayList<InstalledPackage>();
    var problems = new ArrayList<String>();
    var catalogs = new TreeMap<String, Map<String, GradleDeclarations.Declared>>();
    for (var e : files.entrySet()) {
      if (e.getKey().endsWith(".versions.toml")) {
        try {
          catalogs.put(e.getKey(), GradleDeclarations.catalog(Texts.decode(e.getValue())));
        } catch (Exception ex) {
          problems.add(e.getKey() + ": not a readable version catalog: " + Texts.reason(ex));
        }
      }
    }
    var builds = new TreeMap<String, List<GradleDeclarations.Declared>>();
    var referenced = new HashSet<String>();
    for (var e : files.entrySet()) {
      if (!e.getKey().endsWith(".versions.toml")) {
        var catalog = nearestCatalog(e.getKey(), catalogs);
        var declared = GradleDeclarations.buildFile(Texts.decode(e.getValue()), catalog);
        declared.forEach(d -> referenced.add(d.coordinates()));
        builds.put(e.getKey(), declared);
      }
    }
    catalogs.forEach((path, catalog) -> builds.put(path, catalog.values().stream()
        .filter(d -> !referenced.contains(d.coordinates())).toList()));
    try (var reactor = Reactor.of(Map.of()); var session = resolver.open(reactor)) {
      for (var build : builds.entrySet()) {
        if (!build.getValue().isEmpty()) {
          resolveBuild(build.getKey(), build.getValue(), session, packages, problems);
        }
      }
    } catch (IOException e) {
      problems.add("Gradle resolution unavailable: " + e.getMessage());
    }
    return new Result(packages, problems, Set.of());
  }

  private static void resolveBuild(String path, List<GradleDeclarations.Declared> declared, MavenResolver.Session session,
      List<InstalledPackage> packages, List<String> problems) {
    var pins = new ManifestPins(path, "Maven", "gradle.lockfile", "so transitive versions are resolved as Maven"
        + " would (Gradle may pick higher ones; `gradle dependencies --write-locks` locks them)");
    var dependencies = new ArrayList<Dependency>();
    var lines = new HashMap<String, Integer>();
    for (var d : declared) {
      if (EXACT.matcher(d.version()).matches()) {
        dependencies.add(new Dependency(new DefaultArtifact(d.group(), d.name(), "jar", d.version()), mavenScope(d.scope())));
        lines.putIfAbsent(d.coordinates(), d.line());
      } else {
        pins.unpinned(d.coordinates(), d.version().isEmpty() ? "(no literal version)" : d.version());
      }
    }
    Resolution r = session.resolveDependencies(path, dependencies);
    problems.addAll(r.problems());
    var found = new ArrayList<InstalledPackage>();
    for (var d : r.dependencies()) {
      var p = MavenBuilds.installed(path, d);
      int line = lines.getOrDefault(d.path().get(0).substring(0, d.path().get(0).lastIndexOf(':')), 0);
      found.add(new InstalledPackage("Maven", p.name(), p.version(), p.scope(), p.direct(), path, line,
          PackageUrls.of("Maven", p.name(), p.version()), p.path(), Confidence.CONFIDENCE_MEDIUM));
      if (d.direct()) {
        pins.pinned(d.name(), d.version(), p.scope(), line);
      }
    }
    packages.addAll(Packages.dedupe(found));
    problems.addAll(pins.result().problems());
  }

  private static String mavenScope(Scope scope) {
    return switch (scope) {
      case TEST -> "test";
      case PROVIDED -> "provided";
      default -> "compile";
    };
  }

  /** The catalog of the build: gradle/*.versions.toml in the build file's folder or the nearest above. */
  private static Map<String, GradleDeclarations.Declared> nearestCatalog(String buildFile,
      Map<String, Map<String, GradleDeclarations.Declared>> catalogs) {
    String folder = Texts.folder(buildFile);
    while (true) {
      String prefix = folder.isEmpty() ? "gradle/" : folder + "/gradle/";
      for (var e : catalogs.entrySet()) {
        if (e.getKey().startsWith(prefix) && !e.getKey().substring(prefix.length()).contains("/")) {
          return e.getValue();
        }
      }
      if (folder.isEmpty()) {
        return Map.of();
      }
      folder = Texts.folder(folder);
    }
  }
}
