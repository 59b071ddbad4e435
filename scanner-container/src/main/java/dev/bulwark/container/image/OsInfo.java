package dev.bulwark.container.image;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution an image is built on.
 *
 * @param id       os-release ID ("debian", "ubuntu", "alpine", ...)
 * @param version  VERSION_ID ("12", "22.04", "3.18.4"), or the content of alpine-release / debian_version
 * @param codename VERSION_CODENAME when known ("bookworm")
 * @param name     PRETTY_NAME or a constructed name, for messages
 * @param source   the file it was read from
 */
public record OsInfo(String id, String version, String codename, String name, String source) {

  /** Reads os-release, then the distribution-specific files, in the order the OS would. */
  public static Optional<OsInfo> detect(LayeredFileSystem fs) {
    for (String path : new String[] {"etc/os-release", "usr/lib/os-release"}) {
      var bytes = fs.read(path);
      if (bytes.isPresent()) {
        var kv = parseOsRelease(new String(bytes.get(), StandardCharsets.UTF_8));
        String id = kv.getOrDefault("ID", "").toLowerCase(Locale.ROOT);
        if (!id.isEmpty()) {
          String version = kv.getOrDefault("VERSION_ID", "");
          // Debian testing/sid has no VERSION_ID; debian_version says e.g. "trixie/sid".
          if (version.isEmpty() && id.equals("debian")) {
            version = fs.read("etc/debian_version").map(b -> new String(b, StandardCharsets.UTF_8).strip()).orElse("");
          }
          return Optional.of(new OsInfo(id, version, kv.getOrDefault("VERSION_CODENAME", ""),
              kv.getOrDefault("PRETTY_NAME", id + " " + version), path));
        }
      }
    }
    var alpine = fs.read("etc/alpine-release");
    if (alpine.isPresent()) {
      String v = new String(alpine.get(), StandardCharsets.UTF_8).strip();
      return Optional.of(new OsInfo("alpine", v, "", "Alpine Linux v" + v, "etc/alpine-release"));
    }
    var debian = fs.read("etc/debian_version");
    if (debian.isPresent()) {
      String v = new String(debian.get(), StandardCharsets.UTF_8).strip();
      return Optional.of(new OsInfo("debian", v, "", "Debian " + v, "etc/debian_version"));
    }
    return Optional.empty();
  }

  /** os-release syntax: KEY=value, values optionally quoted, '#' comments. */
  static Map<String, String> parseOsRelease(String text) {
    var out = new HashMap<String, String>();
    for (String line : text.split("\n")) {
      line = line.strip();
      int eq = line.indexOf('=');
      if (line.startsWith("#") || eq <= 0) {
        continue;
      }
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
      }
      out.put(line.substring(0, eq).strip(), value);
    }
    return out;
  }

  /**
   * The ecosystem as OSV spells it, when this distribution has OSV data ("Debian", "Alpine",
   * "Ubuntu", and for rpm: "AlmaLinux", "Rocky Linux", "Red Hat").
   */
  public Optional<String> ecosystem() {
    return switch (id) {
      case "debian" -> Optional.of("Debian");
      case "ubuntu" -> Optional.of("Ubuntu");
      case "alpine" -> Optional.of("Alpine");
      case "almalinux" -> Optional.of("AlmaLinux");
      case "rocky" -> Optional.of("Rocky Linux");
      case "rhel" -> Optional.of("Red Hat");
      default -> Optional.empty();
    };
  }

  /**
   * The release as OSV's ecosystem suffix spells it: "12" for Debian (major only), "v3.18" for
   * Alpine (major.minor), "22.04" for Ubuntu, "9" for the rpm distributions (major only).
   */
  public String osvRelease() {
    String[] parts = version.split("[./]");
    return switch (id) {
      case "debian", "almalinux", "rocky", "rhel" -> parts[0];
      case "alpine" -> parts.length >= 2 ? "v" + parts[0] + "." + parts[1] : "v" + version;
      default -> version;
    };
  }
}
