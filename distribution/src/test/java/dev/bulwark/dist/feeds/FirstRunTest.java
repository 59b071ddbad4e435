package dev.bulwark.dist.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.cli.local.ScanPreparation;
import dev.bulwark.common.testing.SharedFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("First run: what is fetched, when, and what a user is told when it cannot be")
class FirstRunTest {
  @TempDir
  Path tmp;
  Path home;
  Path tree;
  OsvMirror mirror;
  ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    mirror = OsvMirror.start(SharedFixtures.osv());
    home = tmp.resolve("home");
    tree = Files.createDirectories(tmp.resolve("tool"));
    Files.writeString(tree.resolve("Gemfile.lock"), GEMFILE_LOCK);
  }

  @AfterEach
  void stop() {
    mirror.close();
  }

  void run(Instant now, boolean offline, Optional<Duration> maxAge, Map<String, String> env) {
    new FirstRun(Clock.fixed(now, ZoneOffset.UTC)).run(new ScanPreparation(home, Optional.of(tree), offline, maxAge,
        env, new PrintStream(err, true, StandardCharsets.UTF_8), false));
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** RubyGems: the smallest export of ../shared/osv, so these tests stay fast. */
  static final String GEMFILE_LOCK = """
      GEM
        remote: https://rubygems.org/
        specs:
          rack (2.0.1)

      PLATFORMS
        ruby

      DEPENDENCIES
        rack

      BUNDLED WITH
         2.1.4
      """;

  static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void dataIsFetchedAgainOnlyWhenOlderThanTheMaximumAge() throws Exception {
    run(T0, false, Optional.empty(), mirror.env());
    assertThat(mirror.requests()).containsExactly("/osv/RubyGems/all.zip", "/feeds/kev.json", "/feeds/epss.csv");
    assertThat(AdvisoryStore.open(home.resolve("sca")).ecosystems()).extracting(AdvisoryStore.EcosystemInfo::name)
        .contains("RubyGems");
    assertThat(home.resolve("downloads/osv-RubyGems")).isEmptyDirectory(); // imported, not kept twice

    mirror.clear();
    run(T0.plus(Duration.ofHours(23)), false, Optional.empty(), mirror.env());
    assertThat(mirror.requests()).isEmpty();

    run(T0.plus(Duration.ofHours(25)), false, Optional.empty(), mirror.env());
    assertThat(mirror.requests()).hasSize(3);

    mirror.clear();
    run(T0.plus(Duration.ofDays(3)), false, Optional.of(Duration.ofDays(7)), mirror.env());
    assertThat(mirror.requests()).isEmpty();
  }

  @Test
  void offlineNothingIsFetchedAndOneLineSaysWhatIsMissing() {
    run(T0, true, Optional.empty(), mirror.env());

    assertThat(mirror.requests()).isEmpty();
    assertThat(err().lines()).containsExactly("bulwark: warning: offline: advisory data not fetched; scanning with what "
        + home + " holds: RubyGems: none, KEV: none, EPSS: none");
  }

  @Test
  void offlineWithFreshDataSaysNothing() {
    run(T0, false, Optional.empty(), mirror.env());
    err.reset();

    run(T0.plusSeconds(60), true, Optional.empty(), mirror.env());

    assertThat(err()).isEmpty();
  }

  @Test
  void anEcosystemTheMirrorLacksIsNamedInTheWarningAndTheRestIsFetched() throws Exception {
    Files.writeString(tree.resolve("pubspec.lock"), "packages:\n  http:\n    dependency: \"direct main\"\n"
        + "    source: hosted\n    version: \"0.12.0\"\nsdks:\n  dart: \">=2.12.0 <3.0.0\"\n");

    run(T0, false, Optional.empty(), mirror.env());

    assertThat(mirror.requests()).contains("/osv/Pub/all.zip", "/osv/RubyGems/all.zip");
    assertThat(err().lines().filter(l -> l.contains("warning"))).singleElement().asString()
        .startsWith("bulwark: warning: cannot fetch advisory data (Pub: download of " + mirror.base()
            + "/osv/Pub/all.zip failed: HTTP 404)")
        .endsWith("holds: Pub: none");
    assertThat(err()).contains("bulwark: fetched RubyGems (");
  }

  @Test
  void anAirGappedMirrorCanBeAFolderInOsvsLayout() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("mirror/RubyGems"));
    Files.copy(SharedFixtures.osv().resolve("RubyGems.zip"), folder.resolve("all.zip"));
    var env = new HashMap<>(mirror.env());
    env.put(FeedSources.OSV_ENV, tmp.resolve("mirror").toString());

    run(T0, false, Optional.empty(), env);

    assertThat(mirror.requests()).doesNotContain("/osv/RubyGems/all.zip");
    assertThat(err()).startsWith("bulwark: fetched RubyGems (");
    assertThat(Files.exists(folder.resolve("all.zip"))).as("a local mirror is never deleted").isTrue();
  }

  @Test
  void aTreeWithoutManifestsFetchesNothing() throws Exception {
    Files.delete(tree.resolve("Gemfile.lock"));
    Files.writeString(tree.resolve("app.py"), "print('hi')\n");

    run(T0, false, Optional.empty(), mirror.env());

    assertThat(mirror.requests()).isEmpty();
    assertThat(err()).isEmpty();
  }

  @Test
  void theProgressBarFillsWithTheBytesReceived() {
    assertThat(ProgressBar.render("npm advisories", 3 * 1024 * 1024, 12 * 1024 * 1024))
        .isEqualTo("bulwark: [######------------------]  25% npm advisories 3.0 MiB of 12.0 MiB");
    assertThat(ProgressBar.render("KEV", 1024 * 1024, -1)).isEqualTo("bulwark: [------------------------] KEV 1.0 MiB");
    var terminal = new ByteArrayOutputStream();
    var bar = new ProgressBar(new PrintStream(terminal, true, StandardCharsets.UTF_8), true);
    bar.show("RubyGems advisories", 1, 2);
    bar.finish();
    assertThat(terminal.toString(StandardCharsets.UTF_8)).startsWith("\rbulwark: [############").endsWith("\r\033[K");
  }

  @Test
  void durationsAreWrittenAsPeopleWriteThem() {
    assertThat(ScanPreparation.parseDuration("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(ScanPreparation.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(ScanPreparation.parseDuration("90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(ScanPreparation.parseDuration("0")).isZero();
    assertThat(ScanPreparation.parseDuration("PT12H")).isEqualTo(Duration.ofHours(12));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScanPreparation.parseDuration("soon"))
        .hasMessageContaining("'soon' is not a duration");
  }
}
