package dev.bulwark.sast.secrets;

import dev.bulwark.sast.core.ParsedYamlCache;
import dev.bulwark.sast.secrets.SecretRulePack.FamilyYaml;
import dev.bulwark.sast.secrets.SecretRulePack.IndexYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A secret rule pack's YAML, parsed once and kept in a cache folder ({@link ParsedYamlCache}'s
 * files), so that a check of a few files (the pre-commit hook) does not parse 150 KB of YAML at
 * every run (the largest part of its start). The file is named by the digest of the pack's index
 * and of the shape of the records it fills, and holds the digest of every family file it was read
 * from: an edited rule file or a new field is a miss. What is kept is what the YAML says, not
 * compiled rules: rules are still built by {@link RuleYaml#toRule}, so a change in how rules are
 * built needs no invalidation. Only a pack that loaded completely is kept ({@link SecretRulePack}).
 */
final class RulePackCache {
  /** What the cache holds for one pack: its index, and each family file's digest and content, in index order. */
  record Entry(IndexYaml index, List<String> digests, List<FamilyYaml> families) {}

  private final Path dir;
  private final String name;

  /** The cache of the pack named {@code name} ("secrets") in {@code dir}. */
  RulePackCache(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  /**
   * The pack kept for this index, when its family files are still those it was read from
   * ({@code digestOf} gives a family file's current digest); empty on any miss.
   */
  Optional<Entry> read(byte[] indexBytes, FamilyDigest digestOf) {
    return ParsedYamlCache.read(ParsedYamlCache.file(dir, name, indexBytes, Entry.class), Entry.class)
        .filter(e -> e.index() != null && e.index().families() != null && e.digests() != null
            && e.families() != null && e.digests().size() == e.index().families().size()
            && e.families().size() == e.digests().size() && current(e, digestOf));
  }

  /** Keeps a pack; best effort. */
  void write(byte[] indexBytes, Entry entry) {
    ParsedYamlCache.write(ParsedYamlCache.file(dir, name, indexBytes, Entry.class), name, entry, Entry.class);
  }

  private static boolean current(Entry e, FamilyDigest digestOf) {
    try {
      for (int i = 0; i < e.digests().size(); i++) {
        if (!e.digests().get(i).equals(digestOf.digest(e.index().families().get(i)))) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException ex) {
      return false; // a family file that cannot be read: the YAML path says why
    }
  }

  /** The current digest of a family file of the pack. */
  @FunctionalInterface
  interface FamilyDigest {
    String digest(String family) throws IOException;
  }
}
