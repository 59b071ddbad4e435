package dev.bulwark.container.bench;

import dev.bulwark.container.image.ImageAnalyzer;
import dev.bulwark.container.image.ImageInventory;
import dev.bulwark.container.image.ImageLimits;
import dev.bulwark.container.image.LayerCache;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Native scan of one image archive without the layer cache, cold (empty cache, filled by the
 * scan) and warm (the same cache): median and minimum of N runs, and the peak heap of each phase
 * (sum of the heap pools' peak usage, reset before the phase). Run by bench/container/image-bench.sh.
 *
 * <p>Usage: {@code ImageCacheBenchmark <image.tar> [runs] [scratch dir]}
 */
public final class ImageCacheBenchmark {
  private ImageCacheBenchmark() {}

  /** What one phase measured. */
  private record Phase(String name, List<Double> millis, long peakHeapBytes, ImageInventory inventory) {
    double median() {
      var sorted = millis.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
  }

  @FunctionalInterface
  private interface Scan {
    ImageInventory run(int i) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path image = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path scratch = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("bulwark-image-bench");
    var limits = ImageLimits.defaults();
    var uncachedAnalyzer = new ImageAnalyzer(limits);
    uncachedAnalyzer.analyze(image, "bench"); // JIT and page-cache warm-up, not measured

    var uncached = phase("uncached", runs, i -> uncachedAnalyzer.analyze(image, "bench"));
    var cold = phase("cold cache", runs, i -> {
      Path dir = scratch.resolve("cold-" + i);
      delete(dir);
      return new ImageAnalyzer(limits, LayerCache.at(dir)).analyze(image, "bench");
    });
    Path warmDir = scratch.resolve("warm");
    delete(warmDir);
    var warmCache = LayerCache.at(warmDir);
    var warmAnalyzer = new ImageAnalyzer(limits, warmCache);
    warmAnalyzer.analyze(image, "bench"); // fills the cache
    long hitsBefore = warmCache.hits();
    var warm = phase("warm cache", runs, i -> warmAnalyzer.analyze(image, "bench"));

    if (!warm.inventory().equals(uncached.inventory()) || !cold.inventory().equals(uncached.inventory())) {
      throw new IllegalStateException("cached and uncached inventories differ");
    }
    long cacheBytes;
    try (Stream<Path> s = Files.walk(warmDir)) {
      cacheBytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf("image %s: %d MiB, %d layers, %d packages; %d runs per phase%n", image.getFileName(),
        Files.size(image) >> 20, uncached.inventory().layers().size(), uncached.inventory().packages().size(), runs);
    var byEcosystem = new java.util.TreeMap<String, Long>();
    uncached.inventory().packages().forEach(p -> byEcosystem.merge(p.ecosystem(), 1L, Long::sum));
    System.out.printf("packages by ecosystem: %s; notes: %s%n", byEcosystem, uncached.inventory().notes());
    for (var p : List.of(uncached, cold, warm)) {
      System.out.printf("%-12s median %8.1f ms   min %8.1f ms   peak heap %6.1f MiB%n", p.name(), p.median(),
          p.millis().stream().min(Comparator.naturalOrder()).orElseThrow(), p.peakHeapBytes() / 1048576.0);
    }
    System.out.printf("warm / cold = %.1f %%   (layer cache hits in warm phase: %d; cache on disk: %d KiB)%n",
        100 * warm.median() / cold.median(), warmCache.hits() - hitsBefore, cacheBytes >> 10);
  }

  private static Phase phase(String name, int runs, Scan scan) throws Exception {
    var pools = new ArrayList<MemoryPoolMXBean>();
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pools.add(pool);
      }
    }
    System.gc();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    var millis = new ArrayList<Double>();
    ImageInventory last = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      last = scan.run(i);
      millis.add((System.nanoTime() - start) / 1e6);
    }
    long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Phase(name, millis, peak, last);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
