package dev.bulwark.advisories.version;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Debian's version order (dpkg's {@code verrevcmp}): {@code [epoch:]upstream[-revision]}; the
 * epoch numerically, then upstream and revision compared as alternating non-digit and digit
 * runs, where in non-digit runs '~' sorts before everything (even the end of the string),
 * letters before other characters, and digit runs compare numerically. Used for Debian and
 * Ubuntu.
 */
public final class DebianVersionOrder implements VersionOrder {
  private static final Pattern UPSTREAM = Pattern.compile("[A-Za-z0-9.+~:-]+");
  private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9.+~]+");

  @Override
  public String name() {
    return "Debian";
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name(), text);
    String s = text.strip();
    BigInteger epoch = BigInteger.ZERO;
    int colon = s.indexOf(':');
    if (colon >= 0) {
      String e = s.substring(0, colon);
      if (e.isEmpty() || !e.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw VersionOrder.invalid(name(), text, "epoch is not a number");
      }
      epoch = new BigInteger(e);
      s = s.substring(colon + 1);
    }
    String upstream = s;
    String revision = "";
    int dash = s.lastIndexOf('-');
    if (dash >= 0) {
      upstream = s.substring(0, dash);
      revision = s.substring(dash + 1);
      if (!REVISION.matcher(revision).matches()) {
        throw VersionOrder.invalid(name(), text, "bad revision '" + revision + "'");
      }
    }
    if (!UPSTREAM.matcher(upstream).matches()) {
      throw VersionOrder.invalid(name(), text, "upstream version must be non-empty and use only [A-Za-z0-9.+~:-]");
    }
    return new DebianVersion(text, epoch, upstream, revision);
  }

  record DebianVersion(String text, BigInteger epoch, String upstream, String revision) implements Version {
    @Override
    public int compareTo(Version o) {
      var other = Version.same(DebianVersion.class, o);
      int c = epoch.compareTo(other.epoch);
      if (c == 0) {
        c = verrevcmp(upstream, other.upstream);
      }
      return c != 0 ? c : verrevcmp(revision, other.revision);
    }
  }

  private static int order(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    char c = s.charAt(i);
    if (c >= '0' && c <= '9') {
      return 0;
    }
    if (Character.isLetter(c) && c < 128) {
      return c;
    }
    return c == '~' ? -1 : c + 256;
  }

  static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !isDigit(a, i)) || (j < b.length() && !isDigit(b, j))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return Integer.signum(ac - bc);
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      int firstDiff = 0;
      while (isDigit(a, i) && isDigit(b, j)) {
        if (firstDiff == 0) {
          firstDiff = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (isDigit(a, i)) {
        return 1;
      }
      if (isDigit(b, j)) {
        return -1;
      }
      if (firstDiff != 0) {
        return Integer.signum(firstDiff);
      }
    }
    return 0;
  }

  private static boolean isDigit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }
}
