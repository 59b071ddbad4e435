package dev.bulwark.sca.inventory;

import java.util.Optional;

/**
 * Reads other files of the scanned tree by relative path, for formats that refer to them
 * (a Maven parent through {@code relativePath}, {@code -r other.txt} in requirements files).
 */
@FunctionalInterface
public interface ManifestSource {
  /** The file's bytes, or empty when the tree has no such file. */
  Optional<byte[]> read(String relativePath);
}
