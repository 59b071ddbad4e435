package dev.bulwark.sca.bench;

import dev.bulwark.sca.ScaEngine;
import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.OsvRecord;
import dev.bulwark.advisories.advisory.PackageNames;
import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.advisories.version.VersionOrders;
import dev.bulwark.v1.Scope;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Times the advisory pipeline on real data (plain Java, no JMH): importing an OSV folder into an
 * empty store, opening the store and loading its index, and matching a 20,000-package inventory
 * made of real package names from the advisories. Prints medians and the peak heap.
 * Run with {@code bench/sca/run.sh [osv-folder] [runs]}.
 */
public final class ScaBenchmark {
  private static final int PACKAGES = 20_000;

  public static void main(String[] args) throws Exception {
    Path osv = Path.of(args.length > 0 ? args[0] : "../shared/osv");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path work = Files.createTempDirectory("sca-bench");
    try {
      long[] imports = new long[runs];
      long[] opens = new long[runs];
      long[] matches = new long[runs];
      long[] importCpu = new long[runs];
      long[] openCpu = new long[runs];
      long[] matchCpu = new long[runs];
      int findings = 0;
      List<InstalledPackage> inventory = null;
      for (int i = 0; i < runs; i++) {
        Path data = work.resolve("run" + i);
        long c0 = cpu();
        long t0 = System.nanoTime();
        AdvisoryStore.open(data).importFrom(osv);
        imports[i] = System.nanoTime() - t0;
        importCpu[i] = cpu() - c0;

        long c1 = cpu();
        long t1 = System.nanoTime();
        AdvisoryStore store = AdvisoryStore.open(data);
        store.index();
        opens[i] = System.nanoTime() - t1;
        openCpu[i] = cpu() - c1;

        if (inventory == null) {
          inventory = inventory(store);
        }
        var packages = inventory;
        var engine = new ScaEngine(ws -> new dev.bulwark.sca.PackageSource.Packages(packages, List.of(), 1),
            Optional.of(store));
        var count = new int[1];
        long c2 = cpu();
        long t2 = System.nanoTime();
        engine.scan(null, f -> count[0]++);
        matches[i] = System.nanoTime() - t2;
        matchCpu[i] = cpu() - c2;
        findings = count[0];
      }
      System.out.printf("osv source        : %s%n", osv.toAbsolutePath().normalize());
      System.out.printf("runs              : %d%n", runs);
      System.out.println("(wall clock, and CPU time of the benchmark thread: on a shared machine wall >> cpu)");
      System.out.printf("import (empty)    : median %d ms wall, %d ms cpu  %s%n", median(imports), median(importCpu),
          ms(imports));
      System.out.printf("open + load index : median %d ms wall, %d ms cpu  %s%n", median(opens), median(openCpu),
          ms(opens));
      System.out.printf("match %,d pkgs : median %d ms wall, %d ms cpu  %s  (%d findings)%n", PACKAGES,
          median(matches), median(matchCpu), ms(matches), findings);
      System.out.printf("peak heap         : %d MiB%n", peakHeap() / (1024 * 1024));
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Real package names from the store, each with versions taken from its records' events and
   * lists; the inventory cycles through the distinct names (as a large monorepo would list
   * mostly different packages), picking a random known version each time.
   */
  private static List<InstalledPackage> inventory(AdvisoryStore store) throws IOException {
    Map<String, List<String>> versionsByPackage = new LinkedHashMap<>();
    for (var eco : store.ecosystems()) {
      var order = VersionOrders.forEcosystem(eco.name());
      for (OsvRecord r : store.records(eco.name())) {
        for (OsvRecord.Affected a : r.affected()) {
          if (a.pkg() == null || a.pkg().name() == null
              || !PackageNames.ecosystemKey(a.pkg().ecosystem()).orElse("").equals(eco.name())) {
            continue;
          }
          var versions = versionsByPackage.computeIfAbsent(eco.name() + "\u0000" + a.pkg().name(), k -> new ArrayList<>());
          versions.addAll(a.versions());
          a.ranges().forEach(rg -> rg.events().forEach(e -> versions.add(e.version())));
          versions.removeIf(v -> v == null || v.equals("0") || !order.isValid(v));
        }
      }
    }
    versionsByPackage.values().removeIf(List::isEmpty);
    var names = new ArrayList<>(versionsByPackage.keySet());
    var random = new Random(7);
    Collections.shuffle(names, random);
    var out = new ArrayList<InstalledPackage>(PACKAGES);
    for (int i = 0; i < PACKAGES; i++) {
      String key = names.get(i % names.size());
      String[] ecoName = key.split("\u0000", 2);
      var versions = versionsByPackage.get(key);
      out.add(new InstalledPackage(ecoName[0], ecoName[1], versions.get(random.nextInt(versions.size())),
          Scope.RUNTIME, true, "lockfile", 0, ""));
    }
    System.out.printf("inventory         : %,d packages over %,d distinct names%n", out.size(), names.size());
    return out;
  }

  private static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1_000_000;
  }

  private static String ms(long[] nanos) {
    return Arrays.toString(Arrays.stream(nanos).map(n -> n / 1_000_000).toArray());
  }

  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
