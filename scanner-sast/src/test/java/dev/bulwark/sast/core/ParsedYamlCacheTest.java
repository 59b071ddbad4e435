package dev.bulwark.sast.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a built-in YAML catalogue's parsed records, kept between runs")
class ParsedYamlCacheTest {
  record Inner(Integer n, List<Integer> cwe) {}

  record Sample(String name, Boolean on, Double entropy, Long big, List<String> words, Map<String, Inner> byName,
      Inner inner, List<Inner> inners) {}

  @TempDir
  Path tmp;

  static Sample sample() {
    var byName = new LinkedHashMap<String, Inner>();
    byName.put("zeta", new Inner(1, List.of(79, 89)));
    byName.put("alpha", new Inner(null, null));
    var words = new ArrayList<String>(Arrays.asList("é", null, ""));
    return new Sample("naïve ✓", false, 4.25, 1L << 40, words, byName, null, List.of(new Inner(-3, List.of())));
  }

  @Test
  @DisplayName("a miss parses and keeps, a hit reads back the equal record without parsing")
  void roundTrip() throws IOException {
    var parses = new AtomicInteger();
    byte[] yaml = "name: x".getBytes(StandardCharsets.UTF_8);
    ParsedYamlCache.Parser<Sample> parser = b -> {
      parses.incrementAndGet();
      return sample();
    };
    var first = ParsedYamlCache.parse(Optional.of(tmp), "sample", yaml, Sample.class, parser);
    var second = ParsedYamlCache.parse(Optional.of(tmp), "sample", yaml, Sample.class, parser);
    assertThat(parses).hasValue(1);
    assertThat(second).isEqualTo(first).isEqualTo(sample());
    assertThat(new ArrayList<>(second.byName().keySet())).containsExactly("zeta", "alpha"); // order kept
    assertThat(files()).hasSize(1);

    byte[] edited = "name: y".getBytes(StandardCharsets.UTF_8);
    ParsedYamlCache.parse(Optional.of(tmp), "sample", edited, Sample.class, parser);
    assertThat(parses).hasValue(2);
    assertThat(files()).hasSize(1); // the older version removed
    ParsedYamlCache.parse(Optional.empty(), "sample", edited, Sample.class, parser);
    assertThat(parses).hasValue(3); // no folder, no cache
  }

  @Test
  @DisplayName("a truncated, damaged or foreign file is a miss and is replaced; an unwritable folder is no cache")
  void damaged() throws IOException {
    var parses = new AtomicInteger();
    byte[] yaml = "k: v".getBytes(StandardCharsets.UTF_8);
    ParsedYamlCache.Parser<Sample> parser = b -> {
      parses.incrementAndGet();
      return sample();
    };
    ParsedYamlCache.parse(Optional.of(tmp), "sample", yaml, Sample.class, parser);
    Path file = files().get(0);
    byte[] good = Files.readAllBytes(file);
    byte[] flipped = good.clone();
    flipped[good.length - 5] ^= 0x21;
    for (byte[] bad : List.of(new byte[0], Arrays.copyOf(good, good.length - 1), flipped,
        "not ours".getBytes(StandardCharsets.UTF_8))) {
      Files.write(file, bad);
      int before = parses.get();
      assertThat(ParsedYamlCache.parse(Optional.of(tmp), "sample", yaml, Sample.class, parser)).isEqualTo(sample());
      assertThat(parses).hasValue(before + 1);
      assertThat(Files.readAllBytes(file)).isEqualTo(good);
    }
    Path notAFolder = Files.writeString(tmp.resolve("plain"), "x");
    assertThat(ParsedYamlCache.parse(Optional.of(notAFolder), "sample", yaml, Sample.class, parser))
        .isEqualTo(sample());
  }

  @Test
  @DisplayName("the file name follows the records' shape: a new field is a miss")
  void shapeIsPartOfTheKey() {
    byte[] yaml = "k: v".getBytes(StandardCharsets.UTF_8);
    assertThat(ParsedYamlCache.file(tmp, "x", yaml, Sample.class)).isNotEqualTo(ParsedYamlCache.file(tmp, "x", yaml,
        Inner.class));
    assertThat(RecordCodec.schema(Sample.class)).contains("byName:Map<String,Inner(n:Integer,cwe:List<Integer>,)>");
  }

  List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.toString().endsWith(".bin")).toList();
    }
  }
}
