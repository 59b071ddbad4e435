package dev.bulwark.advisories.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.TestData;
import dev.bulwark.common.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainerTest {
  @TempDir
  static Path dataDir;
  static AdvisoryStore store;

  @BeforeAll
  static void load() throws Exception {
    store = AdvisoryStore.open(dataDir);
    store.importFrom(TestData.resource("osv"));
    store.importFrom(SharedFixtures.osv().resolve("Maven.zip"));
  }

  @Test
  @DisplayName("explains each range and event in evaluation order with the final verdict")
  void explainsRangesAndEvents() throws Exception {
    var e = Explainer.explain(store, "npm", "demo", "3.1.5", Optional.empty());
    assertThat(e.affected()).isTrue();
    assertThat(e.lowestFixed()).isEmpty();
    var entry = e.records().get(0).entries().get(0);
    assertThat(entry.ranges().get(1).steps()).extracting(s -> s.kind() + " " + s.version())
        .containsExactly("introduced 0", "fixed 1.4.2", "introduced 2.0.0", "fixed 2.3.0");
    String text = e.render();
    assertThat(text).contains("GIT range https://example.invalid/demo.git: skipped",
        "last_affected 3.1.5 does not apply -> affected", "verdict: AFFECTED — no fixed version published");
  }

  @Test
  @DisplayName("Log4Shell on log4j-core 2.14.1: affected, upgrade to 2.15.0")
  void log4Shell() throws Exception {
    var e = Explainer.explain(store, "Maven", "org.apache.logging.log4j:log4j-core", "2.14.1",
        Optional.of("CVE-2021-44228"));
    assertThat(e.records()).extracting(Explainer.RecordExplanation::id).containsExactly("GHSA-jfh8-c2jp-5v3q");
    assertThat(e.affected()).isTrue();
    assertThat(e.lowestFixed()).contains("2.15.0");
    assertThat(e.render()).contains("upgrade to 2.15.0");
  }

  @Test
  @DisplayName("a version outside every range is explained as not affected")
  void notAffected() throws Exception {
    var e = Explainer.explain(store, "Maven", "org.apache.logging.log4j:log4j-core", "2.17.1",
        Optional.of("GHSA-jfh8-c2jp-5v3q"));
    assertThat(e.affected()).isFalse();
    assertThat(e.render()).contains("verdict: not affected");
  }

  @Test
  @DisplayName("unknown ecosystems and unparsable versions are rejected clearly")
  void rejectsBadInput() {
    assertThatThrownBy(() -> Explainer.explain(store, "Cobol", "x", "1", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown ecosystem 'Cobol'");
    assertThatThrownBy(() -> Explainer.explain(store, "npm", "demo", "one.two", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid npm version 'one.two'");
  }
}
