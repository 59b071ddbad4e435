package dev.bulwark.advisories.advisory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.common.cas.Digests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The local advisory database: OSV records imported into {@code <dir>/osv/}, one gzipped
 * JSON-lines file per ecosystem ({@code <Ecosystem>.jsonl.gz}, one record per line, sorted by
 * id) and {@code catalog.json} (per ecosystem: records, content hash, when it last changed).
 * Importing is idempotent: records are keyed by id, a re-import replaces them, and an ecosystem
 * whose content did not change keeps its file and its updatedAt (RFC 3339). Opening reads only the catalog;
 * the records are loaded into an {@link AdvisoryIndex} on first use.
 */
public final class AdvisoryStore {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path dir;
  private Map<String, EcosystemInfo> catalog;
  private volatile AdvisoryIndex index;

  /** One ecosystem of the store. */
  public record EcosystemInfo(String name, long records, String updatedAt, String sha256) {}

  /** What an import did. */
  public record ImportResult(int recordsRead, List<String> ecosystemsChanged, List<String> problems) {}

  private AdvisoryStore(Path dir, Map<String, EcosystemInfo> catalog) {
    this.dir = dir;
    this.catalog = catalog;
  }

  /** Opens (creating when absent) the store under {@code dataDir}. */
  public static AdvisoryStore open(Path dataDir) throws IOException {
    Path dir = Files.createDirectories(dataDir.resolve("osv"));
    Path cat = dir.resolve("catalog.json");
    Map<String, EcosystemInfo> catalog = new TreeMap<>();
    if (Files.exists(cat)) {
      catalog.putAll(JSON.readValue(cat.toFile(), new TypeReference<Map<String, EcosystemInfo>>() {}));
    }
    return new AdvisoryStore(dir, catalog);
  }

  public Path directory() {
    return dir;
  }

  /** The ecosystems held, by name. */
  public synchronized List<EcosystemInfo> ecosystems() {
    return List.copyOf(catalog.values());
  }

  public synchronized boolean isEmpty() {
    return catalog.values().stream().allMatch(e -> e.records() == 0);
  }

  public synchronized ImportResult importFrom(Path source) throws IOException {
    return importFrom(new LocalOsvSource(source));
  }

  /** Imports every record of the source; see the class comment for idempotence. */
  public synchronized ImportResult importFrom(OsvSource source) throws IOException {
    var problems = new ArrayList<String>();
    Map<String, Map<String, String>> incoming = new TreeMap<>();
    int[] read = {0};
    source.read((origin, bytes) -> {
      try {
        JsonNode node = JSON.readTree(bytes);
        OsvRecord r = JSON.treeToValue(node, OsvRecord.class);
        read[0]++;
        for (OsvRecord.Affected a : r.affected()) {
          if (a.pkg() != null) {
            PackageNames.ecosystemKey(a.pkg().ecosystem()).ifPresent(eco ->
                incoming.computeIfAbsent(eco, k -> new TreeMap<>()).put(r.id(), node.toString()));
          }
        }
      } catch (IOException | RuntimeException e) {
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        problems.add(origin + ": not an OSV record: " + why);
      }
    }, problems);
    var changed = new ArrayList<String>();
    for (var entry : incoming.entrySet()) {
      String eco = entry.getKey();
      Map<String, String> merged = new TreeMap<>(readLines(eco));
      merged.putAll(entry.getValue());
      String hash = sha256(merged);
      EcosystemInfo old = catalog.get(eco);
      if (old != null && old.sha256().equals(hash)) {
        continue;
      }
      writeLines(eco, merged);
      catalog.put(eco, new EcosystemInfo(eco, merged.size(), Instant.now().toString(), hash));
      changed.add(eco);
    }
    if (!changed.isEmpty()) {
      Path tmp = dir.resolve("catalog.json.tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), catalog);
      Files.move(tmp, dir.resolve("catalog.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      index = null;
    }
    return new ImportResult(read[0], List.copyOf(changed), List.copyOf(problems));
  }

  /** All records in memory, indexed for matching; built once and reused until the next import. */
  public AdvisoryIndex index() throws IOException {
    AdvisoryIndex i = index;
    if (i == null) {
      synchronized (this) {
        if (index == null) {
          var records = new ArrayList<OsvRecord>();
          for (String eco : catalog.keySet()) {
            records.addAll(records(eco));
          }
          index = new AdvisoryIndex(records);
        }
        i = index;
      }
    }
    return i;
  }

  /** The records held for one ecosystem (empty when it has none), parsed. */
  public List<OsvRecord> records(String ecosystem) throws IOException {
    var out = new ArrayList<OsvRecord>();
    Path f = file(ecosystem);
    if (!Files.exists(f)) {
      return out;
    }
    try (var in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(JSON.readValue(line, OsvRecord.class));
        }
      }
    }
    return out;
  }

  private Path file(String eco) {
    return dir.resolve(eco + ".jsonl.gz");
  }

  private Map<String, String> readLines(String eco) throws IOException {
    Map<String, String> byId = new TreeMap<>();
    Path f = file(eco);
    if (!Files.exists(f)) {
      return byId;
    }
    try (var in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          byId.put(JSON.readTree(line).path("id").asText(), line);
        }
      }
    }
    return byId;
  }

  private void writeLines(String eco, Map<String, String> byId) throws IOException {
    Path tmp = dir.resolve(eco + ".jsonl.gz.tmp");
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(tmp)), StandardCharsets.UTF_8)) {
      for (String line : byId.values()) {
        w.write(line);
        w.write('\n');
      }
    }
    Files.move(tmp, file(eco), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String sha256(Map<String, String> byId) {
    var md = Digests.sha256();
    for (String line : byId.values()) {
      md.update(line.getBytes(StandardCharsets.UTF_8));
      md.update((byte) '\n');
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
