package dev.bulwark.sast.secrets.precision;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells identifiers made of words ({@code s3_disable_express_session_auth},
 * {@code OpenAPIV32SchemaValidator}) from random strings of the same alphabet: split at separators,
 * case changes and digits, most of the letters of an identifier sit in pronounceable chunks (a
 * vowel, no long consonant runs); a random string's letters mostly do not.
 */
public final class Words {
  private Words() {}

  /** True when the value has at least two chunks and 75% of its letters are in word-like chunks. */
  public static boolean identifier(String value) {
    var chunks = chunks(value);
    if (chunks.size() < 2) {
      return false;
    }
    int letters = 0;
    int wordy = 0;
    for (String c : chunks) {
      letters += c.length();
      if (wordLike(c)) {
        wordy += c.length();
      }
    }
    return letters >= 6 && wordy >= 0.75 * letters;
  }

  /** Letter chunks: split at non-letters and where lower case turns to upper case ("OAuth2Session" → O, Auth, Session). */
  static List<String> chunks(String value) {
    var out = new ArrayList<String>();
    var cur = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isLetter(c)) {
        flush(out, cur);
        continue;
      }
      boolean lowerToUpper = cur.length() > 0 && Character.isUpperCase(c)
          && Character.isLowerCase(cur.charAt(cur.length() - 1));
      // "APIKey": an upper-case run followed by lower case starts a new word at its last capital
      boolean acronymEnd = cur.length() > 1 && Character.isLowerCase(c) && Character.isUpperCase(cur.charAt(cur.length() - 1))
          && Character.isUpperCase(cur.charAt(cur.length() - 2));
      if (lowerToUpper) {
        flush(out, cur);
      } else if (acronymEnd) {
        char last = cur.charAt(cur.length() - 1);
        cur.setLength(cur.length() - 1);
        flush(out, cur);
        cur.append(last);
      }
      cur.append(c);
    }
    flush(out, cur);
    return out;
  }

  private static void flush(List<String> out, StringBuilder cur) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  /** A chunk a person would write: an acronym of up to four capitals, or letters with vowels and short consonant runs. */
  static boolean wordLike(String chunk) {
    if (chunk.length() <= 4 && chunk.chars().allMatch(Character::isUpperCase)) {
      return chunk.length() >= 2;
    }
    if (chunk.length() < 2) {
      return false;
    }
    String lower = chunk.toLowerCase(java.util.Locale.ROOT);
    int vowels = 0;
    int run = 0;
    int maxRun = 0;
    for (char c : lower.toCharArray()) {
      if ("aeiouy".indexOf(c) >= 0) {
        vowels++;
        run = 0;
      } else {
        maxRun = Math.max(maxRun, ++run);
      }
    }
    return vowels > 0 && vowels * 5 >= lower.length() && maxRun <= 3;
  }
}
