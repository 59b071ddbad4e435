package dev.bulwark.advisories.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maven's version order as the POM reference's "Version Order Specification" states it and as
 * OSV orders Maven advisories (osv-scanner's reference vectors hold for it, including those made
 * with Maven's own {@code ComparableVersion}): the version is split into tokens at '.', '-' and
 * digit/letter transitions (a transition counts as '-'), each token keeping the separator before
 * it; empty tokens are 0; qualifiers are case-insensitive, "cr" is "rc", "ga", "final" and
 * "release" are "", and "a", "b", "m" directly followed by a number are alpha, beta, milestone;
 * trailing null tokens (0, "") are trimmed from the end and before each remaining '-'.
 *
 * <p>Tokens compare pairwise, the shorter version padded with null tokens (0 after '.', "" after
 * '-'). With the same separator: numbers numerically, a number above a qualifier, qualifiers in the
 * order alpha &lt; beta &lt; milestone &lt; rc &lt; snapshot &lt; "" &lt; sp, unknown qualifiers
 * after those, lexically. With different separators: ".qualifier" &lt; "-qualifier" &lt;
 * "-number" &lt; ".number". Every string is a valid Maven version.
 */
public final class MavenVersionOrder implements VersionOrder {
  private static final List<String> KEYWORDS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");

  @Override
  public String name() {
    return "Maven";
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name(), text);
    return new MavenVersion(text, trim(tokens(text.toLowerCase(Locale.ROOT))));
  }

  /** One token: the separator before it (NUL for the first), its normalised value, and whether it only pads the shorter version. */
  record Token(char prefix, String value, boolean filler) {
    boolean isNumber() {
      return NUMBER.matcher(value).matches();
    }

    boolean sameAs(Token o) {
      return prefix == o.prefix && value.equals(o.value);
    }

    /** ".qualifier" &lt; "-qualifier" &lt; "-number" &lt; ".number". */
    int separatorRank() {
      return isNumber() ? (prefix == '-' ? 2 : 3) : (prefix == '-' ? 1 : 0);
    }

    /** The null token padding the other version where this one has {@code this}. */
    Token padding() {
      return prefix == '-' ? new Token('-', "", true) : new Token(prefix, value.equals("sp") ? "" : "0", true);
    }

    boolean lessThan(Token o) {
      if (prefix != o.prefix) {
        return separatorRank() < o.separatorRank();
      }
      if (isNumber() && o.isNumber()) {
        return new BigInteger(value).compareTo(new BigInteger(o.value)) < 0;
      }
      if (isNumber() && !filler) {
        return false;
      }
      if (o.isNumber() && !o.filler) {
        return true;
      }
      int l = keyword(value);
      int r = keyword(o.value);
      return l == KEYWORDS.size() && r == KEYWORDS.size() ? value.compareTo(o.value) < 0 : l < r;
    }

    private static int keyword(String q) {
      int i = KEYWORDS.indexOf(q);
      return i < 0 ? KEYWORDS.size() : i;
    }
  }

  record MavenVersion(String text, List<Token> tokens) implements Version {
    @Override
    public int compareTo(Version o) {
      var other = Version.same(MavenVersion.class, o);
      if (equalTokens(other)) {
        return 0;
      }
      for (int i = 0; i < Math.max(tokens.size(), other.tokens.size()); i++) {
        Token l = i < tokens.size() ? tokens.get(i) : other.tokens.get(i).padding();
        Token r = i < other.tokens.size() ? other.tokens.get(i) : tokens.get(i).padding();
        if (!l.sameAs(r)) {
          return l.lessThan(r) ? -1 : 1;
        }
      }
      return 1;
    }

    private boolean equalTokens(MavenVersion other) {
      if (tokens.size() != other.tokens.size()) {
        return false;
      }
      for (int i = 0; i < tokens.size(); i++) {
        if (!tokens.get(i).sameAs(other.tokens.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private static List<Token> tokens(String version) {
    var out = new ArrayList<Token>();
    char prefix = '\0';
    int start = 0;
    for (int i = 0; i <= version.length(); i++) {
      if (i == version.length() || version.charAt(i) == '.' || version.charAt(i) == '-') {
        split(version.substring(start, i), prefix, out);
        if (i < version.length()) {
          prefix = version.charAt(i);
        }
        start = i + 1;
      }
    }
    return out;
  }

  /** One '.'/'-'-separated part, split further at digit/letter transitions (each a '-'). */
  private static void split(String part, char prefix, List<Token> out) {
    int start = 0;
    char p = prefix;
    for (int i = 1; i <= part.length(); i++) {
      boolean end = i == part.length();
      if (end || digit(part.charAt(i)) != digit(part.charAt(i - 1))) {
        out.add(new Token(p, normalise(part.substring(start, i), !end), false));
        start = i;
        p = '-';
      }
    }
    if (part.isEmpty()) {
      out.add(new Token(prefix, "0", false));
    }
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String normalise(String value, boolean followedByNumber) {
    if (value.isEmpty()) {
      return "0";
    }
    if (NUMBER.matcher(value).matches()) {
      return new BigInteger(value).toString();
    }
    if (followedByNumber) {
      switch (value) {
        case "a" -> { return "alpha"; }
        case "b" -> { return "beta"; }
        case "m" -> { return "milestone"; }
        default -> { }
      }
    }
    return switch (value) {
      case "cr" -> "rc";
      case "ga", "final", "release" -> "";
      default -> value;
    };
  }

  /** Trailing null tokens (0, "") trimmed at the end and before each remaining '-', from the end. */
  private static List<Token> trim(List<Token> tokens) {
    var list = new ArrayList<>(tokens);
    int i = list.size() - 1;
    while (i > 0) {
      String v = list.get(i).value();
      if (v.equals("0") || v.isEmpty()) {
        list.remove(i);
        i--;
        continue;
      }
      while (i >= 0 && list.get(i).prefix() != '-') {
        i--;
      }
      i--;
    }
    return List.copyOf(list);
  }
}
