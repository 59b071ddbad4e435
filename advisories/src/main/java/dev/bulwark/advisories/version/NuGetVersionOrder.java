package dev.bulwark.advisories.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * NuGet's version order ({@code NuGetVersion}): one to four numeric parts with missing ones 0
 * ("1.0" == "1.0.0.0"), a release above its pre-releases, pre-release labels compared one by
 * one (numeric ones numerically and below others, others case-insensitively), build metadata
 * ignored.
 */
public final class NuGetVersionOrder implements VersionOrder {
  private static final Pattern PATTERN = Pattern.compile(
      "^[vV]?(?<core>[0-9]+(?:\\.[0-9]+){0,3})"
          + "(?:-(?<pre>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
          + "(?:\\+(?<build>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");

  @Override
  public String name() {
    return "NuGet";
  }

  @Override
  public Version parse(String text) {
    VersionOrder.requireText(name(), text);
    var m = PATTERN.matcher(text.strip());
    if (!m.matches()) {
      throw VersionOrder.invalid(name(), text, "expected 1 to 4 numeric parts, optional -prerelease and +metadata");
    }
    var core = new ArrayList<BigInteger>();
    for (String part : m.group("core").split("\\.")) {
      core.add(new BigInteger(part));
    }
    while (core.size() < 4) {
      core.add(BigInteger.ZERO);
    }
    List<String> pre = m.group("pre") == null ? List.of()
        : List.of(m.group("pre").toLowerCase(Locale.ROOT).split("\\."));
    return new NuGetVersion(text, List.copyOf(core), pre);
  }

  record NuGetVersion(String text, List<BigInteger> core, List<String> pre) implements Version {
    @Override
    public int compareTo(Version o) {
      var other = Version.same(NuGetVersion.class, o);
      for (int i = 0; i < 4; i++) {
        int c = core.get(i).compareTo(other.core.get(i));
        if (c != 0) {
          return c;
        }
      }
      if (pre.isEmpty() || other.pre.isEmpty()) {
        return Boolean.compare(pre.isEmpty(), other.pre.isEmpty());
      }
      // labels are lower-cased at parse time, so the SemVer rule is the case-insensitive one
      return SemverVersionOrder.comparePrerelease(pre, other.pre);
    }
  }
}
