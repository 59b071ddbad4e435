package dev.bulwark.server.scanner;

import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.v1.Digest;
import dev.bulwark.v1.FileEntry;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.ScanTask;
import io.grpc.Context;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One scan task as a scanner sees it: the manifest, and the bytes of any file or image,
 * fetched from the content store on first use and cached locally by digest.
 */
public final class ScanWorkspace {
  private final ScanTask task;
  private final DiskBlobStore cache;
  private final ContentStoreClient store;
  private final List<FileEntry> tree;
  private final List<FileEntry> history;

  public ScanWorkspace(ScanTask task, DiskBlobStore cache, ContentStoreClient store) {
    this.task = task;
    this.cache = cache;
    this.store = store;
    var files = task.getManifest().getFilesList();
    this.tree = files.stream().filter(f -> f.getHistoryCommit().isEmpty()).toList();
    this.history = files.stream().filter(f -> !f.getHistoryCommit().isEmpty()).toList();
  }

  public ScanTask task() {
    return task;
  }

  /**
   * The files of the scanned tree. Versions that {@code bulwark scan --history} adds from git
   * history are not among them (see {@link #historyFiles()}), so a scanner that reads every file
   * never mistakes them for the tree.
   */
  public List<FileEntry> files() {
    return tree;
  }

  /** File versions from git history that the tree no longer holds ({@code FileEntry.history_commit} set). */
  public List<FileEntry> historyFiles() {
    return history;
  }

  public List<Image> images() {
    return task.getManifest().getImagesList();
  }

  /** Files whose path the filter accepts. */
  public List<FileEntry> select(Predicate<String> pathFilter) {
    return files().stream().filter(f -> pathFilter.test(f.getPath())).toList();
  }

  public Optional<FileEntry> file(String path) {
    return files().stream().filter(f -> f.getPath().equals(path)).findFirst();
  }

  /** Fetches all these files in one round trip; later reads are local. */
  public void prefetch(Collection<FileEntry> files) throws IOException {
    store.fetchInto(files.stream().map(FileEntry::getDigest).toList(), cache);
  }

  /** The local file holding the blob, fetched if needed. */
  public Path localPath(Digest digest) throws IOException {
    if (!cache.contains(digest)) {
      store.fetchInto(List.of(digest), cache);
    }
    return cache.path(digest);
  }

  public Path localPath(FileEntry file) throws IOException {
    return localPath(file.getDigest());
  }

  public Path localPath(Image image) throws IOException {
    return localPath(image.getArchive());
  }

  public byte[] read(FileEntry file) throws IOException {
    return Files.readAllBytes(localPath(file));
  }

  /** The file as UTF-8 text, or empty when it is binary (a NUL byte or invalid UTF-8). */
  public Optional<String> readText(FileEntry file) throws IOException {
    byte[] bytes = read(file);
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Lays the selected files out under {@code dir} at their relative paths (for tools that want
   * a real tree, such as Trivy). Returns {@code dir}.
   */
  public Path materialize(Path dir, Predicate<String> pathFilter) throws IOException {
    var selected = select(pathFilter);
    prefetch(selected);
    Path root = dir.toAbsolutePath().normalize();
    for (FileEntry f : selected) {
      Path target = root.resolve(f.getPath()).normalize();
      if (!target.startsWith(root)) {
        throw new IllegalArgumentException("path escapes the scanned root: " + f.getPath());
      }
      Files.createDirectories(target.getParent());
      Files.copy(cache.path(f.getDigest()), target);
    }
    return root;
  }

  /** True once the caller went away or the deadline passed: stop early. */
  public boolean cancelled() {
    return Context.current().isCancelled();
  }
}
