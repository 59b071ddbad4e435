package dev.bulwark.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.v1.EvaluatedFinding;
import dev.bulwark.v1.Finding;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;

/**
 * GitLab dependency scanning report ({@code artifacts:reports:dependency_scanning}): the
 * dependency findings of the sca and container scanners, each located at its manifest with the
 * package and version, plus {@code dependency_files} listing the vulnerable packages per manifest.
 * Only packages that have findings are listed: bulwark's scan result carries no full inventory.
 */
final class GitLabDependencyScanningReport extends GitLabReport {
  @Override
  String type() {
    return "dependency_scanning";
  }

  @Override
  List<String> scanners() {
    return List.of("sca", "container");
  }

  @Override
  boolean carries(Finding f) {
    return Findings.isDependency(f);
  }

  @Override
  ObjectNode location(Finding f) {
    var p = f.getPackage();
    var location = JsonReport.MAPPER.createObjectNode();
    location.put("file", file(f));
    var dependency = location.putObject("dependency");
    dependency.putObject("package").put("name", p.getName());
    dependency.put("version", p.getVersion());
    if (p.getDirectKnown()) {
      dependency.put("direct", p.getDirect());
    }
    return location;
  }

  @Override
  void finish(ObjectNode report, List<EvaluatedFinding> carried) {
    var byFile = new LinkedHashMap<String, LinkedHashSet<List<String>>>();
    var managers = new LinkedHashMap<String, String>();
    for (var ef : carried) {
      var f = ef.getFinding();
      byFile.computeIfAbsent(file(f), k -> new LinkedHashSet<>())
          .add(List.of(f.getPackage().getName(), f.getPackage().getVersion()));
      managers.putIfAbsent(file(f), packageManager(f.getPackage().getEcosystem()));
    }
    var files = report.putArray("dependency_files");
    byFile.forEach((path, packages) -> {
      var file = files.addObject();
      file.put("path", path);
      file.put("package_manager", managers.get(path));
      var deps = file.putArray("dependencies");
      packages.forEach(p -> {
        var d = deps.addObject();
        d.putObject("package").put("name", p.get(0));
        d.put("version", p.get(1));
      });
    });
  }

  /** The manifest, or the finding's own path (an image layer), or "-" when neither is known. */
  private static String file(Finding f) {
    String path = Findings.path(f);
    return path.isEmpty() ? "-" : path;
  }

  /** GitLab's package manager names for OSV ecosystems. */
  static String packageManager(String ecosystem) {
    return switch (ecosystem.toLowerCase(Locale.ROOT)) {
      case "maven" -> "maven";
      case "npm" -> "npm";
      case "pypi" -> "pip";
      case "go" -> "go";
      case "rubygems" -> "bundler";
      case "packagist" -> "composer";
      case "nuget" -> "nuget";
      case "crates.io" -> "cargo";
      default -> ecosystem.toLowerCase(Locale.ROOT);
    };
  }
}
