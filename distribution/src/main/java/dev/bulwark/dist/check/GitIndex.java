package dev.bulwark.dist.check;

import dev.bulwark.server.embedded.LocalTree;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A git repository's index, the content the next commit will hold, read through {@code git}
 * itself (so {@code GIT_INDEX_FILE}, set by {@code git commit -a} and partial commits, is
 * honoured): the staged changes, every indexed file, and their blobs, streamed by one
 * {@code git cat-file --batch} process. Symbolic links, submodules and unmerged entries are left out.
 */
public final class GitIndex implements LocalTree, AutoCloseable {
  private final Path root;
  /** Path → blob id, in index order. */
  private final Map<String, String> blobs;
  /** Blob sizes, read by {@code git cat-file --batch-check} on a thread of its own from {@link #open} on. */
  private final FutureTask<Map<String, Long>> sizes;
  private Process catFile;
  private OutputStream requests;
  private InputStream answers;

  private GitIndex(Path root, Map<String, String> blobs) {
    this.root = root;
    this.blobs = blobs;
    // Every check asks for sizes (the scanners' size limit, the policy files), and git needs a while for a
    // large index (each blob looked up): it answers while the scanners load their rules.
    this.sizes = new FutureTask<>(this::sizes);
    var thread = new Thread(sizes, "git-sizes");
    thread.setDaemon(true);
    thread.start();
  }

  /** The index of the repository that holds {@code dir}. */
  public static GitIndex open(Path dir) throws IOException {
    String top = new String(git(dir, "rev-parse", "--show-toplevel"), StandardCharsets.UTF_8).strip();
    Path root = Path.of(top);
    var blobs = new LinkedHashMap<String, String>();
    // "<mode> <blob id> <stage>\t<path>\0" per entry
    for (String entry : split(git(root, "ls-files", "--stage", "-z"))) {
      int tab = entry.indexOf('\t');
      String[] meta = entry.substring(0, tab).split(" ");
      if (meta[0].startsWith("100") && meta[2].equals("0")) { // regular files, merged
        blobs.put(entry.substring(tab + 1), meta[1]);
      }
    }
    return new GitIndex(root, blobs);
  }

  public Path root() {
    return root;
  }

  /**
   * The files the next commit adds or changes (renamed files under their new path), as staged.
   * In a repository without commits, every indexed file (git compares the index with the empty tree).
   */
  public List<String> staged() throws IOException {
    List<String> changed = split(git(root, "diff", "--cached", "--name-only", "--no-renames", "-z", "--diff-filter=AMT"));
    return changed.stream().filter(blobs::containsKey).toList();
  }

  @Override
  public List<String> paths() {
    return List.copyOf(blobs.keySet());
  }

  @Override
  public long size(String path) throws IOException {
    if (!blobs.containsKey(path)) {
      return -1;
    }
    try {
      return sizes.get().getOrDefault(blobs.get(path), -1L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while git read the blob sizes", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException("git cat-file --batch-check: " + e.getCause(),
          e.getCause());
    }
  }

  @Override
  public synchronized Optional<byte[]> read(String path) throws IOException {
    String blob = blobs.get(path);
    if (blob == null) {
      return Optional.empty();
    }
    if (catFile == null) {
      catFile = new ProcessBuilder("git", "-C", root.toString(), "cat-file", "--batch")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      requests = new BufferedOutputStream(catFile.getOutputStream());
      answers = new BufferedInputStream(catFile.getInputStream());
    }
    requests.write((blob + "\n").getBytes(StandardCharsets.US_ASCII));
    requests.flush();
    String header = line(answers); // "<id> blob <size>" or "<id> missing"
    String[] parts = header.split(" ");
    if (parts.length != 3) {
      throw new IOException("git cat-file: unexpected answer for " + path + ": " + header);
    }
    byte[] content = answers.readNBytes(Integer.parseInt(parts[2]));
    answers.read(); // the newline after the content
    return Optional.of(content);
  }

  /** Blob sizes of every indexed file, in one {@code git cat-file --batch-check}. */
  private Map<String, Long> sizes() throws IOException {
    var process = new ProcessBuilder("git", "-C", root.toString(), "cat-file", "--batch-check")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    var writer = new Thread(() -> {
      try (var out = new BufferedOutputStream(process.getOutputStream())) {
        for (String blob : blobs.values()) {
          out.write((blob + "\n").getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException ignored) {
        // the reader below sees the short answer
      }
    }, "git-batch-check");
    writer.start();
    var found = new HashMap<String, Long>();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    for (String line : out.split("\n")) {
      String[] parts = line.split(" ");
      if (parts.length == 3) {
        found.put(parts[0], Long.parseLong(parts[2]));
      }
    }
    return found;
  }

  @Override
  public synchronized void close() {
    if (catFile != null) {
      catFile.destroy();
      catFile = null;
    }
  }

  private static String line(InputStream in) throws IOException {
    var bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("git cat-file ended early");
      }
      bytes.write(b);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<String> split(byte[] nulSeparated) {
    var out = new ArrayList<String>();
    for (String s : new String(nulSeparated, StandardCharsets.UTF_8).split("\0")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private record Ran(int exitCode, byte[] out, String err) {}

  private static byte[] git(Path dir, String... args) throws IOException {
    var ran = run(dir, args);
    if (ran.exitCode != 0) {
      throw new IOException("git " + String.join(" ", args) + " failed in " + dir + ": "
          + ran.err.lines().findFirst().orElse("exit " + ran.exitCode));
    }
    return ran.out;
  }

  private static Ran run(Path dir, String... args) throws IOException {
    var command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(false).start();
    var err = new ByteArrayOutputStream();
    var drain = new Thread(() -> {
      try {
        process.getErrorStream().transferTo(err);
      } catch (IOException ignored) {
        // best effort: only for the message
      }
    }, "git-stderr");
    drain.start();
    byte[] out = process.getInputStream().readAllBytes();
    try {
      int code = process.waitFor();
      drain.join();
      return new Ran(code, out, err.toString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running git", e);
    }
  }
}
