package dev.bulwark.advisories.advisory;

import dev.bulwark.advisories.version.VersionOrders;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How each ecosystem spells one package two ways: the key advisories and installed packages
 * are matched by. PyPI per PEP 503 (case-folded, runs of '-', '_', '.' as one '-'); NuGet and
 * Packagist case-insensitive; Maven ("group:artifact"), npm, Go (including {@code stdlib}),
 * crates.io, RubyGems and the distributions exactly as written.
 */
public final class PackageNames {
  private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");
  private PackageNames() {}

  /** The ecosystem key ("PyPI", "Debian", "Ubuntu"), or empty when Bulwark has no order for it. */
  public static Optional<String> ecosystemKey(String ecosystem) {
    if (ecosystem == null || ecosystem.isBlank()) {
      return Optional.empty();
    }
    return VersionOrders.find(ecosystem).map(o -> VersionOrders.canonicalName(ecosystem));
  }

  /**
   * The index key of an ecosystem as written: the canonical name, with the release kept for
   * distributions ("Debian:12", "Alpine:v3.18"), so that a package of one release does not match
   * another release's advisories. Empty when Bulwark has no order for the ecosystem.
   */
  public static Optional<String> releaseKey(String ecosystem) {
    return ecosystemKey(ecosystem).map(base -> {
      int colon = ecosystem.indexOf(':');
      String release = colon < 0 ? "" : ecosystem.substring(colon + 1).strip();
      return release.isEmpty() ? base : base + ":" + release;
    });
  }

  public static String normalise(String ecosystemKey, String name) {
    String n = name.strip();
    return switch (VersionOrders.baseName(ecosystemKey)) {
      case "PyPI" -> PEP503_SEPARATORS.matcher(n.toLowerCase(Locale.ROOT)).replaceAll("-");
      case "NuGet", "Packagist" -> n.toLowerCase(Locale.ROOT);
      default -> n;
    };
  }
}
