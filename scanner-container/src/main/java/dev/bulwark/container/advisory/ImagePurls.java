package dev.bulwark.container.advisory;

import dev.bulwark.container.image.InventoryPackage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Package URLs of image packages: {@code pkg:apk/alpine/musl@1.1.22-r3?distro=v3.10},
 * {@code pkg:deb/debian/libssl1.1@1.1.1n-0+deb10u3?distro=debian-10},
 * {@code pkg:npm/%40babel/core@7.0.0}, {@code pkg:pypi/pyyaml@5.3},
 * {@code pkg:maven/org.yaml/snakeyaml@1.33}, {@code pkg:golang/github.com/gorilla/mux@v1.8.0},
 * {@code pkg:rpm/almalinux/bulwark-hello@1.2.3-4.el9?epoch=2&distro=almalinux-9}.
 */
final class ImagePurls {
  private ImagePurls() {}

  static String of(InventoryPackage p) {
    String version = encode(p.version());
    return switch (p.ecosystem()) {
      case "Alpine" -> "pkg:apk/alpine/" + encode(p.name()) + "@" + version + distro(p, p.release());
      case "Debian", "Ubuntu" -> "pkg:deb/" + p.ecosystem().toLowerCase(Locale.ROOT) + "/" + encode(p.name()) + "@"
          + version + distro(p, p.ecosystem().toLowerCase(Locale.ROOT) + "-" + p.release());
      case "npm" -> "pkg:npm/" + (p.name().startsWith("@") && p.name().contains("/")
          ? encode(p.name().substring(0, p.name().indexOf('/'))) + "/" + encode(p.name().substring(p.name().indexOf('/') + 1))
          : encode(p.name())) + "@" + version;
      case "PyPI" -> "pkg:pypi/" + encode(p.name().toLowerCase(Locale.ROOT).replace('_', '-')) + "@" + version;
      case "Maven" -> "pkg:maven/" + encode(p.name().substring(0, Math.max(0, p.name().indexOf(':')))) + "/"
          + encode(p.name().substring(p.name().indexOf(':') + 1)) + "@" + version;
      case "Go" -> "pkg:golang/" + String.join("/", Arrays.stream(p.name().split("/")).map(ImagePurls::encode)
          .toList()) + "@" + version;
      case "AlmaLinux", "Rocky Linux", "Red Hat" -> rpm(p);
      default -> "";
    };
  }

  /** {@code pkg:rpm/almalinux/openssl-libs@3.0.7-24.el9?epoch=1&distro=almalinux-9}: the epoch is a qualifier. */
  private static String rpm(InventoryPackage p) {
    String namespace = switch (p.ecosystem()) {
      case "AlmaLinux" -> "almalinux";
      case "Rocky Linux" -> "rocky";
      default -> "redhat";
    };
    int colon = p.version().indexOf(':');
    String version = colon < 0 ? p.version() : p.version().substring(colon + 1);
    String epoch = colon < 0 ? "" : "epoch=" + encode(p.version().substring(0, colon));
    String distro = p.release().isEmpty() ? "" : "distro=" + encode(namespace + "-" + p.release());
    String qualifiers = String.join("&", java.util.stream.Stream.of(epoch, distro).filter(q -> !q.isEmpty()).toList());
    return "pkg:rpm/" + namespace + "/" + encode(p.name()) + "@" + encode(version) + (qualifiers.isEmpty() ? "" : "?" + qualifiers);
  }

  private static String distro(InventoryPackage p, String distro) {
    return p.release().isEmpty() ? "" : "?distro=" + encode(distro);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
