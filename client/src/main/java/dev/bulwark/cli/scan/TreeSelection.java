package dev.bulwark.cli.scan;

import dev.bulwark.common.cas.IgnoreRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which files of a scanned folder {@code bulwark scan} packs. In a git work tree: what git holds
 * ({@link GitWorkTree}: tracked files, and untracked files no ignore rule excludes, submodules
 * included). Elsewhere: every file {@code .gitignore} files do not exclude ({@link GitIgnore}).
 * Either way, folders of Bulwark's own (its home, when it lies inside the scanned folder) are left
 * out: their files change while the scan runs and are not the project's.
 */
public final class TreeSelection implements IgnoreRules {
  /** How the files were chosen, for progress messages. */
  public enum Source { GIT, GITIGNORE }

  private final IgnoreRules rules;
  private final List<String> excluded;
  private final Source source;

  private TreeSelection(IgnoreRules rules, List<String> excluded, Source source) {
    this.rules = rules;
    this.excluded = excluded;
    this.source = source;
  }

  /**
   * @param tree     the scanned folder
   * @param excluded folders never to pack (absolute or relative to the working directory); those
   *                 outside {@code tree} change nothing
   */
  public static TreeSelection of(Path tree, Collection<Path> excluded) throws IOException {
    var inside = new ArrayList<String>();
    Path root = real(tree);
    for (Path p : excluded) {
      Path abs = real(p);
      if (abs.startsWith(root) && !abs.equals(root)) {
        inside.add(root.relativize(abs).toString().replace('\\', '/'));
      }
    }
    var listed = GitWorkTree.files(tree);
    return listed.isPresent()
        ? new TreeSelection(listedOnly(listed.get()), List.copyOf(inside), Source.GIT)
        : new TreeSelection(new GitIgnore(tree), List.copyOf(inside), Source.GITIGNORE);
  }

  private static Path real(Path p) throws IOException {
    return Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
  }

  public Source source() {
    return source;
  }

  @Override
  public boolean ignored(String path, boolean directory) {
    for (String e : excluded) {
      if (path.equals(e) || path.startsWith(e + "/")) {
        return true;
      }
    }
    return rules.ignored(path, directory);
  }

  /** Rules that keep exactly these files and the folders leading to them. */
  static IgnoreRules listedOnly(Collection<String> files) {
    Set<String> kept = new HashSet<>(files);
    Set<String> folders = new HashSet<>();
    for (String f : files) {
      for (int slash = f.indexOf('/'); slash >= 0; slash = f.indexOf('/', slash + 1)) {
        folders.add(f.substring(0, slash));
      }
    }
    return (path, directory) -> directory ? !folders.contains(path) : !kept.contains(path);
  }
}
