package dev.bulwark.common.cas;

/** Decides which paths of a tree are left out of a scan (e.g. by {@code .gitignore}). */
@FunctionalInterface
public interface IgnoreRules {
  IgnoreRules NONE = (path, directory) -> false;

  /** @param path relative, '/'-separated */
  boolean ignored(String path, boolean directory);
}
