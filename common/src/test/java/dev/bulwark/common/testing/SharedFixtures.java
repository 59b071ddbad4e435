package dev.bulwark.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared} (read-only fixtures beside the repository) from any module's tests. */
public final class SharedFixtures {
  private SharedFixtures() {}

  /** The repository root: the {@code bulwark.repoRoot} property Maven sets, else found by walking up. */
  public static Path repoRoot() {
    String prop = System.getProperty("bulwark.repoRoot");
    if (prop != null && Files.isDirectory(Path.of(prop, "proto"))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("proto")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the Bulwark repository root from " + Path.of("").toAbsolutePath());
  }

  /** {@code ../shared} relative to the repository root. */
  public static Path shared() {
    Path shared = repoRoot().resolveSibling("shared").normalize();
    if (!Files.isDirectory(shared)) {
      throw new IllegalStateException("fixtures not found at " + shared + " (expected ../shared beside the repository)");
    }
    return shared;
  }

  public static Path vulnerableApp() {
    return shared().resolve("fixtures/repos/vulnerable-app");
  }

  public static Path cleanApp() {
    return shared().resolve("fixtures/repos/clean-app");
  }

  public static Path osv() {
    return shared().resolve("osv");
  }

  /** A new folder under {@code parent} holding copies of these OSV exports (e.g. "npm.zip") of {@link #osv()}. */
  public static Path osvExports(Path parent, String... zips) throws java.io.IOException {
    Path dir = Files.createDirectories(parent.resolve("osv-" + System.nanoTime()));
    for (String zip : zips) {
      Files.copy(osv().resolve(zip), dir.resolve(zip));
    }
    return dir;
  }
}
