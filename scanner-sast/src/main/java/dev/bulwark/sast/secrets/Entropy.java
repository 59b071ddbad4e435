package dev.bulwark.sast.secrets;

import java.util.HashMap;

/** Shannon entropy, in bits per character: random keys score high, words and patterns low. */
public final class Entropy {
  private Entropy() {}

  public static double shannon(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    var counts = new HashMap<Character, Integer>();
    for (char c : s.toCharArray()) {
      counts.merge(c, 1, Integer::sum);
    }
    double h = 0;
    for (int n : counts.values()) {
      double p = (double) n / s.length();
      h -= p * (Math.log(p) / Math.log(2));
    }
    return h;
  }
}
