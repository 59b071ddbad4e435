package dev.bulwark.advisories.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.advisories.advisory.AdvisoryIndex;
import dev.bulwark.advisories.advisory.AdvisoryStore;
import dev.bulwark.advisories.advisory.Vulnerability;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.v1.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The upgrade that fixes a package's advisories, in the ecosystem's version order")
class UpgradePlannerTest {
  @TempDir
  static Path dataDir;
  static AdvisoryIndex index;

  /** Hand-written records, each shaped for one rule of the choice. */
  static final List<String> RECORDS = List.of(
      // real order: 1.9.0 < 1.10.1, though "1.10.1" sorts first as text
      record("ORDER-A", "order-demo", range("0", "1.9.0")),
      record("ORDER-B", "order-demo", range("0", "1.9.0") + "," + range("1.10.0", "1.10.1")),
      // fixing both needs 2.x; 1.3.0 fixes one
      record("MAJOR-1", "major-demo", range("0", "1.3.0")),
      record("MAJOR-2", "major-demo", range("0", "2.0.1")),
      // NONE-3 is never fixed: the most without a major jump is 1.3.0
      record("PART-1", "partial-demo", range("0", "1.3.0")),
      record("PART-2", "partial-demo", range("0", "2.1.0")),
      record("PART-3", "partial-demo", "{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"}]}"),
      // 1.1.0 fixes NEW-1 but NEW-9 affects it; 1.6.0 is clean
      record("NEW-1", "new-demo", range("0", "1.1.0") + "," + range("1.5.0", "1.6.0")),
      record("NEW-9", "new-demo", range("1.1.0", "1.2.0")));

  static String range(String introduced, String fixed) {
    return "{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"" + introduced + "\"},{\"fixed\":\"" + fixed + "\"}]}";
  }

  static String record(String id, String pkg, String ranges) {
    return "{\"id\":\"" + id + "\",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"" + pkg
        + "\"},\"ranges\":[" + ranges + "]}]}";
  }

  @BeforeAll
  static void load() throws Exception {
    var store = AdvisoryStore.open(dataDir.resolve("store"));
    store.importFrom(SharedFixtures.osv().resolve("Maven.zip"));
    Path records = Files.createDirectories(dataDir.resolve("records"));
    for (String r : RECORDS) {
      Files.writeString(records.resolve(r.substring(7, r.indexOf('"', 7)) + ".json"), r);
    }
    store.importFrom(records);
    index = store.index();
  }

  static List<Vulnerability> vulnerabilities(String eco, String name, String version) {
    return Vulnerability.merge(index.affecting(eco, name, version), index, eco, name, version);
  }

  static UpgradePlan plan(String eco, String name, String version) {
    return UpgradePlanner.plan(index, eco, name, version, vulnerabilities(eco, name, version));
  }

  @Test
  void jacksonDatabind298MovesTo212_7_1WhichFixesEveryOneOfIts53Advisories() {
    var plan = plan("Maven", "com.fasterxml.jackson.core:jackson-databind", "2.9.8");

    assertThat(vulnerabilities("Maven", "com.fasterxml.jackson.core:jackson-databind", "2.9.8")).hasSize(53);
    assertThat(plan.best().version()).isEqualTo("2.12.7.1");
    assertThat(plan.best().fixes()).hasSize(53);
    assertThat(plan.best().major()).isFalse();
    assertThat(plan.sameMajor()).isNull();
  }

  @Test
  void theSmallestVersionFixingAllIsChosenInTheEcosystemsOrderNotAsText() {
    assertThat(plan("npm", "order-demo", "1.0.0").best().version()).isEqualTo("1.9.0");
  }

  @Test
  void aFixThatNeedsAMajorJumpComesWithTheBestUpgradeWithinTheInstalledMajor() {
    var plan = plan("npm", "major-demo", "1.2.0");

    assertThat(plan.best().version()).isEqualTo("2.0.1");
    assertThat(plan.best().major()).isTrue();
    assertThat(plan.sameMajor().version()).isEqualTo("1.3.0");
    assertThat(plan.sameMajor().fixes()).containsExactly("MAJOR-1");
  }

  @Test
  void whenNoVersionFixesAllTheOneFixingTheMostWithoutAMajorJumpIsChosen() {
    var plan = plan("npm", "partial-demo", "1.0.0");

    assertThat(plan.best().version()).isEqualTo("1.3.0");
    assertThat(plan.best().fixes()).containsExactly("PART-1");
    assertThat(plan.sameMajor()).isNull(); // the recommendation already is the best within 1.x
  }

  @Test
  void aVersionThatAnotherAdvisoryAffectsIsPassedOverForACleanOne() {
    var plan = plan("npm", "new-demo", "1.0.0");

    assertThat(plan.best().version()).isEqualTo("1.6.0");
    assertThat(plan.best().introducesNew()).isFalse();
  }

  @Test
  void eachFindingOfThePackageCarriesTheSameUpgradeAndWhetherItFixesItsAdvisory() {
    var plan = plan("npm", "major-demo", "1.2.0");

    var one = plan.annotate(Finding.getDefaultInstance(), "MAJOR-1").getUpgrade();
    var two = plan.annotate(Finding.getDefaultInstance(), "MAJOR-2").getUpgrade();

    assertThat(one.getVersion()).isEqualTo("2.0.1");
    assertThat(one.getMajor()).isTrue();
    assertThat(one.getFixesThis()).isTrue();
    assertThat(one.getSameMajorVersion()).isEqualTo("1.3.0");
    assertThat(one.getSameMajorFixesThis()).isTrue();
    assertThat(two.getSameMajorFixesThis()).isFalse();
    assertThat(UpgradePlan.NONE.annotate(Finding.getDefaultInstance(), "X").hasUpgrade()).isFalse();
  }

  @Test
  void majorIsTheFirstNumber() {
    assertThat(UpgradePlanner.major("2.12.7.1")).isEqualTo(2);
    assertThat(UpgradePlanner.major("v1.4.0")).isEqualTo(1);
    assertThat(UpgradePlanner.major("1:2.3-4")).isEqualTo(1);
    assertThat(UpgradePlanner.major("rc1")).isNull();
  }
}
