package dev.bulwark.sast.secrets.precision;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shannon entropy in bits per character, and what a random string would score. A fixed threshold
 * is unfair across alphabets: 20 random hex digits score about 3.7, 20 random base64 characters
 * about 4.2, and a long English identifier as much as either. So a value is judged against a
 * random string of its own length over its own alphabet ({@link #randomness}).
 */
public final class Entropy {
  /** The smallest alphabet a value's characters fit in, with its size. */
  public enum Alphabet {
    DIGITS(10), HEX(16), BASE32(32), ALPHANUMERIC(62), BASE64(64), PRINTABLE(94);

    public final int size;

    Alphabet(int size) {
      this.size = size;
    }

    public static Alphabet of(String s) {
      boolean digits = true;
      boolean hex = true;
      boolean base32 = true;
      boolean alnum = true;
      boolean base64 = true;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean d = c >= '0' && c <= '9';
        boolean up = c >= 'A' && c <= 'Z';
        boolean low = c >= 'a' && c <= 'z';
        digits &= d;
        hex &= d || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        base32 &= up || (c >= '2' && c <= '7') || c == '=';
        alnum &= d || up || low;
        base64 &= d || up || low || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
      }
      return digits ? DIGITS : hex ? HEX : base32 ? BASE32 : alnum ? ALPHANUMERIC : base64 ? BASE64 : PRINTABLE;
    }
  }

  private static final ConcurrentHashMap<Long, Double> EXPECTED = new ConcurrentHashMap<>();

  private Entropy() {}

  public static double shannon(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    var rare = new java.util.HashMap<Character, Integer>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        rare.merge(c, 1, Integer::sum);
        other++;
      }
    }
    double h = 0;
    for (int n : counts) {
      h -= term(n, s.length());
    }
    for (int n : rare.values()) {
      h -= term(n, s.length());
    }
    return h;
  }

  private static double term(int n, int len) {
    if (n == 0) {
      return 0;
    }
    double p = (double) n / len;
    return p * (Math.log(p) / Math.log(2));
  }

  /**
   * The expected Shannon entropy of a uniformly random string of {@code n} characters over
   * {@code k} symbols. Exact: by linearity, k times the expected term of one symbol, whose count
   * is Binomial(n, 1/k).
   */
  public static double expected(int n, int k) {
    return EXPECTED.computeIfAbsent((long) n << 32 | k, key -> {
      double p = 1.0 / k;
      double sum = 0;
      double logP = Math.log(p);
      double logQ = Math.log1p(-p);
      double logChoose = 0; // log C(n, j)
      for (int j = 1; j <= n; j++) {
        logChoose += Math.log(n - j + 1) - Math.log(j);
        double prob = Math.exp(logChoose + j * logP + (n - j) * logQ);
        double f = (double) j / n;
        sum += prob * f * (Math.log(f) / Math.log(2));
      }
      return -k * sum;
    });
  }

  /** The value's entropy as a fraction of a random string's of the same length over its alphabet. */
  public static double randomness(String s) {
    if (s.length() < 2) {
      return 0;
    }
    return shannon(s) / expected(s.length(), Alphabet.of(s).size);
  }
}
