package dev.bulwark.sca.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The helpers every parser shares: path resolution for includes, line lookup, decoding. */
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
