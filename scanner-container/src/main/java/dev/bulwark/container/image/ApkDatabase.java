package dev.bulwark.container.image;

import dev.bulwark.artifacts.PackageDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Alpine packages: {@code /lib/apk/db/installed} ("P:" name, "V:" version, "o:" origin = source package). */
public final class ApkDatabase implements PackageDatabase {
  @Override
  public String name() {
    return "apk";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean wants(String path) {
    return path.equals("lib/apk/db/installed");
  }

  @Override
  public Optional<String> ecosystem() {
    return Optional.empty();
  }

  @Override
  public List<Entry> parse(String path, byte[] content) {
    var out = new ArrayList<Entry>();
    for (var p : ControlFileParagraphs.parse(content, ':')) {
      String name = p.get("P");
      String version = p.get("V");
      if (name != null && version != null) {
        out.add(new Entry(name, p.getOrDefault("o", name), version, version));
      }
    }
    return out;
  }
}
