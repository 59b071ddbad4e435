package dev.bulwark.sca.inventory.bench;

import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.sca.inventory.Inventory;
import dev.bulwark.sca.inventory.LockfileParser;
import dev.bulwark.sca.inventory.ManifestSource;
import dev.bulwark.sca.inventory.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Parses the largest shared lockfile fixtures repeatedly and prints the median time per parse,
 * then the median time of a whole-tree {@link Inventory#collect(Map)} over every fixture. Not a
 * test: speed targets live here, not in timed unit tests. Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -pl scanner-sca test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/sca-cp.txt
 * java -cp scanner-sca/target/test-classes:scanner-sca/target/classes:$(cat /tmp/sca-cp.txt) \
 *     dev.bulwark.sca.inventory.bench.InventoryBenchmark [iterations]
 * </pre>
 */
public final class InventoryBenchmark {
  private record Case(String parser, String fixture) {}

  private static final List<Case> CASES = List.of(
      new Case("npm-package-lock", "npm/package-lock/in-place-npm.package-lock.json"),
      new Case("pnpm-lock", "npm/pnpm/pnpm-lock_many.yaml"),
      new Case("yarn-lock", "npm/yarn/yarn_happy.lock"),
      new Case("uv-lock", "pypi/uv/uv_normal.lock"),
      new Case("poetry-lock", "pypi/poetry/poetry_v2_flask.lock"),
      new Case("pipfile-lock", "pypi/pipenv/Pipfile_many.lock"),
      new Case("go-mod", "go/osv-scalibr.go.mod"),
      new Case("cargo-lock", "crates.io/deprecated-novuln.Cargo.lock"),
      new Case("gemfile-lock", "rubygems/rails.lock"),
      new Case("composer-lock", "packagist/composer_happy.lock"),
      new Case("maven-pom", "maven/pom/zeppelin-server/pom.xml"),
      new Case("gradle-verification-metadata", "maven/gradle-verification/odd-versions.xml"),
      new Case("nuget-packages-lock", "nuget/packages_lock_multi.json"),
      new Case("mix-lock", "hex/many.lock"));

  private InventoryBenchmark() {}

  public static void main(String[] args) throws IOException {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path root = SharedFixtures.shared().resolve("fixtures/lockfiles");
    ManifestSource tree = relative -> read(root.resolve(relative));
    System.out.printf("%-30s %-55s %8s %6s %12s%n", "parser", "fixture", "bytes", "pkgs", "median µs");
    for (Case c : CASES) {
      LockfileParser parser = Inventory.PARSERS.stream().filter(p -> p.name().equals(c.parser())).findFirst().orElseThrow();
      byte[] content = Files.readAllBytes(root.resolve(c.fixture()));
      warmUp(() -> parser.parse(c.fixture(), content, tree));
      ParseResult last = null;
      long[] nanos = new long[iterations];
      for (int i = 0; i < iterations; i++) {
        long start = System.nanoTime();
        last = parser.parse(c.fixture(), content, tree);
        nanos[i] = System.nanoTime() - start;
      }
      System.out.printf("%-30s %-55s %8d %6d %12.1f%n", c.parser(), c.fixture(), content.length,
          last.packages().size(), median(nanos) / 1000.0);
    }
    Map<String, byte[]> repo = new TreeMap<>();
    try (var files = Files.walk(SharedFixtures.vulnerableApp())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        repo.put(SharedFixtures.vulnerableApp().relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    warmUp(() -> Inventory.collect(repo));
    long[] nanos = new long[iterations];
    int packages = 0;
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      packages = Inventory.collect(repo).packages().size();
      nanos[i] = System.nanoTime() - start;
    }
    System.out.printf("%-30s %-55s %8s %6d %12.1f%n", "Inventory.collect", "repos/vulnerable-app", "-", packages,
        median(nanos) / 1000.0);
  }

  /** Runs the work for a second so that the JIT has compiled it before it is measured. */
  private static void warmUp(Runnable work) {
    long until = System.nanoTime() + 1_000_000_000L;
    while (System.nanoTime() < until) {
      work.run();
    }
  }

  private static Optional<byte[]> read(Path p) {
    try {
      return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
