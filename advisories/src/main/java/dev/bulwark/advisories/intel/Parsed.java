package dev.bulwark.advisories.intel;

import java.util.List;

/**
 * What a feed parser read: the entries it understood and one line per entry it skipped.
 *
 * @param <T> the entry type
 */
public record Parsed<T>(List<T> entries, List<String> skipped) {
  public Parsed {
    entries = List.copyOf(entries);
    skipped = List.copyOf(skipped);
  }
}
