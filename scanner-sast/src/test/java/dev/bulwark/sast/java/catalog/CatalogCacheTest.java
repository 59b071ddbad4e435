package dev.bulwark.sast.java.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.sast.core.ParsedYamlCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the built-in taint catalogue read back from the cache is the one its YAML gives")
class CatalogCacheTest {
  @TempDir
  Path tmp;

  @Test
  void sameRecordsAsTheYaml() throws IOException {
    byte[] yaml;
    try (var in = TaintCatalog.class.getResourceAsStream("/dev/bulwark/sast/java/taint.yaml")) {
      yaml = in.readAllBytes();
    }
    var fromYaml = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(yaml, CatalogYaml.class);
    ParsedYamlCache.Parser<CatalogYaml> failing = b -> {
      throw new AssertionError("parsed again");
    };
    TaintCatalog.parse(yaml, Optional.of(tmp)); // a miss: kept
    assertThat(ParsedYamlCache.parse(Optional.of(tmp), "taint-catalog", yaml, CatalogYaml.class, failing))
        .isEqualTo(fromYaml);
    var cached = TaintCatalog.parse(yaml, Optional.of(tmp));
    var plain = TaintCatalog.parse(yaml);
    assertThat(cached.hash()).isEqualTo(plain.hash());
    assertThat(cached.triggers().keywords()).isEqualTo(plain.triggers().keywords());
    assertThat(cached.triggers().names().pattern()).isEqualTo(plain.triggers().names().pattern());
    assertThat(cached.triggers().suffixes()).isEqualTo(plain.triggers().suffixes());
  }
}
