package dev.bulwark.container.image;

import java.util.List;

/**
 * What one layer does to the tree below it, as read from its tar: whiteouts, opaque directories,
 * new nodes (with the captured bytes) and hard links, in archive order. It depends only on the
 * layer's bytes and on what the reader captures, so it is the unit the {@link LayerCache} keeps;
 * {@link ImageReader} applies it the same way whether it was just read or loaded from the cache.
 *
 * @param changes           the entries, in archive order
 * @param entries           tar entries of the layer (charged to the image's entry budget)
 * @param uncompressedBytes bytes of the layer tar after decompression
 * @param compressedBytes   bytes of the layer blob as stored in the image archive
 */
record LayerChanges(List<Change> changes, long entries, long uncompressedBytes, long compressedBytes) {

  /** What a change does. */
  enum Kind { WHITEOUT, OPAQUE, NODE, HARDLINK }

  /**
   * One entry of the layer.
   *
   * @param path       normalised path it affects (the hidden path for a whiteout, the directory for OPAQUE)
   * @param type       node type for NODE (FILE for HARDLINK); null for whiteouts
   * @param linkTarget symlink target (NODE) or normalised hard link target (HARDLINK)
   * @param content    captured bytes of a regular file, else null
   */
  record Change(Kind kind, String path, LayeredFileSystem.Type type, String linkTarget, byte[] content) {}
}
