package dev.bulwark.sca.advisory;

import dev.bulwark.sca.version.VersionOrders;
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

  public static String normalise(String ecosystemKey, String name) {
    String n = name.strip();
    return switch (ecosystemKey) {
      case "PyPI" -> PEP503_SEPARATORS.matcher(n.toLowerCase(Locale.ROOT)).replaceAll("-");
      case "NuGet", "Packagist" -> n.toLowerCase(Locale.ROOT);
      default -> n;
    };
  }
}
