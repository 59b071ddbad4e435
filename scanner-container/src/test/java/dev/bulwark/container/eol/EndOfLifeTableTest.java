package dev.bulwark.container.eol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.container.TestResources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndOfLifeTableTest {
  private final EndOfLifeTable table = EndOfLifeTable.bundled(TestResources.CLOCK);

  @ParameterizedTest(name = "{0}:{1} end-of-life = {2}")
  @CsvSource({
      "node, 14, true", "node, 14-alpine, true", "node, 16.20.2-bullseye, true", "node, 12, true",
      "node, 19, true", "node, 20, false", "node, 22-slim, false", "node, lts, false",
      "python, 2.7-slim, true", "python, 3.8.18, true", "python, 3.9, true", "python, 3.80, false",
      "python, 3.12, false", "python, 3.11-slim-buster, true", "python, 3.11-bookworm, false",
      "debian, stretch, true", "debian, jessie-slim, true", "debian, 9, true", "debian, 12, false",
      "alpine, 3.16, true", "alpine, 3.10.2, true", "alpine, 3.21, false",
      "ubuntu, 14.04, true", "ubuntu, xenial, true", "ubuntu, 18.04, true", "ubuntu, 24.04, false",
      "centos, 7, true", "eclipse-temurin, 21.0.5_11-jre, false",
  })
  void knowsWhichReleasesAreEndOfLife(String product, String tag, boolean eol) {
    assertThat(table.lookup(product, tag).isPresent()).isEqualTo(eol);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @CsvSource({"2025-05-01, false", "2025-06-01, true"})
  void aReleaseBecomesEndOfLifeOnItsDate(String today, boolean eol) {
    var clock = Clock.fixed(Instant.parse(today + "T00:00:00Z"), ZoneOffset.UTC);
    assertThat(EndOfLifeTable.bundled(clock).lookup("ubuntu", "20.04").isPresent()).isEqualTo(eol);
  }
}
