package dev.bulwark.container.image;

/**
 * Bounds on what reading one image may cost. Exceeding one makes the image "hostile": it is
 * reported, not scanned.
 *
 * @param maxUncompressedBytes total bytes of all layers after decompression
 * @param maxEntries           total tar entries over all layers
 * @param maxCompressionRatio  uncompressed / compressed bytes of one layer (a gzip bomb goes far above)
 * @param maxLayers            layers per image
 * @param maxCapturedFileBytes size of one package database (or other captured file) kept in memory
 */
public record ImageLimits(long maxUncompressedBytes, long maxEntries, long maxCompressionRatio, int maxLayers,
    long maxCapturedFileBytes) {

  public static ImageLimits defaults() {
    return new ImageLimits(16L * 1024 * 1024 * 1024, 2_000_000, 200, 256, 64L * 1024 * 1024);
  }
}
