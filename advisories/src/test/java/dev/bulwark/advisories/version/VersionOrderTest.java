package dev.bulwark.advisories.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VersionOrderTest {

  static Stream<OrderingVectors.Vector> vectors() {
    return OrderingVectors.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @DisplayName("each known ordering holds in both directions")
  void knownOrderingsHold(OrderingVectors.Vector v) {
    VersionOrder order = VersionOrders.forEcosystem(v.ecosystem());
    assertThat(order.compare(v.a(), v.b())).as(v.toString()).isEqualTo(v.expected());
    assertThat(order.compare(v.b(), v.a())).as("reversed " + v).isEqualTo(-v.expected());
  }

  static Stream<String> ecosystems() {
    return OrderingVectors.ECOSYSTEMS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ecosystems")
  @DisplayName("compare is reflexive, antisymmetric and transitive over random samples of known versions")
  void orderIsConsistent(String ecosystem) {
    VersionOrder order = VersionOrders.forEcosystem(ecosystem);
    List<String> pool = new ArrayList<>(OrderingVectors.versions(ecosystem));
    var random = new Random(ecosystem.hashCode());
    for (int i = 0; i < 3000; i++) {
      String a = pool.get(random.nextInt(pool.size()));
      String b = pool.get(random.nextInt(pool.size()));
      String c = pool.get(random.nextInt(pool.size()));
      assertThat(order.compare(a, a)).isZero();
      int ab = order.compare(a, b);
      assertThat(order.compare(b, a)).as("%s vs %s", a, b).isEqualTo(-ab);
      int bc = order.compare(b, c);
      if (ab <= 0 && bc <= 0) {
        assertThat(order.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
      }
      if (ab == 0 && bc == 0) {
        assertThat(order.compare(a, c)).as("%s = %s = %s", a, b, c).isZero();
      }
    }
  }

  @ParameterizedTest(name = "{0} rejects ''{1}''")
  @CsvSource({
      "PyPI, '1.0 beta'", "npm, 1.2.3.beta", "npm, banana", "Go, v1.x", "crates.io, 1..2",
      "NuGet, 1.2.3.4.5", "RubyGems, 1.0!", "Debian, 1.0-", "Debian, a:1.0", "Alpine, abc", "Maven, ' '",
      "Packagist, ' '"})
  @DisplayName("unparsable versions are rejected with a message naming ecosystem and version")
  void rejectsUnparsable(String ecosystem, String version) {
    assertThatThrownBy(() -> VersionOrders.forEcosystem(ecosystem).parse(version))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid")
        .hasMessageContaining(VersionOrders.forEcosystem(ecosystem).name());
  }

  @Test
  @DisplayName("the registry knows OSV's names, case-insensitively, with suffixes, and Ubuntu as Debian")
  void registryResolvesNames() {
    assertThat(VersionOrders.forEcosystem("pypi").name()).isEqualTo("PyPI");
    assertThat(VersionOrders.forEcosystem("Debian:12").name()).isEqualTo("Debian");
    assertThat(VersionOrders.forEcosystem("Ubuntu:22.04:LTS").name()).isEqualTo("Debian");
    assertThat(VersionOrders.forEcosystem("Alpine:v3.18").name()).isEqualTo("Alpine");
    assertThat(VersionOrders.canonicalName("ubuntu")).isEqualTo("Ubuntu");
    assertThat(VersionOrders.find("CRAN")).isPresent();
    assertThat(VersionOrders.find("SwiftURL")).isEmpty();
    assertThatThrownBy(() -> VersionOrders.forEcosystem("Bitnami"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown ecosystem 'Bitnami'");
  }

  @Test
  @DisplayName("the caching order answers like the order it wraps, failures included")
  void cachingOrderIsTransparent() {
    var cached = new CachingVersionOrder(VersionOrders.forEcosystem("Maven"));
    assertThat(cached.compare("1.0-SNAPSHOT", "1.0")).isNegative();
    assertThat(cached.parse("2.0")).isSameAs(cached.parse("2.0"));
    var semver = new CachingVersionOrder(VersionOrders.forEcosystem("npm"));
    assertThatThrownBy(() -> semver.parse("x.y")).hasMessageContaining("invalid npm version 'x.y'");
    assertThatThrownBy(() -> semver.parse("x.y")).hasMessageContaining("invalid npm version 'x.y'");
    assertThat(semver.isValid("1.2.3")).isTrue();
  }

  @Test
  @DisplayName("VersionTool compares to '<' '=' '>' and sorts ascending")
  void versionTool() {
    assertThat(VersionTool.compare("Maven", "1.0-SNAPSHOT", "1.0")).isEqualTo('<');
    assertThat(VersionTool.compare("PyPI", "1.0RC1", "1.0rc1")).isEqualTo('=');
    assertThat(VersionTool.compare("npm", "1.10.0", "1.9.0")).isEqualTo('>');
    assertThat(VersionTool.sort("Debian", List.of("1.0", "1.0~rc1", "1:0.5", "1.0-1")))
        .containsExactly("1.0~rc1", "1.0", "1.0-1", "1:0.5");
    assertThatThrownBy(() -> VersionTool.sort("npm", List.of("1.0.0", "nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
  }
}
