package dev.bulwark.sast.java.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Whether a file mentions Owner.field is String.contains's answer, from an index built once")
class DottedNamesTest {
  @Test
  void substringsCountAsContainsCountsThem() {
    var names = new DottedNames("a = MyOwner.fieldName; b = Other . spaced; c = x.y;\nd = Last.");
    assertThat(names.contains("Owner.field")).isTrue();
    assertThat(names.contains("MyOwner.fieldName")).isTrue();
    assertThat(names.contains(".fieldName")).isTrue();
    assertThat(names.contains("Owner.fieldNames")).isFalse();
    assertThat(names.contains("Other.spaced")).isFalse();
    assertThat(names.contains("x.y")).isTrue();
    assertThat(names.contains("Last.")).isTrue(); // no member: as contains
    assertThat(names.contains("a[0].f")).isFalse();
    assertThat(names.contains("Nope.y")).isFalse();
  }

  @Test
  void everyAnswerOnRealFilesIsContainsAnswer() throws IOException {
    var dotted = Pattern.compile("[A-Za-z_$][\\w$]*\\.[A-Za-z_$][\\w$]*");
    var random = new Random(17);
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/bulwark/sast"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(p);
        var names = new DottedNames(text);
        var asked = new ArrayList<String>();
        var m = dotted.matcher(text);
        while (m.find()) {
          String found = m.group();
          int dot = found.indexOf('.');
          asked.add(found);
          asked.add(found.substring(random.nextInt(dot + 1))); // a suffix of the owner
          asked.add(found.substring(0, dot + 2 + random.nextInt(found.length() - dot - 1))); // a prefix of the member
          asked.add(found + "Zz");
          asked.add("Zz" + found);
        }
        for (String what : asked) {
          assertThat(names.contains(what)).as(p + ": " + what).isEqualTo(text.contains(what));
        }
      }
    }
  }
}
