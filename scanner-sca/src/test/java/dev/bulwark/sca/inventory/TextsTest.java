package dev.bulwark.sca.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The helpers every parser shares: path resolution for includes, purls, line lookup, decoding. */
class TextsTest {

  @ParameterizedTest(name = "{1} from {0} → {2}")
  @CsvSource(nullValues = "null", textBlock = """
      a/b/requirements.txt,  other.txt,                 a/b/other.txt
      a/b/requirements.txt,  ./../b/x.txt,              a/b/x.txt
      my dir/pom.xml,        ../pom.xml,                pom.xml
      my dir/sub/pom.xml,    ./parent/pom.xml,          my dir/sub/parent/pom.xml
      requirements.txt,      ../outside.txt,            null
      requirements.txt,      /etc/passwd,               null
      requirements.txt,      C:\\reqs.txt,              null
      """)
  void includesResolveInsideTheTree(String from, String relative, String expected) {
    assertThat(Texts.resolve(from, relative)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource(textBlock = """
      npm,         @babel/core,                     7.0.0,           pkg:npm/%40babel/core@7.0.0
      Maven,       org.slf4j:slf4j-api,             2.0.9,           pkg:maven/org.slf4j/slf4j-api@2.0.9
      PyPI,        Jinja2,                          2.10,            pkg:pypi/jinja2@2.10
      PyPI,        under_score,                     1.3,             pkg:pypi/under-score@1.3
      Go,          github.com/pkg/errors,           v0.9.1,          pkg:golang/github.com/pkg/errors@v0.9.1
      crates.io,   wasi,                            0.10.2+wasi,     pkg:cargo/wasi@0.10.2%2Bwasi
      RubyGems,    rails,                           7.0.4,           pkg:gem/rails@7.0.4
      Packagist,   symfony/http-kernel,             5.4.0,           pkg:composer/symfony/http-kernel@5.4.0
      NuGet,       Newtonsoft.Json,                 13.0.1,          pkg:nuget/Newtonsoft.Json@13.0.1
      Pub,         http,                            0.13.5,          pkg:pub/http@0.13.5
      Hex,         plug,                            1.11.1,          pkg:hex/plug@1.11.1
      ConanCenter, zlib,                            1.2.13,          pkg:conan/zlib@1.2.13
      """)
  void purlsFollowTheSpec(String ecosystem, String name, String version, String purl) {
    assertThat(Purls.of(ecosystem, name, version)).isEqualTo(purl);
  }

  @org.junit.jupiter.api.Test
  void lineLocatorFindsKeysInOrderAndPrefersObjectKeys() {
    var lines = new LineLocator("{\n  \"a\": { \"requires\": { \"b\": \"1\" } },\n  \"b\": {\n  }\n}\n");

    assertThat(lines.findJsonKey("b", 0)).isEqualTo(3);
    assertThat(lines.find("\"a\"")).isEqualTo(2);
    assertThat(lines.findAfter("\"a\"", 2)).isZero();
    assertThat(lines.line(3)).isEqualTo("  \"b\": {");
  }

  @org.junit.jupiter.api.Test
  void decodeHonoursByteOrderMarks() {
    byte[] utf16 = "\uFEFFflask==2.0".getBytes(StandardCharsets.UTF_16LE);
    byte[] utf8 = "\uFEFFflask==2.0".getBytes(StandardCharsets.UTF_8);

    assertThat(Texts.decode(utf16)).isEqualTo("flask==2.0");
    assertThat(Texts.decode(utf8)).isEqualTo("flask==2.0");
  }
}
