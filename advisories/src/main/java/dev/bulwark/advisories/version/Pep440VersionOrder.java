package dev.bulwark.advisories.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyPI's version order (PEP 440, as {@code packaging.version.Version} implements it): epoch,
 * release with trailing zeros ignored, pre-release (a/alpha, b/beta, rc/c/pre/preview),
 * post-release ("-1", "post", "rev", "r"), dev release, local version; case-insensitive, with
 * the normalisations PEP 440 allows ("1.0RC1" == "1.0rc1", "v1.0" == "1.0", "1.0-1" ==
 * "1.0.post1"). Text that is not PEP 440 but has no white space is a legacy version (as
 * packaging before 22 and OSV's tooling read it): it sorts below every PEP 440 version, and
 * legacy versions sort among themselves by setuptools' old key. Blank text and text with inner
 * white space are rejected.
 */
public final class Pep440VersionOrder implements VersionOrder {
  private static final Pattern PATTERN = Pattern.compile(
      "^\\s*v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
          + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
          + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
          + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
          + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$",
      Pattern.CASE_INSENSITIVE);

  @Override
  public String name() {
    return "PyPI";
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name(), text);
    Matcher m = PATTERN.matcher(text);
    if (!m.matches()) {
      if (text.strip().chars().anyMatch(Character::isWhitespace)) {
        throw VersionOrder.invalid(name(), text, "neither a PEP 440 nor a legacy version (white space)");
      }
      return new Pep440Version(text, BigInteger.ZERO, List.of(), 0, BigInteger.ZERO, null, null, null,
          LegacyKey.of(text.strip()));
    }
    var release = new ArrayList<BigInteger>();
    for (String part : m.group("release").split("\\.")) {
      release.add(new BigInteger(part));
    }
    while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) {
      release.remove(release.size() - 1);
    }
    int preRank = 0; // 0 none, else 1 a, 2 b, 3 rc
    BigInteger preNum = BigInteger.ZERO;
    if (m.group("pre") != null) {
      preRank = switch (m.group("prel").toLowerCase(Locale.ROOT)) {
        case "a", "alpha" -> 1;
        case "b", "beta" -> 2;
        default -> 3;
      };
      preNum = number(m.group("pren"));
    }
    BigInteger post = m.group("post") == null ? null
        : number(m.group("postn1") != null ? m.group("postn1") : m.group("postn2"));
    BigInteger dev = m.group("dev") == null ? null : number(m.group("devn"));
    List<Object> local = new ArrayList<>();
    if (m.group("local") != null) {
      for (String part : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
        local.add(part.chars().allMatch(Character::isDigit) ? (Object) new BigInteger(part) : part);
      }
    }
    return new Pep440Version(text, number(m.group("epoch")), List.copyOf(release), preRank, preNum,
        post, dev, m.group("local") == null ? null : List.copyOf(local), null);
  }

  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }

  record Pep440Version(String text, BigInteger epoch, List<BigInteger> release, int preRank,
      BigInteger preNum, BigInteger post, BigInteger dev, List<Object> local, List<String> legacy)
      implements Version {

    @Override
    public int compareTo(Version o) {
      var other = Version.same(Pep440Version.class, o);
      if (legacy != null || other.legacy != null) {
        return legacy == null ? 1 : (other.legacy == null ? -1 : LegacyKey.compare(legacy, other.legacy));
      }
      int c = epoch.compareTo(other.epoch);
      if (c == 0) {
        c = compareRelease(release, other.release);
      }
      if (c == 0) {
        c = Integer.compare(preKey(), other.preKey());
      }
      if (c == 0 && preRank != 0) {
        c = preNum.compareTo(other.preNum);
      }
      if (c == 0) {
        c = compareMissingLow(post, other.post);
      }
      if (c == 0) {
        c = compareMissingHigh(dev, other.dev);
      }
      return c != 0 ? c : compareLocal(local, other.local);
    }

    /** A dev release without pre or post sorts before every pre-release of its release. */
    private int preKey() {
      if (preRank == 0 && post == null && dev != null) {
        return -1;
      }
      return preRank == 0 ? 4 : preRank;
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        var x = i < a.size() ? a.get(i) : BigInteger.ZERO;
        var y = i < b.size() ? b.get(i) : BigInteger.ZERO;
        int c = x.compareTo(y);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

    private static int compareMissingLow(BigInteger a, BigInteger b) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : -1) : 1;
      }
      return a.compareTo(b);
    }

    private static int compareMissingHigh(BigInteger a, BigInteger b) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : 1) : -1;
      }
      return a.compareTo(b);
    }

    /** Local segments: numbers above strings, strings lexically, a longer prefix wins. */
    private static int compareLocal(List<Object> a, List<Object> b) {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : -1) : 1;
      }
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        Object x = a.get(i);
        Object y = b.get(i);
        int c;
        if (x instanceof BigInteger bx && y instanceof BigInteger by) {
          c = bx.compareTo(by);
        } else if (x instanceof String sx && y instanceof String sy) {
          c = sx.compareTo(sy);
        } else {
          c = x instanceof BigInteger ? 1 : -1;
        }
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
  }
}
