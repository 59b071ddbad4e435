package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;

/**
 * Gradle {@code gradle.lockfile} (and per-configuration {@code *.lockfile} under
 * {@code gradle/dependency-locks/}): {@code group:artifact:version=conf1,conf2} lines. A
 * dependency locked only for test configurations is TEST, otherwise RUNTIME. Comments, the
 * {@code empty=} line and malformed lines are skipped.
 */
final class GradleLockfileParser implements LockfileParser {
  @Override
  public String name() {
    return "gradle-lockfile";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("gradle.lockfile")
        || (path.contains("gradle/dependency-locks/") && path.endsWith(".lockfile"));
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    String[] lines = Texts.decode(content).split("\r?\n", -1);
    var out = new ArrayList<InstalledPackage>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
        continue;
      }
      int eq = line.indexOf('=');
      String coordinates = eq < 0 ? line : line.substring(0, eq);
      String[] gav = coordinates.split(":");
      if (gav.length != 3 || gav[0].isBlank() || gav[1].isBlank() || gav[2].isBlank()) {
        continue;
      }
      boolean testOnly = eq >= 0;
      for (String conf : (eq < 0 ? "" : line.substring(eq + 1)).split(",")) {
        testOnly &= conf.trim().toLowerCase().startsWith("test");
      }
      out.add(Packages.of("Maven", gav[0] + ":" + gav[1], gav[2], testOnly ? Scope.TEST : Scope.RUNTIME,
          null, path, i + 1));
    }
    return ParseResult.of(Packages.dedupe(out));
  }
}
