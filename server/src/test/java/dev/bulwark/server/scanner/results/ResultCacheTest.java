package dev.bulwark.server.scanner.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.v1.Finding;
import dev.bulwark.v1.UnitResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {
  @TempDir
  Path dir;

  final Map<String, String> facts = new HashMap<>(Map.of("read:Helper.java", "digest-1", "property:db.password", "hunter2"));

  UnitResult.Builder result(String rule) {
    return UnitResult.newBuilder().addFindings(Finding.newBuilder().setRuleId(rule)).setAnalysed(true);
  }

  @Test
  void aResultIsReusedForTheSameEngineUnitAndContentWhileItsDependenciesKeepTheirValues() {
    var store = new DiskResultStore(dir, 1 << 20);
    var cache = new ResultCache(store, "engine v1");
    assertThat(cache.lookup("App.java", "content-1", facts::get)).isEmpty();
    cache.save("App.java", "content-1", result("r1"), List.of("read:Helper.java", "property:db.password"), facts::get);

    var again = new ResultCache(store, "engine v1");
    assertThat(again.lookup("App.java", "content-1", facts::get)).hasValueSatisfying(r ->
        assertThat(r.getFindings(0).getRuleId()).isEqualTo("r1"));
    assertThat(again.hits()).isEqualTo(1);

    assertThat(again.lookup("App.java", "content-2", facts::get)).as("other content").isEmpty();
    assertThat(again.lookup("Other.java", "content-1", facts::get)).as("other unit").isEmpty();
    assertThat(new ResultCache(store, "engine v2").lookup("App.java", "content-1", facts::get))
        .as("another engine version or rule pack").isEmpty();
    facts.put("read:Helper.java", "digest-2");
    assertThat(again.lookup("App.java", "content-1", facts::get)).as("a dependency changed").isEmpty();
    facts.put("read:Helper.java", "digest-1");
    assertThat(again.lookup("App.java", "content-1", facts::get)).as("and changed back").isPresent();
    assertThat(again.misses()).as("other content, other unit, changed dependency").isEqualTo(3);
  }

  @Test
  void keepsDependencyValuesAsDigestsNeverAsTheyAre() throws IOException {
    var cache = new ResultCache(new DiskResultStore(dir, 1 << 20), "engine");
    cache.save("App.java", "c", result("r"), List.of("property:db.password"), facts::get);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
      }
    }
  }

  @Test
  void aStoreThatFailsOrHoldsGarbageIsAMissNeverAnError() {
    ResultStore broken = new ResultStore() {
      @Override
      public Optional<byte[]> get(String key) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void put(String key, byte[] value) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public String describe() {
        return "broken";
      }
    };
    var cache = new ResultCache(broken, "engine");
    cache.save("App.java", "c", result("r"), List.of(), facts::get);
    assertThat(cache.lookup("App.java", "c", facts::get)).isEmpty();

    var garbage = new ResultCache(new ResultStore() {
      @Override
      public Optional<byte[]> get(String key) {
        return Optional.of(new byte[] {(byte) 0xff, 0x13, 0x37});
      }

      @Override
      public void put(String key, byte[] value) {}

      @Override
      public String describe() {
        return "garbage";
      }
    }, "engine");
    assertThat(garbage.lookup("App.java", "c", facts::get)).isEmpty();
    assertThat(garbage.misses()).isEqualTo(1);
  }

  @Test
  void anEngineWithoutAResultKeyIsNotCached() {
    var cache = new ResultCache(new DiskResultStore(dir, 1 << 20), "");
    assertThat(cache.enabled()).isFalse();
    cache.save("App.java", "c", result("r"), List.of(), facts::get);
    assertThat(cache.lookup("App.java", "c", facts::get)).isEmpty();
    assertThat(ResultCache.OFF.enabled()).isFalse();
  }

  @Test
  void theEngineKeyIsAskedOnFirstUseOnlySoAnEmptyTreeLoadsNoAnalyzers() {
    var asked = new java.util.concurrent.atomic.AtomicInteger();
    var cache = new ResultCache(new DiskResultStore(dir, 1 << 20), () -> "engine " + asked.incrementAndGet());
    assertThat(asked).as("not asked before a unit is looked up").hasValue(0);
    cache.lookup("App.java", "c", facts::get);
    cache.save("App.java", "c", result("r"), List.of(), facts::get);
    assertThat(cache.lookup("App.java", "c", facts::get)).isPresent();
    assertThat(asked).as("asked once").hasValue(1);
  }
}
