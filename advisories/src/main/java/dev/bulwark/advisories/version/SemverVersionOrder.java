package dev.bulwark.advisories.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Semantic Versioning 2.0.0 order, used by npm, crates.io, Hex, Pub and (with its leading "v"
 * and {@code +incompatible}) Go: numeric major.minor.patch, then a release above its
 * pre-releases, pre-release identifiers compared one by one (numeric ones numerically and below
 * alphanumeric ones, those in ASCII order, more identifiers above fewer), build metadata
 * ignored, except in Pub, whose {@code pub_semver} orders it like pre-release identifiers after
 * everything else, a version without build metadata below one with it ({@code 1.0.0 < 1.0.0+build},
 * {@code 1.2.3+1 < 1.2.3+2}). Go pseudo-versions ({@code v0.0.0-20191109021931-daa7c04131f5}) are pre-releases and
 * sort by their timestamp this way. Leniently, a leading "v" or "=" is allowed and missing
 * minor/patch numbers count as 0 (as OSV data sometimes writes "1.2"); extra numeric parts
 * ("1.2.3.4") are compared too.
 */
public final class SemverVersionOrder implements VersionOrder {
  private static final Pattern PATTERN = Pattern.compile(
      "^[vV=]?(?<core>[0-9]+(?:\\.[0-9]+)*)"
          + "(?:-(?<pre>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
          + "(?:\\+(?<build>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");

  private final String ecosystem;
  private final boolean buildOrders;

  public SemverVersionOrder(String ecosystem) {
    this(ecosystem, false);
  }

  /** @param buildOrders whether build metadata takes part in the order (Pub) */
  public SemverVersionOrder(String ecosystem, boolean buildOrders) {
    this.ecosystem = ecosystem;
    this.buildOrders = buildOrders;
  }

  @Override
  public String name() {
    return ecosystem;
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(ecosystem, text);
    var m = PATTERN.matcher(text.strip());
    if (!m.matches()) {
      throw VersionOrder.invalid(ecosystem, text, "not a semantic version (MAJOR.MINOR.PATCH[-PRE][+BUILD])");
    }
    var core = new ArrayList<BigInteger>();
    for (String part : m.group("core").split("\\.")) {
      core.add(new BigInteger(part));
    }
    while (core.size() < 3) {
      core.add(BigInteger.ZERO);
    }
    while (core.size() > 3 && core.get(core.size() - 1).signum() == 0) {
      core.remove(core.size() - 1);
    }
    List<String> pre = m.group("pre") == null ? List.of() : List.of(m.group("pre").split("\\."));
    List<String> build = !buildOrders || m.group("build") == null ? List.of() : List.of(m.group("build").split("\\."));
    return new SemverVersion(text, List.copyOf(core), pre, build);
  }

  /** @param build the build identifiers when they take part in the order, else empty */
  record SemverVersion(String text, List<BigInteger> core, List<String> pre, List<String> build) implements Version {
    @Override
    public int compareTo(Version o) {
      var other = Version.same(SemverVersion.class, o);
      for (int i = 0; i < Math.max(core.size(), other.core.size()); i++) {
        var a = i < core.size() ? core.get(i) : BigInteger.ZERO;
        var b = i < other.core.size() ? other.core.get(i) : BigInteger.ZERO;
        int c = a.compareTo(b);
        if (c != 0) {
          return c;
        }
      }
      if (pre.isEmpty() != other.pre.isEmpty()) {
        return Boolean.compare(pre.isEmpty(), other.pre.isEmpty());
      }
      int c = comparePrerelease(pre, other.pre);
      if (c != 0 || build.isEmpty() && other.build.isEmpty()) {
        return c;
      }
      return build.isEmpty() || other.build.isEmpty() ? Boolean.compare(!build.isEmpty(), !other.build.isEmpty())
          : comparePrerelease(build, other.build);
    }
  }

  /** Identifier by identifier: numbers numerically and below words, words in ASCII order. */
  static int comparePrerelease(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareIdentifier(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareIdentifier(String x, String y) {
    boolean nx = isNumeric(x);
    boolean ny = isNumeric(y);
    if (nx && ny) {
      return new BigInteger(x).compareTo(new BigInteger(y));
    }
    if (nx != ny) {
      return nx ? -1 : 1;
    }
    return Integer.signum(x.compareTo(y));
  }

  static boolean isNumeric(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
