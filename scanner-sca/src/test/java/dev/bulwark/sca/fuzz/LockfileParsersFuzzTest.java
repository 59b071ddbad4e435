package dev.bulwark.sca.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.sca.inventory.Inventory;
import java.util.List;
import java.util.Map;

/**
 * Every lockfile and manifest parser of {@link Inventory#PARSERS}, on bytes the scanned tree
 * chooses: a broken file makes the inventory DEGRADED with a message, never an exception out of
 * {@link Inventory#collect(Map)}.
 */
class LockfileParsersFuzzTest {
  static final List<String> FILES = List.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml", "pom.xml",
      "gradle.lockfile", "requirements.txt", "poetry.lock", "Pipfile.lock", "uv.lock", "go.mod", "go.sum",
      "Cargo.lock", "Gemfile.lock", "composer.lock", "packages.lock.json", "pubspec.lock", "mix.lock",
      "conan.lock", "gradle/verification-metadata.xml");

  @FuzzTest(maxDuration = "60s")
  void lockfiles(FuzzedDataProvider data) {
    String name = data.pickValue(FILES);
    Inventory.collect(Map.of(name, data.consumeRemainingAsBytes()));
  }
}
