package dev.bulwark.sca.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Builds package URLs (https://github.com/package-url/purl-spec) from an OSV ecosystem, a name
 * as the ecosystem spells it and a version. Shared by every parser so that all agree.
 */
final class Purls {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("npm", "npm"), Map.entry("PyPI", "pypi"), Map.entry("Go", "golang"),
      Map.entry("crates.io", "cargo"), Map.entry("RubyGems", "gem"), Map.entry("Packagist", "composer"),
      Map.entry("Maven", "maven"), Map.entry("NuGet", "nuget"), Map.entry("Pub", "pub"),
      Map.entry("Hex", "hex"), Map.entry("ConanCenter", "conan"));

  private Purls() {}

  /** e.g. {@code pkg:npm/%40babel/core@7.0.0}, {@code pkg:maven/org.slf4j/slf4j-api@2.0.9}. */
  static String of(String ecosystem, String name, String version) {
    String type = TYPES.get(ecosystem);
    if (type == null) {
      throw new IllegalArgumentException("no purl type for ecosystem " + ecosystem);
    }
    String path = switch (type) {
      case "maven" -> name.replace(':', '/');
      case "pypi" -> name.toLowerCase(Locale.ROOT).replace('_', '-');
      case "hex", "pub" -> name.toLowerCase(Locale.ROOT);
      default -> name;
    };
    var out = new StringBuilder("pkg:").append(type).append('/');
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(encode(segments[i]));
    }
    if (version != null && !version.isEmpty()) {
      out.append('@').append(encode(version));
    }
    return out.toString();
  }

  /** Percent-encodes everything but unreserved characters (so '@' of npm scopes becomes %40). */
  static String encode(String s) {
    var out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == '_' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
