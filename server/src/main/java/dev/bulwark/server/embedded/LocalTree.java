package dev.bulwark.server.embedded;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A tree as an in-process check sees it ({@link FileCheck}): the paths of its files and their
 * bytes, read on demand (a git index, a folder). Paths are relative, with '/' separators.
 */
public interface LocalTree {
  /** Every file of the tree, in a stable order. */
  List<String> paths();

  /** The file's size in bytes, -1 when the tree has no such file. */
  long size(String path) throws IOException;

  /** The file's bytes, or empty when the tree has no such file. */
  Optional<byte[]> read(String path) throws IOException;
}
