package dev.bulwark.common.cas;

import dev.bulwark.v1.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs on local disk, named by digest ({@code <root>/ab/abcdef…}): the embedded cluster's
 * content store, and every scanner's local cache. A blob becomes visible only after its bytes
 * were verified against its digest, and is verified again whenever it is opened.
 */
public final class DiskBlobStore implements BlobStore {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final Path root;

  public DiskBlobStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create blob store at " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public boolean contains(Digest digest) {
    Digests.validate(digest);
    Path p = path(digest);
    try {
      return Files.isRegularFile(p) && Files.size(p) == digest.getSizeBytes();
    } catch (IOException e) {
      return false;
    }
  }

  /** Where the blob lives (whether or not it is there yet). Reading the file directly skips verification. */
  public Path path(Digest digest) {
    Digests.validate(digest);
    String h = digest.getHash();
    return root.resolve(h.substring(0, 2)).resolve(h);
  }

  @Override
  public InputStream open(Digest digest) throws IOException {
    try {
      return new VerifyingInputStream(Files.newInputStream(path(digest)), digest, "disk store " + root);
    } catch (NoSuchFileException e) {
      throw new NoSuchBlobException(digest);
    }
  }

  @Override
  public BlobWriter writer(Digest digest) throws IOException {
    Digests.validate(digest);
    Path tmp = Files.createTempFile(root.resolve("tmp"), digest.getHash().substring(0, 8), ".part");
    return new DiskWriter(digest, tmp);
  }

  @Override
  public void forEach(Consumer<StoredBlob> each) throws IOException {
    try (Stream<Path> shards = Files.list(root)) {
      for (Path shard : (Iterable<Path>) shards::iterator) {
        if (!Files.isDirectory(shard) || shard.getFileName().toString().length() != 2) {
          continue;
        }
        try (Stream<Path> blobs = Files.list(shard)) {
          for (Path blob : (Iterable<Path>) blobs::iterator) {
            String name = blob.getFileName().toString();
            if (!HASH.matcher(name).matches()) {
              continue;
            }
            try {
              var attrs = Files.readAttributes(blob, java.nio.file.attribute.BasicFileAttributes.class);
              each.accept(new StoredBlob(Digest.newBuilder().setHash(name).setSizeBytes(attrs.size()).build(),
                  attrs.lastModifiedTime().toInstant()));
            } catch (NoSuchFileException deletedMeanwhile) {
              // another collector or a cache eviction got there first
            }
          }
        }
      }
    }
  }

  @Override
  public boolean delete(Digest digest) throws IOException {
    return Files.deleteIfExists(path(digest));
  }

  @Override
  public void checkWritable() throws IOException {
    var dir = root.resolve("tmp");
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new IOException("content store folder not writable: " + dir);
    }
  }

  @Override
  public String describe() {
    return "disk " + root;
  }

  /** Writes to a temporary file, then verifies and moves it into place. */
  private final class DiskWriter implements BlobWriter {
    private final Digest expected;
    private final Path tmp;
    private final OutputStream out;
    private final BlobCheck check;
    private boolean committed;

    private DiskWriter(Digest expected, Path tmp) throws IOException {
      this.expected = expected;
      this.check = new BlobCheck(expected);
      this.tmp = tmp;
      this.out = Files.newOutputStream(tmp);
    }

    @Override
    public Digest digest() {
      return expected;
    }

    @Override
    public long written() {
      return check.written();
    }

    @Override
    public void write(byte[] data, int off, int len) throws IOException {
      check.add(data, off, len);
      out.write(data, off, len);
    }

    @Override
    public void commit() throws IOException {
      out.close();
      check.verify();
      Path target = path(expected);
      Files.createDirectories(target.getParent());
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(tmp);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      out.close();
      if (!committed) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
