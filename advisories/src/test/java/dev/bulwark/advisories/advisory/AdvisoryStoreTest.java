package dev.bulwark.advisories.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryStoreTest {

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Test
  @DisplayName("importing all of shared/osv twice does not grow the store or touch updatedAt")
  void importIsIdempotent(@TempDir Path data) throws Exception {
    var store = AdvisoryStore.open(data);
    var first = store.importFrom(SharedFixtures.osv());
    assertThat(first.problems()).isEmpty();
    assertThat(first.recordsRead()).isGreaterThan(8000);
    var before = store.ecosystems();
    long size = sizeOf(data);

    var second = AdvisoryStore.open(data).importFrom(SharedFixtures.osv());
    assertThat(second.ecosystemsChanged()).isEmpty();
    assertThat(sizeOf(data)).isEqualTo(size);
    assertThat(AdvisoryStore.open(data).ecosystems()).isEqualTo(before);
    assertThat(before).extracting(AdvisoryStore.EcosystemInfo::name)
        .contains("Go", "Maven", "npm", "PyPI", "crates.io", "RubyGems", "NuGet", "Packagist");
    assertThat(before).filteredOn(e -> e.name().equals("Go")).first()
        .satisfies(e -> assertThat(e.records()).isGreaterThanOrEqualTo(4291));
  }

  @Test
  @DisplayName("a reopened store matches without re-importing")
  void reopenedStoreMatches(@TempDir Path data) throws Exception {
    AdvisoryStore.open(data).importFrom(TestData.resource("osv"));
    var reopened = AdvisoryStore.open(data);
    assertThat(reopened.isEmpty()).isFalse();
    assertThat(reopened.index().affecting("npm", "demo", "1.0.0")).hasSize(1);
  }

  @Test
  @DisplayName("broken files are reported and the good ones imported")
  void brokenInputIsReported(@TempDir Path data) throws Exception {
    var result = AdvisoryStore.open(data).importFrom(TestData.resource("broken"));
    assertThat(result.recordsRead()).isEqualTo(1);
    assertThat(result.problems()).hasSize(3)
        .anyMatch(p -> p.contains("truncated.json"))
        .anyMatch(p -> p.contains("no-id.json"))
        .anyMatch(p -> p.contains("fake.zip"));
    assertThat(AdvisoryStore.open(data).ecosystems()).singleElement()
        .satisfies(e -> assertThat(e.records()).isEqualTo(1));
  }

  @Test
  @DisplayName("a missing source is an error naming the path")
  void missingSource(@TempDir Path data) throws Exception {
    assertThatThrownBy(() -> AdvisoryStore.open(data).importFrom(data.resolve("nope")))
        .isInstanceOf(IOException.class).hasMessageContaining("nope");
  }
}
