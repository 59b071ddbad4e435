package dev.bulwark.cli.history;

import dev.bulwark.cli.history.HistoryWalker.Bounds;
import dev.bulwark.cli.history.HistoryWalker.Version;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FileEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Turns the history of a scanned folder into manifest entries ({@code bulwark scan --history}):
 * each text file version that is not in the tree being scanned becomes a {@link FileEntry} with
 * {@code history_commit} and {@code history_path} set, keyed {@code .bulwark-history/<blob id>}
 * (a path no scanner's file-name rules match); its content stays in git until {@link HistorySpool}
 * writes what the content store lacks.
 * Binary versions are left out like the SAST scanner leaves them out (a NUL byte in the first
 * 8 KiB, or invalid UTF-8), and so are versions whose content the tree already holds, at any path.
 */
public final class HistoryPacker {
  /** Where history entries live in the manifest; the tree packer never produces such a path. */
  public static final String PATH_PREFIX = ".bulwark-history/";
  /** The SAST scanner's own limit: larger versions would not be read. */
  public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;

  /**
   * The history as a manifest part.
   *
   * @param files    entries, oldest commit first
   * @param blobs    the git blob holding each entry's content, by digest
   * @param commits  how many commits were walked
   * @param skipped  versions left out: binary, oversized, unwanted paths
   * @param inTree   versions left out because the tree holds the same content
   */
  public record PackedHistory(List<FileEntry> files, Map<Digest, ObjectId> blobs, int commits, int skipped,
      int inTree) {}

  private final HistoryWalker walker;

  public HistoryPacker(long maxFileBytes, Predicate<String> wantedPath) {
    this.walker = new HistoryWalker(maxFileBytes, wantedPath);
  }

  /**
   * @param folder     the scanned folder, in a git work tree
   * @param treeHashes SHA-256 (hex) of every file the tree scan already sends
   * @throws GitRepositories.NotARepositoryException when the folder is in no git work tree
   */
  public PackedHistory pack(Path folder, Bounds bounds, Set<String> treeHashes)
      throws IOException, GitRepositories.NotARepositoryException {
    try (Repository repo = GitRepositories.open(folder); ObjectReader reader = repo.newObjectReader()) {
      var walk = walker.walk(repo, folder, bounds);
      var files = new ArrayList<FileEntry>();
      var blobs = new LinkedHashMap<Digest, ObjectId>();
      int skipped = walk.oversized() + walk.unwanted();
      int inTree = 0;
      for (Version v : walk.versions()) {
        byte[] bytes = reader.open(v.blob()).getBytes();
        if (!isText(bytes)) {
          skipped++;
          continue;
        }
        Digest digest = Digests.of(bytes);
        if (treeHashes.contains(digest.getHash())) {
          inTree++;
          continue;
        }
        blobs.putIfAbsent(digest, v.blob());
        files.add(FileEntry.newBuilder().setPath(PATH_PREFIX + v.blob().name()).setDigest(digest).setMode(0644)
            .setHistoryCommit(v.commit()).setHistoryPath(v.path()).build());
      }
      return new PackedHistory(List.copyOf(files), blobs, walk.commits(), skipped, inTree);
    }
  }

  /** Text as the SAST scanner reads it: no NUL in the first 8 KiB, valid UTF-8. */
  static boolean isText(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
