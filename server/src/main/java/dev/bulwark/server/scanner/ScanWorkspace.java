package dev.bulwark.server.scanner;

import dev.bulwark.common.cas.BlobSource;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.server.scanner.results.ResultCache;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One scan task as a scanner sees it: the manifest, and the bytes of any file or image,
 * fetched from the content store (a gateway replica, or the shared store directly) on first use
 * and cached locally by digest.
 */
public final class ScanWorkspace {
  private final ScanTask task;
  private final DiskBlobStore cache;
  private final BlobSource store;
  private final List<FileEntry> tree;
  private final List<FileEntry> history;
  private final ResultCache results;
  /** Paths whose content the engine asked for (read, fetched, or looked up by name). */
  private final Set<String> read = ConcurrentHashMap.newKeySet();
  /** Why this scan's answer may differ on the same input (empty: it may be kept). */
  private final Set<String> irreproducible = ConcurrentHashMap.newKeySet();

  public ScanWorkspace(ScanTask task, DiskBlobStore cache, BlobSource store) {
    this(task, cache, store, ResultCache.OFF);
  }

  /** @param results the engine's results cache for this scan */
  public ScanWorkspace(ScanTask task, DiskBlobStore cache, BlobSource store, ResultCache results) {
    this.task = task;
    this.cache = cache;
    this.store = store;
    this.results = results;
    var files = task.getManifest().getFilesList();
    this.tree = files.stream().filter(f -> f.getHistoryCommit().isEmpty()).toList();
    this.history = files.stream().filter(f -> !f.getHistoryCommit().isEmpty()).toList();
  }

  public ScanTask task() {
    return task;
  }

  /**
   * Analysis results kept from earlier scans, for units (files, lockfiles) whose content and
   * dependencies did not change ({@link ScannerEngine#resultKey()}); {@link ResultCache#OFF} when
   * the engine or the scanner does not cache.
   */
  public ResultCache results() {
    return results;
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

  /** The file at this path, if the tree has one; the engine depends on it either way (it is recorded). */
  public Optional<FileEntry> file(String path) {
    read.add(path);
    return files().stream().filter(f -> f.getPath().equals(path)).findFirst();
  }

  /** Fetches all these files in one round trip; later reads are local. */
  public void prefetch(Collection<FileEntry> files) throws IOException {
    files.forEach(f -> read.add(f.getPath()));
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
    read.add(file.getPath());
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
    return text(read(file));
  }

  /**
   * Bytes as UTF-8 text, or empty when they are binary (a NUL byte in the first 8 KiB, or invalid
   * UTF-8): how every scanner tells text from binary, in a scan or an in-process check.
   */
  public static Optional<String> text(byte[] bytes) {
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

  /**
   * Says that this scan's answer may differ on the same input (a provider was called, a resolution
   * was incomplete, an external tool ran): the whole answer is then not kept. Thread-safe.
   */
  public void irreproducible(String why) {
    irreproducible.add(why);
  }

  /** Why the answer may not be kept; empty when it is reproducible from the tree and the engine's key. */
  public Set<String> irreproducibleBecause() {
    return Set.copyOf(irreproducible);
  }

  /** Paths of the tree whose content the engine asked for so far (or looked up by name, present or not). */
  public Set<String> pathsRead() {
    return Set.copyOf(read);
  }

  /** True once the caller went away or the deadline passed: stop early. */
  public boolean cancelled() {
    return Context.current().isCancelled();
  }
}
