package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.common.purl.PackageUrls;
import dev.bulwark.sca.maven.MavenResolver;
import dev.bulwark.sca.maven.Reactor;
import dev.bulwark.sca.maven.Resolution;
import dev.bulwark.sca.maven.ResolvedDependency;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Scope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maven projects resolved as Maven resolves them ({@link MavenResolver}): every {@code pom.xml}
 * of the tree is a reactor module; each gives its whole dependency graph, direct and transitive,
 * with Maven's scopes and the path that brought each package in. A pom whose own model cannot
 * be built (parent or imported BOM unavailable) is named in a problem and read by
 * {@link MavenPomParser} instead, which lists what it declares with literal versions.
 */
public final class MavenBuilds implements BuildResolver {
  private final MavenResolver resolver;

  public MavenBuilds(MavenResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public String name() {
    return "maven-pom";
  }

  @Override
  public boolean required(String path) {
    return new MavenPomParser().required(path);
  }

  @Override
  public Result resolve(Map<String, byte[]> files, ManifestSource tree) {
    return resolve(files, tree, files.keySet());
  }

  @Override
  public Result resolve(Map<String, byte[]> files, ManifestSource tree, java.util.Set<String> wanted) {
    var packages = new ArrayList<InstalledPackage>();
    var problems = new ArrayList<String>();
    var fallback = new HashSet<String>();
    var reproducible = new HashSet<String>();
    try (var reactor = Reactor.of(files); var session = resolver.open(reactor)) {
      for (String pom : new TreeMap<>(files).keySet().stream().filter(wanted::contains).toList()) {
        Resolution r = session.resolveProject(pom);
        problems.addAll(r.problems());
        if (r.reproducible()) {
          reproducible.add(pom);
        }
        if (!r.modelBuilt()) {
          fallback.add(pom);
          continue;
        }
        var found = new ArrayList<InstalledPackage>();
        r.dependencies().forEach(d -> found.add(installed(pom, d)));
        packages.addAll(Packages.dedupe(found));
      }
    } catch (IOException e) {
      problems.add("Maven resolution unavailable: " + e.getMessage());
      fallback.addAll(wanted);
    }
    return new Result(packages, problems, fallback, reproducible);
  }

  /** The repositories read (local, cache, remotes, mirrors) and whether remotes are. */
  @Override
  public Optional<String> fingerprint() {
    var s = resolver.settings();
    return Optional.of("maven offline=" + s.offline() + " local=" + s.localRepository().map(Object::toString).orElse("")
        + " cache=" + s.cache() + " remotes=" + s.remotes() + " mirrors=" + s.mirrors().mirrors());
  }

  static InstalledPackage installed(String pom, ResolvedDependency d) {
    Scope scope = switch (d.scope()) {
      case "test" -> Scope.TEST;
      case "provided", "system" -> Scope.PROVIDED;
      default -> d.optional() ? Scope.OPTIONAL : Scope.RUNTIME;
    };
    return new InstalledPackage("Maven", d.name(), d.version(), scope, d.direct(), pom, d.line(),
        PackageUrls.of("Maven", d.name(), d.version()), d.path(), Confidence.CONFIDENCE_HIGH);
  }
}
