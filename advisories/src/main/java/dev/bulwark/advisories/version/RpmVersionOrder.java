package dev.bulwark.advisories.version;

/**
 * rpm's version order, for the rpm-based OSV ecosystems (Red Hat, AlmaLinux, Rocky Linux, SUSE,
 * openSUSE, Mageia): {@code [epoch:]version[-release]}, epoch (absent = 0; OSV's Red Hat data
 * also writes a name there, {@code a:1 < b:1}), version and release each compared by rpm's
 * {@code rpmvercmp}: runs of digits compare as numbers
 * (leading zeros ignored, a longer number is greater), runs of letters as text, a digit run beats
 * a letter run, other characters only separate; {@code ~} sorts before everything (even the end:
 * "1.0~rc1" &lt; "1.0") and {@code ^} after the end but before anything else ("1.0" &lt;
 * "1.0^git1" &lt; "1.0.1"). A missing release sorts below every release, the empty one
 * included ("1.0" &lt; "1.0-" &lt; "1.0-1").
 */
public final class RpmVersionOrder implements VersionOrder {
  @Override
  public String name() {
    return "Red Hat";
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name(), text);
    String s = text.strip();
    if (s.chars().anyMatch(Character::isWhitespace)) {
      throw VersionOrder.invalid(name(), text, "contains white space");
    }
    String epoch = "0";
    int colon = s.indexOf(':');
    if (colon >= 0) {
      epoch = s.substring(0, colon);
      if (epoch.isEmpty()) {
        throw VersionOrder.invalid(name(), text, "empty epoch before ':'");
      }
      s = s.substring(colon + 1);
    }
    int dash = s.lastIndexOf('-');
    String version = dash >= 0 ? s.substring(0, dash) : s;
    String release = dash >= 0 ? s.substring(dash + 1) : null;
    if (version.isEmpty()) {
      throw VersionOrder.invalid(name(), text, "empty version");
    }
    return new RpmVersion(text, epoch, version, release);
  }

  record RpmVersion(String text, String epoch, String version, String release) implements Version {
    @Override
    public int compareTo(Version o) {
      var other = Version.same(RpmVersion.class, o);
      int c = rpmvercmp(epoch, other.epoch);
      if (c == 0) {
        c = rpmvercmp(version, other.version);
      }
      if (c == 0 && (release == null || other.release == null)) {
        c = Boolean.compare(release != null, other.release != null);
      } else if (c == 0) {
        c = rpmvercmp(release, other.release);
      }
      return Integer.signum(c);
    }
  }

  /** rpm's {@code rpmvercmp} on one version or release string. */
  static int rpmvercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while (i < a.length() && isSeparator(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && isSeparator(b.charAt(j))) {
        j++;
      }
      char ca = i < a.length() ? a.charAt(i) : 0;
      char cb = j < b.length() ? b.charAt(j) : 0;
      if (ca == '~' || cb == '~') {
        if (ca != '~') {
          return 1;
        }
        if (cb != '~') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == '^' || cb == '^') {
        if (ca == 0) {
          return -1;
        }
        if (cb == 0) {
          return 1;
        }
        if (ca != '^') {
          return 1;
        }
        if (cb != '^') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == 0 || cb == 0) {
        break;
      }
      boolean numeric = isDigit(ca);
      int ei = i;
      int ej = j;
      while (ei < a.length() && (numeric ? isDigit(a.charAt(ei)) : isLetter(a.charAt(ei)))) {
        ei++;
      }
      while (ej < b.length() && (numeric ? isDigit(b.charAt(ej)) : isLetter(b.charAt(ej)))) {
        ej++;
      }
      if (ej == j) {
        return numeric ? 1 : -1; // a number beats letters
      }
      String sa = a.substring(i, ei);
      String sb = b.substring(j, ej);
      if (numeric) {
        sa = stripZeros(sa);
        sb = stripZeros(sb);
        if (sa.length() != sb.length()) {
          return sa.length() > sb.length() ? 1 : -1;
        }
      }
      int c = sa.compareTo(sb);
      if (c != 0) {
        return c < 0 ? -1 : 1;
      }
      i = ei;
      j = ej;
    }
    boolean aDone = i >= a.length();
    boolean bDone = j >= b.length();
    if (aDone && bDone) {
      return 0;
    }
    return aDone ? -1 : 1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isSeparator(char c) {
    return !isDigit(c) && !isLetter(c) && c != '~' && c != '^';
  }

  private static String stripZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }
}
