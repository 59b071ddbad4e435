package dev.bulwark.cli.history;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Finds the git repository that holds a scanned folder, as {@code git} itself would (upwards). */
public final class GitRepositories {
  private GitRepositories() {}

  /** The folder is in no git repository, or in a bare one (which has no work tree to scan). */
  public static final class NotARepositoryException extends Exception {
    NotARepositoryException(String message) {
      super(message);
    }
  }

  /**
   * Opens the repository whose work tree holds {@code folder}, looking in it and its parents (a
   * {@code .git} folder or a {@code .git} file of a linked work tree). The environment
   * ({@code GIT_DIR} and the like) is deliberately not read: the folder decides.
   */
  public static Repository open(Path folder) throws NotARepositoryException, IOException {
    var builder = new FileRepositoryBuilder().findGitDir(folder.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new NotARepositoryException(folder + " is not in a git repository");
    }
    Repository repo = builder.setMustExist(true).build();
    if (repo.isBare()) {
      repo.close();
      throw new NotARepositoryException(folder + " is in a bare git repository, which has no work tree");
    }
    return repo;
  }

  /** The scanned folder's path inside the work tree ("" for the work tree itself), '/' separators. */
  static String prefix(Repository repo, Path folder) throws IOException {
    Path workTree = repo.getWorkTree().toPath().toRealPath();
    Path inside = folder.toRealPath();
    if (!inside.startsWith(workTree)) {
      throw new IOException(folder + " is outside the work tree " + workTree);
    }
    return workTree.relativize(inside).toString().replace('\\', '/');
  }
}
