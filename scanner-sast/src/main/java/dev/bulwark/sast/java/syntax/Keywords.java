package dev.bulwark.sast.java.syntax;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fast first look at a file's text: which of its identifiers are keywords? One pass over the
 * characters, one hash lookup per identifier; no regex, no parsing. Besides exact words, an
 * identifier can count as {@code "*Suffix"} when it ends with one of the suffixes (a type named
 * {@code SeparateClassRequest} for the suffix {@code Request}), or as {@link #PATTERN} when it
 * matches the names pattern.
 */
public final class Keywords {
  /** The keyword an identifier matching the names pattern counts as. */
  public static final String PATTERN = "<pattern>";
  private static final boolean[] START = new boolean[128];
  private static final boolean[] PART = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      START[c] = Character.isJavaIdentifierStart(c);
      PART[c] = Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }
  }

  private final Set<String> words;
  /** The words by hash, open addressing (no string is made for an identifier that is no keyword). */
  private final String[] table;
  private final int mask;
  private final Set<String> suffixes;
  private final Pattern names;
  /** The letters every identifier matching {@code names} starts with (its regex's literal start). */
  private final String namesPrefix;

  public Keywords(Set<String> words) {
    this(words, Set.of(), null);
  }

  /**
   * @param suffixes identifiers ending with one of these count as {@code "*" + suffix}
   * @param names    identifiers matching this pattern (null: none) count as {@link #PATTERN}
   */
  public Keywords(Set<String> words, Set<String> suffixes, Pattern names) {
    this.words = Set.copyOf(words);
    int size = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
    this.table = new String[size];
    this.mask = size - 1;
    for (String w : words) {
      int slot = w.hashCode() & mask;
      while (table[slot] != null) {
        slot = (slot + 1) & mask;
      }
      table[slot] = w;
    }
    this.suffixes = Set.copyOf(suffixes);
    this.names = names;
    this.namesPrefix = names == null ? "" : names.pattern().replaceAll("^([A-Za-z]*).*", "$1");
  }

  /** Whether an identifier of the text is one of the keywords. */
  public boolean anyIn(CharSequence text) {
    return !found(text).isEmpty();
  }

  /** The keywords that are identifiers of the text. */
  public Set<String> found(CharSequence text) {
    Set<String> hits = Set.of();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!(c < 128 ? START[c] : Character.isJavaIdentifierStart(c))) {
        i++;
        continue;
      }
      int start = i;
      int hash = 0;
      while (i < n && ((c = text.charAt(i)) < 128 ? PART[c] : Character.isJavaIdentifierPart(c))) {
        hash = 31 * hash + c;
        i++;
      }
      String key = lookup(text, start, i, hash);
      if (key == null && !suffixes.isEmpty()) {
        for (String s : suffixes) {
          if (endsWith(text, start, i, s)) {
            key = "*" + s;
            break;
          }
        }
      }
      if (key == null && names != null && startsWith(text, start, i, namesPrefix)
          && names.matcher(text.subSequence(start, i)).matches()) {
        key = PATTERN;
      }
      if (key != null) {
        if (hits.isEmpty()) {
          hits = new HashSet<>();
        }
        hits.add(key);
      }
    }
    return hits;
  }

  /** The keyword equal to text[start, end) (whose String hash is {@code hash}), or null. */
  private String lookup(CharSequence text, int start, int end, int hash) {
    int len = end - start;
    for (int slot = hash & mask; table[slot] != null; slot = (slot + 1) & mask) {
      String w = table[slot];
      if (w.length() == len && w.hashCode() == hash && regionEquals(text, start, w)) {
        return w;
      }
    }
    return null;
  }

  private static boolean regionEquals(CharSequence text, int start, String w) {
    for (int k = 0; k < w.length(); k++) {
      if (text.charAt(start + k) != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(CharSequence text, int start, int end, String suffix) {
    return end - start >= suffix.length() && regionEquals(text, end - suffix.length(), suffix);
  }

  private static boolean startsWith(CharSequence text, int start, int end, String prefix) {
    return end - start >= prefix.length() && regionEquals(text, start, prefix);
  }
}
