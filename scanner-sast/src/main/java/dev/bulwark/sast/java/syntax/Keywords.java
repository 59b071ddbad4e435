package dev.bulwark.sast.java.syntax;

import java.util.Set;

/**
 * A fast first look at a file's text: does any of its identifiers belong to a set of keywords?
 * One pass over the characters, one hash lookup per identifier; no regex, no parsing.
 */
public final class Keywords {
  private final Set<String> words;
  private final java.util.regex.Pattern names;
  /** The letters every identifier matching {@code names} starts with (its regex's literal start). */
  private final String namesPrefix;
  private final int shortest;
  private final int longest;

  public Keywords(Set<String> words) {
    this(words, null);
  }

  /**
   * @param names identifiers matching this pattern (null: none) count as the keyword
   *              {@link #PATTERN} besides the listed words
   */
  public Keywords(Set<String> words, java.util.regex.Pattern names) {
    this.words = Set.copyOf(words);
    this.names = names;
    this.namesPrefix = names == null ? "" : names.pattern().replaceAll("^([A-Za-z]*).*", "$1");
    this.shortest = names != null ? 1 : words.stream().mapToInt(String::length).min().orElse(1);
    this.longest = names != null ? Integer.MAX_VALUE : words.stream().mapToInt(String::length).max().orElse(0);
  }

  /** The keyword an identifier matching the names pattern counts as. */
  public static final String PATTERN = "<pattern>";

  /** Whether an identifier of the text is one of the keywords. */
  public boolean anyIn(CharSequence text) {
    return !found(text, true).isEmpty();
  }

  /** The keywords that are identifiers of the text. */
  public Set<String> found(CharSequence text) {
    return found(text, false);
  }

  private Set<String> found(CharSequence text, boolean first) {
    Set<String> hits = Set.of();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isJavaIdentifierStart(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
        i++;
      }
      int len = i - start;
      if (len >= shortest && len <= longest) {
        String word = text.subSequence(start, i).toString();
        if (!words.contains(word) && names != null && word.startsWith(namesPrefix) && names.matcher(word).matches()) {
          word = PATTERN;
        }
        if (word == PATTERN || words.contains(word)) {
          if (first) {
            return Set.of(word);
          }
          if (hits.isEmpty()) {
            hits = new java.util.HashSet<>();
          }
          hits.add(word);
        }
      }
    }
    return hits;
  }
}
