package dev.bulwark.advisories.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small helpers over {@link VersionOrders} for command-line use ({@code bulwark version
 * compare|sort}); the same comparators the scanner matches with.
 */
public final class VersionTool {
  private VersionTool() {}

  /**
   * Compares two versions of an ecosystem: '&lt;', '=' or '&gt;'.
   *
   * @throws IllegalArgumentException for an unknown ecosystem or an unparsable version
   */
  public static char compare(String ecosystem, String a, String b) {
    int c = VersionOrders.forEcosystem(ecosystem).compare(a, b);
    return c < 0 ? '<' : (c == 0 ? '=' : '>');
  }

  /**
   * The versions in ascending order (stable for equal ones).
   *
   * @throws IllegalArgumentException for an unknown ecosystem or any unparsable version
   */
  public static List<String> sort(String ecosystem, List<String> versions) {
    VersionOrder order = VersionOrders.forEcosystem(ecosystem);
    var parsed = new ArrayList<Version>();
    for (String v : versions) {
      parsed.add(order.parse(v));
    }
    parsed.sort(Comparator.naturalOrder());
    return parsed.stream().map(Version::text).toList();
  }
}
