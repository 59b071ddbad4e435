package dev.bulwark.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A package database kept inside files too large to hold in memory: Java archives, Go executables.
 * The layer reader streams each file this database {@link #examines} through {@link #extract} and
 * keeps only the short {@link ExtractedRecord} it returns, in place of the file's content (and in
 * the {@link LayerCache}); {@link #parse} later reads that record. Such a database never asks for
 * whole files: its {@link #wants} is false for every path.
 */
public interface EmbeddedPackageDatabase extends PackageDatabase {
  /** Whether the regular file at this path, of this size and tar mode, may hold packages. */
  boolean examines(String path, long size, int mode);

  /**
   * Reads the file as it streams past (at most {@code size} bytes; the stream need not be read to
   * its end). Empty when the file holds no packages. A malformed or hostile file gives a record
   * with a problem, not an exception; an exception is the stream's own (the layer's read failed).
   */
  Optional<byte[]> extract(String path, InputStream content, long size) throws IOException;

  @Override
  default boolean wants(String path) {
    return false;
  }

  @Override
  default boolean reads(String path, byte[] content) {
    return ExtractedRecord.isFor(name(), version(), content);
  }

  @Override
  default List<Entry> parse(String path, byte[] content) {
    return ExtractedRecord.entries(content);
  }

  @Override
  default List<String> problems(String path, byte[] content) {
    return ExtractedRecord.problems(content);
  }
}
