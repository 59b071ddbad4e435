package dev.bulwark.cli.scan;

import dev.bulwark.cli.history.GitRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The files git holds in a work tree, as {@code git ls-files --cached --others --exclude-standard}
 * lists them: every tracked file that is on disk, plus the untracked files no ignore rule
 * ({@code .gitignore}, {@code .git/info/exclude}, {@code core.excludesFile}) excludes. Ignore rules
 * decide only for untracked files: a committed file that matches {@code .gitignore} is listed.
 * Submodules (and other nested repositories) whose work tree is checked out are listed the same
 * way, through their own index and ignore rules.
 */
public final class GitWorkTree {
  private GitWorkTree() {}

  /**
   * The files below {@code folder} (relative to it, '/' separators, sorted); empty when the folder
   * is in no git work tree, or lies in an untracked folder the enclosing repository ignores (git
   * would list nothing there, but the user asked for exactly that folder).
   */
  public static Optional<List<String>> files(Path folder) throws IOException {
    Path real = folder.toRealPath();
    try (Repository repo = GitRepositories.open(real)) {
      Path workTree = repo.getWorkTree().toPath().toRealPath();
      String prefix = workTree.relativize(real).toString().replace('\\', '/');
      var out = new TreeSet<String>();
      if (!collect(repo, prefix, out)) {
        return Optional.empty();
      }
      var files = new ArrayList<String>(out.size());
      for (String path : out) {
        files.add(prefix.isEmpty() ? path : path.substring(prefix.length() + 1));
      }
      return Optional.of(files);
    } catch (GitRepositories.NotARepositoryException e) {
      return Optional.empty();
    }
  }

  /**
   * Adds the work tree's files (under {@code prefix} when not empty) to {@code out}, by work-tree
   * path; false when {@code prefix} lies in an ignored untracked folder.
   */
  private static boolean collect(Repository repo, String prefix, TreeSet<String> out) throws IOException {
    try (var walk = new TreeWalk(repo)) {
      walk.addTree(new DirCacheIterator(repo.readDirCache()));
      var workTree = new FileTreeIterator(repo);
      workTree.setWalkIgnoredDirectories(true); // tracked files inside ignored folders are still git's
      walk.addTree(workTree);
      walk.setRecursive(false);
      if (!prefix.isEmpty()) {
        walk.setFilter(PathFilter.create(prefix));
      }
      while (walk.next()) {
        String path = walk.getPathString();
        boolean underPrefix = prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
        var index = walk.getTree(0, DirCacheIterator.class);
        var disk = walk.getTree(1, WorkingTreeIterator.class);
        boolean tracked = index != null;
        if (disk == null) {
          continue; // tracked but deleted from the work tree: nothing to scan
        }
        if (!tracked && disk.isEntryIgnored()) {
          if (!underPrefix || path.equals(prefix)) {
            return false; // the scanned folder itself, or a folder above it, is ignored
          }
          continue; // ignore rules decide only for untracked paths
        }
        if (walk.isSubtree()) {
          walk.enterSubtree(); // the prefix's ancestors included: the filter keeps only what leads to it
          continue;
        }
        if (!underPrefix) {
          continue;
        }
        if (FileMode.GITLINK.equals(disk.getEntryFileMode()) || (tracked && FileMode.GITLINK.equals(index.getEntryFileMode()))) {
          nested(repo, path, out);
        } else if (FileMode.REGULAR_FILE.equals(disk.getEntryFileMode())
            || FileMode.EXECUTABLE_FILE.equals(disk.getEntryFileMode())) {
          out.add(path);
        }
      }
    }
    return true;
  }

  /** A submodule or nested repository at {@code path}: its own files, when its work tree is there. */
  private static void nested(Repository parent, String path, TreeSet<String> out) throws IOException {
    Path dir = parent.getWorkTree().toPath().resolve(path);
    if (!Files.exists(dir.resolve(".git"))) {
      return; // a submodule that is not checked out
    }
    var builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
    if (builder.getGitDir() == null) {
      return;
    }
    try (Repository sub = builder.setMustExist(true).build()) {
      if (sub.isBare() || !sub.getWorkTree().toPath().toRealPath().equals(dir.toRealPath())) {
        return;
      }
      var inner = new TreeSet<String>();
      collect(sub, "", inner);
      inner.forEach(p -> out.add(path + "/" + p));
    }
  }
}
