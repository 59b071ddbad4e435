package dev.bulwark.advisories.advisory.secdb;

import dev.bulwark.advisories.advisory.OsvSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Alpine's security database read as OSV records, so that {@code AdvisoryStore.importFrom} can
 * hold Alpine advisories beside OSV's own exports. Reads a secdb document, or a folder of them
 * (nested folders allowed): the YAML of alpinelinux/alpine-secdb ({@code v3.10/main.yaml}:
 * {@code distroversion}, {@code packages: - pkg: {name, secfixes}}) and the JSON of
 * aquasecurity/vuln-list ({@code alpine/3.22/main/openssl.json}: {@code distroversion},
 * {@code name}, {@code secfixes}). See {@link SecdbConverter} for how entries become records and
 * how they are named.
 */
public record AlpineSecdbSource(Path path) implements OsvSource {

  @Override
  public String describe() {
    return path + " (alpine secdb)";
  }

  @Override
  public void read(RecordSink sink, List<String> problems) throws IOException {
    if (!Files.exists(path)) {
      throw new IOException("secdb source not found: " + path);
    }
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).filter(AlpineSecdbSource::isCandidate).sorted().toList();
      }
    } else {
      files = List.of(path);
    }
    for (Path f : files) {
      try {
        byte[] bytes = Files.readAllBytes(f);
        if (isSecdb(bytes)) {
          SecdbConverter.convert(f.toString(), bytes, sink, problems);
        } else {
          problems.add(f + ": not an Alpine secdb document (no distroversion/secfixes)");
        }
      } catch (IOException e) {
        problems.add(f + ": unreadable: " + e.getMessage());
      }
    }
  }

  /** A file name a secdb document may have: {@code .yaml}, {@code .yml} or {@code .json}. */
  public static boolean isCandidate(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /**
   * Whether a document is secdb-shaped: it names a {@code distroversion} and has
   * {@code secfixes}, which no OSV record does at top level. A cheap text test, so that folders of
   * OSV records are not parsed twice; {@link SecdbConverter} reports documents that only look so.
   */
  public static boolean isSecdb(byte[] document) {
    String text = new String(document, 0, Math.min(document.length, 1 << 20), StandardCharsets.UTF_8);
    return text.contains("distroversion") && text.contains("secfixes");
  }

  /**
   * Converts one document already read (used by {@code LocalOsvSource} when a folder of OSV
   * exports also holds secdb files).
   */
  public static void convert(String origin, byte[] document, RecordSink sink, List<String> problems) {
    SecdbConverter.convert(origin, document, sink, problems);
  }
}
