package dev.bulwark.container.image;

import dev.bulwark.artifacts.PackageDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Debian and Ubuntu packages: {@code /var/lib/dpkg/status}, and {@code /var/lib/dpkg/status.d/*}
 * (one file per package, as distroless images have). Only packages whose Status is
 * "install ok installed" count.
 */
public final class DpkgDatabase implements PackageDatabase {
  private static final Pattern SOURCE = Pattern.compile("^(\\S+)(?:\\s+\\((\\S+)\\))?$");

  @Override
  public String name() {
    return "dpkg";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean wants(String path) {
    return path.equals("var/lib/dpkg/status")
        || path.startsWith("var/lib/dpkg/status.d/") && !path.endsWith(".md5sums");
  }

  @Override
  public Optional<String> ecosystem() {
    return Optional.empty();
  }

  @Override
  public List<Entry> parse(String path, byte[] content) {
    var out = new ArrayList<Entry>();
    boolean statusD = path.startsWith("var/lib/dpkg/status.d/");
    for (var p : ControlFileParagraphs.parse(content, ':')) {
      String name = p.get("Package");
      String version = p.get("Version");
      String status = p.getOrDefault("Status", statusD ? "install ok installed" : "");
      if (name == null || version == null || !status.endsWith(" installed")) {
        continue;
      }
      String source = name;
      String sourceVersion = version;
      var m = SOURCE.matcher(p.getOrDefault("Source", name));
      if (m.matches()) {
        source = m.group(1);
        sourceVersion = m.group(2) == null ? version : m.group(2);
      }
      out.add(new Entry(name, source, version, sourceVersion));
    }
    return out;
  }
}
