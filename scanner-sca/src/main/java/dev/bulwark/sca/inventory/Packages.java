package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.common.purl.PackageUrls;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Creates {@link InstalledPackage}s with their purl, and merges duplicates, so that no parser
 * builds or dedupes one by hand.
 */
final class Packages {
  private Packages() {}

  static InstalledPackage of(String ecosystem, String name, String version, Scope scope,
      Boolean direct, String manifestPath, int line) {
    return new InstalledPackage(ecosystem, name, version, scope, direct, manifestPath, line,
        PackageUrls.of(ecosystem, name, version));
  }

  /**
   * One entry per (ecosystem, name, version), in first-seen order. When the same package is
   * installed for several reasons, the most exposed scope wins (RUNTIME over PROVIDED over
   * OPTIONAL over TEST over DEV), it is direct if any occurrence is, and keeps the first line.
   */
  static List<InstalledPackage> dedupe(List<InstalledPackage> packages) {
    var byKey = new LinkedHashMap<String, InstalledPackage>();
    for (InstalledPackage p : packages) {
      String key = p.ecosystem() + '\0' + p.name() + '\0' + p.version();
      byKey.merge(key, p, Packages::merge);
    }
    return new ArrayList<>(byKey.values());
  }

  private static InstalledPackage merge(InstalledPackage a, InstalledPackage b) {
    Scope scope = rank(b.scope()) < rank(a.scope()) ? b.scope() : a.scope();
    Boolean direct = Boolean.TRUE.equals(a.direct()) || Boolean.TRUE.equals(b.direct()) ? Boolean.TRUE
        : a.direct() == null && b.direct() == null ? null : Boolean.FALSE;
    int line = a.line() > 0 ? a.line() : b.line();
    if (scope == a.scope() && Objects.equals(direct, a.direct()) && line == a.line()) {
      return a;
    }
    return new InstalledPackage(a.ecosystem(), a.name(), a.version(), scope, direct,
        a.manifestPath(), line, a.purl(), a.path(), a.confidence());
  }

  private static int rank(Scope s) {
    return switch (s) {
      case RUNTIME -> 0;
      case PROVIDED -> 1;
      case OPTIONAL -> 2;
      case TEST -> 3;
      case DEV -> 4;
      default -> 5;
    };
  }
}
