package dev.bulwark.sca.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * bench/sca/maven-resolution.sh: resolves the Spring PetClinic pom (parent spring-boot-starter-parent,
 * 131 artifacts, 248 POMs) against the committed POMs served over loopback HTTP: cold (an empty
 * cache each run, every POM downloaded) and warm (the cache of the previous run, nothing
 * downloaded); prints the medians and the warm/cold ratio. Usage: MavenResolutionBench [runs]
 */
public final class MavenResolutionBench {
  private MavenResolutionBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path central = Path.of(System.getProperty("bulwark.bench.central", "scanner-sca/src/test/resources/maven/central"))
        .toAbsolutePath();
    byte[] pom = Files.readAllBytes(central.getParent().resolve("spring-petclinic/pom.xml"));
    Path work = Files.createTempDirectory("bulwark-maven-bench");
    var cold = new ArrayList<Long>();
    var warm = new ArrayList<Long>();
    int artifacts = 0;
    int coldServed = 0;
    int warmServed = 0;
    try (var repo = new RepositoryServer(central)) {
      resolve(pom, ResolveOnce.settings(repo.url(), work.resolve("jit"), false)); // JIT warm-up, not measured
      for (int i = 0; i < runs; i++) {
        Path cache = work.resolve("cache-" + i);
        int before = repo.served();
        long t0 = System.nanoTime();
        artifacts = resolve(pom, ResolveOnce.settings(repo.url(), cache, false));
        long t1 = System.nanoTime();
        coldServed = repo.served() - before;
        resolve(pom, ResolveOnce.settings(repo.url(), cache, false));
        long t2 = System.nanoTime();
        warmServed = repo.served() - before - coldServed;
        cold.add((t1 - t0) / 1_000_000);
        warm.add((t2 - t1) / 1_000_000);
      }
    }
    long c = median(cold);
    long w = median(warm);
    System.out.printf("spring-petclinic: %d artifacts resolved; POMs downloaded: cold %d, warm %d%n", artifacts, coldServed, warmServed);
    System.out.printf("cold (empty cache, loopback repository): median %d ms  %s%n", c, cold);
    System.out.printf("warm (same cache):                       median %d ms  %s%n", w, warm);
    System.out.printf("warm/cold ratio: %.2f%n", (double) w / c);
  }

  private static int resolve(byte[] pom, MavenSettings settings) throws Exception {
    try (var resolver = new MavenResolver(settings); var reactor = Reactor.of(Map.of("pom.xml", pom));
        var session = resolver.open(reactor)) {
      Resolution r = session.resolveProject("pom.xml");
      if (!r.problems().isEmpty()) {
        throw new IllegalStateException(String.join("\n", r.problems()));
      }
      return r.dependencies().size();
    }
  }

  private static long median(List<Long> values) {
    var sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    return sorted.get(sorted.size() / 2);
  }
}
