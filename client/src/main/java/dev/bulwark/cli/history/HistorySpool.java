package dev.bulwark.cli.history;

import dev.bulwark.v1.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes history versions to temporary files for upload, and only those the content store
 * lacks: a repeated scan against the same gateway reads the history but spools nothing. The
 * repository and the temporary folder are opened on the first write; {@link #close} removes both.
 */
public final class HistorySpool implements AutoCloseable {
  private final Path folder;
  private final Map<Digest, ObjectId> blobs;
  private Repository repo;
  private Path dir;

  /**
   * @param folder the scanned folder (in the repository the versions come from)
   * @param blobs  the versions' content by digest, from {@link HistoryPacker.PackedHistory#blobs}
   */
  public HistorySpool(Path folder, Map<Digest, ObjectId> blobs) {
    this.folder = folder;
    this.blobs = Map.copyOf(blobs);
  }

  public Set<Digest> digests() {
    return blobs.keySet();
  }

  /** The file holding this version's content, written now. */
  public Path write(Digest digest) throws IOException {
    ObjectId id = blobs.get(digest);
    if (id == null) {
      throw new IllegalArgumentException("not a history version: " + digest.getHash());
    }
    if (repo == null) {
      try {
        repo = GitRepositories.open(folder);
      } catch (GitRepositories.NotARepositoryException e) {
        throw new IOException(e.getMessage(), e);
      }
      dir = Files.createTempDirectory("bulwark-history");
    }
    Path file = dir.resolve(digest.getHash());
    Files.write(file, repo.open(id).getBytes());
    return file;
  }

  @Override
  public void close() {
    if (repo != null) {
      repo.close();
    }
    if (dir != null) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind is not worth failing a finished scan for
      }
    }
  }
}
