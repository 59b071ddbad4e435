package dev.bulwark.advisories.version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The registry of version orders by OSV ecosystem name: the one list of which ecosystems
 * Bulwark can compare versions of. Names are matched case-insensitively, and an OSV ecosystem
 * suffix is ignored ("Debian:11" and "Alpine:v3.18" use the Debian and Alpine orders);
 * "Ubuntu" uses Debian's order, the rpm-based distributions rpm's.
 */
public final class VersionOrders {
  private static final List<VersionOrder> ORDERS = List.of(
      new MavenVersionOrder(),
      new Pep440VersionOrder(),
      new SemverVersionOrder("npm"),
      new SemverVersionOrder("Go"),
      new SemverVersionOrder("crates.io"),
      new SemverVersionOrder("Hex"),
      new SemverVersionOrder("Pub", true),
      new RubyGemsVersionOrder(),
      new NuGetVersionOrder(),
      new ComposerVersionOrder(),
      new DebianVersionOrder(),
      new AlpineVersionOrder(),
      new RpmVersionOrder(),
      new NumericSegmentsVersionOrder("CRAN", ".-"),
      new NumericSegmentsVersionOrder("Hackage", "."));

  /** Ecosystems that share another's order: Ubuntu uses Debian's, the rpm-based ones rpm's. */
  private static final Map<String, String> ALIASES = Map.of("Ubuntu", "Debian", "AlmaLinux", "Red Hat",
      "Rocky Linux", "Red Hat", "SUSE", "Red Hat", "openSUSE", "Red Hat", "Mageia", "Red Hat");

  private static final Map<String, VersionOrder> BY_NAME = index();

  private VersionOrders() {}

  private static Map<String, VersionOrder> index() {
    var map = new LinkedHashMap<String, VersionOrder>();
    for (VersionOrder order : ORDERS) {
      map.put(order.name().toLowerCase(Locale.ROOT), order);
    }
    ALIASES.forEach((alias, of) -> map.put(alias.toLowerCase(Locale.ROOT), map.get(of.toLowerCase(Locale.ROOT))));
    return Map.copyOf(map);
  }

  /** Every order, one per ecosystem (aliases such as Ubuntu or AlmaLinux not repeated). */
  public static List<VersionOrder> all() {
    return ORDERS;
  }

  /** The order for an OSV ecosystem name, or empty when Bulwark does not know it. */
  public static Optional<VersionOrder> find(String ecosystem) {
    if (ecosystem == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_NAME.get(baseName(ecosystem).toLowerCase(Locale.ROOT)));
  }

  /**
   * The order for an OSV ecosystem name.
   *
   * @throws IllegalArgumentException naming the known ecosystems when it is unknown
   */
  public static VersionOrder forEcosystem(String ecosystem) {
    return find(ecosystem).orElseThrow(() -> new IllegalArgumentException(
        "unknown ecosystem '" + ecosystem + "'; known: " + String.join(", ", names())));
  }

  /** The canonical spelling of a known ecosystem ("pypi" → "PyPI", "Debian:12" → "Debian", "almalinux" → "AlmaLinux"). */
  public static String canonicalName(String ecosystem) {
    String base = baseName(ecosystem);
    return ALIASES.keySet().stream().filter(base::equalsIgnoreCase).findFirst()
        .orElseGet(() -> forEcosystem(base).name());
  }

  /** "Debian:11" → "Debian"; "crates.io" stays. */
  public static String baseName(String ecosystem) {
    int colon = ecosystem.indexOf(':');
    return (colon >= 0 ? ecosystem.substring(0, colon) : ecosystem).strip();
  }

  public static List<String> names() {
    var names = new ArrayList<String>();
    ORDERS.forEach(o -> names.add(o.name()));
    names.addAll(new TreeSet<>(ALIASES.keySet()));
    return names;
  }
}
