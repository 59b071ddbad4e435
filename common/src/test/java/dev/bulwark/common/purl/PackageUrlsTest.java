package dev.bulwark.common.purl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Package URLs as the purl spec writes them, for each ecosystem Bulwark inventories. */
class PackageUrlsTest {

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource(textBlock = """
      npm,         @babel/core,                     7.0.0,           pkg:npm/%40babel/core@7.0.0
      npm,         lodash,                          4.17.15,         pkg:npm/lodash@4.17.15
      Maven,       org.slf4j:slf4j-api,             2.0.9,           pkg:maven/org.slf4j/slf4j-api@2.0.9
      PyPI,        Jinja2,                          2.10,            pkg:pypi/jinja2@2.10
      PyPI,        under_score,                     1.3,             pkg:pypi/under-score@1.3
      PyPI,        zope.interface,                  5.4.0,           pkg:pypi/zope.interface@5.4.0
      Go,          github.com/pkg/errors,           v0.9.1,          pkg:golang/github.com/pkg/errors@v0.9.1
      Go,          stdlib,                          v1.21.0,         pkg:golang/stdlib@v1.21.0
      crates.io,   wasi,                            0.10.2+wasi,     pkg:cargo/wasi@0.10.2%2Bwasi
      RubyGems,    rails,                           7.0.4,           pkg:gem/rails@7.0.4
      Packagist,   symfony/http-kernel,             5.4.0,           pkg:composer/symfony/http-kernel@5.4.0
      NuGet,       Newtonsoft.Json,                 13.0.1,          pkg:nuget/Newtonsoft.Json@13.0.1
      Pub,         Http,                            0.13.5,          pkg:pub/http@0.13.5
      Hex,         plug,                            1.11.1,          pkg:hex/plug@1.11.1
      ConanCenter, zlib,                            1.2.13,          pkg:conan/zlib@1.2.13
      """)
  void languagePackagesFollowTheSpec(String ecosystem, String name, String version, String purl) {
    assertThat(PackageUrls.of(ecosystem, name, version)).isEqualTo(purl);
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} → {4}")
  @CsvSource(textBlock = """
      Alpine,      musl,          1.1.22-r3,           v3.10, pkg:apk/alpine/musl@1.1.22-r3?distro=v3.10
      Debian,      libssl1.1,     1.1.1n-0+deb10u3,    10,    pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb10u3?distro=debian-10
      Ubuntu,      bash,          5.1-6ubuntu1,        22.04, pkg:deb/ubuntu/bash@5.1-6ubuntu1?distro=ubuntu-22.04
      AlmaLinux,   bulwark-hello, 2:1.2.3-4.el9,       9,     pkg:rpm/almalinux/bulwark-hello@1.2.3-4.el9?distro=almalinux-9&epoch=2
      Rocky Linux, openssl-libs,  3.0.7-24.el9,        9,     pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?distro=rocky-9
      Maven,       org.yaml:snakeyaml, 1.33,           '',    pkg:maven/org.yaml/snakeyaml@1.33
      """)
  void distributionPackagesCarryTheirReleaseAndEpochAsQualifiers(String ecosystem, String name, String version,
      String release, String purl) {
    assertThat(PackageUrls.ofDistribution(ecosystem, name, version, release)).isEqualTo(purl);
  }

  @Test
  void withoutVersionAndWithExplicitQualifiers() {
    assertThat(PackageUrls.of("Alpine", "gtk+3.0", null, Map.of("distro", "3.12")))
        .isEqualTo("pkg:apk/alpine/gtk%2B3.0?distro=3.12");
  }

  @ParameterizedTest(name = "{0} → {1} {2} {3}")
  @CsvSource(textBlock = """
      pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar, Maven,     com.fasterxml.jackson.core:jackson-databind, 2.10.0
      pkg:npm/%40babel/core@7.0.0,                                        npm,       @babel/core,                                 7.0.0
      pkg:cargo/tokio@1.19.2,                                             crates.io, tokio,                                       1.19.2
      pkg:golang/github.com/pkg/errors@v0.9.1,                            Go,        github.com/pkg/errors,                       v0.9.1
      pkg:deb/debian/libselinux1-dev@3.1-3?arch=s390x,                    Debian,    libselinux1-dev,                             3.1-3
      pkg:rpm/redhat/openssl@3.0.7?epoch=1,                               Red Hat,   openssl,                                     1:3.0.7
      pkg:composer/symfony/http-kernel@5.4.0,                             Packagist, symfony/http-kernel,                         5.4.0
      """)
  void purlsReadBack(String purl, String ecosystem, String name, String version) {
    assertThat(PackageUrls.parse(purl)).contains(new PackageUrls.Coordinates(ecosystem, name, version));
  }

  @Test
  void purlsWithoutVersionOrOfUnknownTypesAreNotPackages() {
    assertThat(PackageUrls.parse("pkg:maven/g/a")).isEmpty();
    assertThat(PackageUrls.parse("pkg:github/package-url/purl-spec@244fd47")).isEmpty();
    assertThat(PackageUrls.parse("not a purl")).isEmpty();
  }

  @Test
  void unknownEcosystemsAreRefused() {
    assertThat(PackageUrls.knows("Alpine:v3.18")).isTrue();
    assertThat(PackageUrls.knows("SwiftURL")).isFalse();
    assertThatThrownBy(() -> PackageUrls.of("SwiftURL", "x", "1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SwiftURL");
  }
}
