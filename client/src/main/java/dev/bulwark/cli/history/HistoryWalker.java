package dev.bulwark.cli.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Walks the git history of a scanned folder: every file version (blob) that a commit reachable
 * from HEAD holds under that folder, each once, with the oldest walked commit that holds it and
 * its path there. Deleted files and overwritten versions are found because every commit's whole
 * tree is visited; a subtree already seen in an earlier commit is skipped (its blobs are known),
 * so the walk costs about one visit per distinct tree, not one per commit and file.
 *
 * <p>Only regular and executable files count: submodules (gitlinks) and symbolic links are not
 * file content. Versions above {@code maxFileBytes} and paths {@code wantedPath} rejects are
 * counted and left out without being read.
 */
public final class HistoryWalker {
  /**
   * Which commits to walk.
   *
   * @param maxCommits at most this many, newest first along HEAD's history (0: all)
   * @param since      none committed before this instant (null: no limit)
   */
  public record Bounds(int maxCommits, Instant since) {
    public static final Bounds ALL = new Bounds(0, null);

    public Bounds {
      if (maxCommits < 0) {
        throw new IllegalArgumentException("maxCommits must not be negative");
      }
    }
  }

  /**
   * One file version of the history.
   *
   * @param commit full id of the oldest walked commit holding it
   * @param path   its path in that commit, relative to the scanned folder, '/' separators
   */
  public record Version(ObjectId blob, String commit, String path, long size) {}

  /** What a walk found: versions in walk order (oldest commit first), and what it left out. */
  public record Walk(List<Version> versions, int commits, int oversized, int unwanted) {}

  private final long maxFileBytes;
  private final Predicate<String> wantedPath;

  public HistoryWalker(long maxFileBytes, Predicate<String> wantedPath) {
    this.maxFileBytes = maxFileBytes;
    this.wantedPath = wantedPath;
  }

  /**
   * Walks the history of {@code folder} (the repository's work tree or a folder inside it).
   * An empty repository (no commit yet) has no history.
   */
  public Walk walk(Repository repo, Path folder, Bounds bounds) throws IOException {
    String prefix = GitRepositories.prefix(repo, folder);
    ObjectId head = repo.resolve(Constants.HEAD);
    if (head == null) {
      return new Walk(List.of(), 0, 0, 0);
    }
    var versions = new LinkedHashMap<ObjectId, Version>();
    var seenTrees = new HashSet<ObjectId>();
    var skipped = new HashSet<ObjectId>();
    int[] oversized = {0};
    int[] unwanted = {0};
    try (var revWalk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
      List<RevCommit> commits = commits(revWalk, head, bounds);
      for (RevCommit commit : commits) {
        ObjectId root = rootTree(reader, commit, prefix);
        if (root == null) {
          continue; // the folder did not exist in this commit
        }
        try (var tw = new TreeWalk(repo, reader)) {
          tw.addTree(root);
          tw.setRecursive(false);
          while (tw.next()) {
            ObjectId id = tw.getObjectId(0);
            FileMode mode = tw.getFileMode(0);
            if (mode == FileMode.TREE) {
              if (seenTrees.add(id)) {
                tw.enterSubtree();
              }
            } else if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)
                && !versions.containsKey(id) && !skipped.contains(id)) {
              String path = tw.getPathString();
              long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
              if (size > maxFileBytes) {
                skipped.add(id);
                oversized[0]++;
              } else if (!wantedPath.test(path)) {
                unwanted[0]++; // not marked: the same content may come back at a wanted path
              } else {
                versions.put(id, new Version(id, commit.name(), path, size));
              }
            }
          }
        }
      }
      return new Walk(List.copyOf(versions.values()), commits.size(), oversized[0], unwanted[0]);
    }
  }

  /** The commits to visit, oldest first (parents before children), within the bounds. */
  private static List<RevCommit> commits(RevWalk revWalk, ObjectId head, Bounds bounds) throws IOException {
    revWalk.sort(RevSort.TOPO);
    revWalk.markStart(revWalk.parseCommit(head));
    var commits = new ArrayList<RevCommit>();
    for (RevCommit c : revWalk) {
      // Checked per commit rather than with a RevFilter that stops at the first older commit: one
      // commit with a skewed clock must not hide the rest.
      if (bounds.since() != null && c.getCommitTime() < bounds.since().getEpochSecond()) {
        continue;
      }
      commits.add(c);
      if (bounds.maxCommits() > 0 && commits.size() >= bounds.maxCommits()) {
        break;
      }
    }
    Collections.reverse(commits);
    return commits;
  }

  /** The tree of the scanned folder in this commit, or null when it is absent there. */
  private static ObjectId rootTree(ObjectReader reader, RevCommit commit, String prefix) throws IOException {
    if (prefix.isEmpty()) {
      return commit.getTree().getId();
    }
    try (var tw = TreeWalk.forPath(reader, prefix, commit.getTree())) {
      return tw != null && tw.getFileMode(0) == FileMode.TREE ? tw.getObjectId(0) : null;
    }
  }
}
