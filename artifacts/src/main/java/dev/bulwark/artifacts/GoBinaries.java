package dev.bulwark.artifacts;

import dev.bulwark.v1.Confidence;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Go executables in an image: the modules compiled in, from the build information the Go linker
 * embeds ({@link GoBuildInfo}, Go 1.18 and later). Each dependency module is one "Go" package, the
 * main module too when it has a version, and the standard library as {@code stdlib} at the Go
 * version ({@code go1.19.8} becomes {@code v1.19.8}, as the SCA scanner spells it for go.mod).
 * Only executable regular files of at least {@link #MIN_SIZE} bytes are examined: a Go program is
 * never smaller, and shared libraries (mode 644) are skipped.
 */
public final class GoBinaries implements EmbeddedPackageDatabase {
  static final long MIN_SIZE = 256 * 1024;
  private static final Pattern GO_RELEASE = Pattern.compile("go(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
  private static final Pattern MODULE_VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+([-+].*)?");

  @Override
  public String name() {
    return "go-binaries";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Optional<String> ecosystem() {
    return Optional.of("Go");
  }

  @Override
  public boolean examines(String path, long size, int mode) {
    return size >= MIN_SIZE && (mode & 0111) != 0;
  }

  @Override
  public Optional<byte[]> extract(String path, InputStream content, long size) throws IOException {
    Optional<GoBuildInfo.Info> info;
    try {
      info = GoBuildInfo.read(content);
    } catch (GoBuildInfo.Unsupported e) {
      return Optional.of(ExtractedRecord.encode(name(), version(), List.of(), List.of(e.getMessage())));
    }
    return info.map(i -> ExtractedRecord.encode(name(), version(), entries(i), List.of()));
  }

  /** The packages of one executable's build information; versions Go would not order ("(devel)") are left out. */
  static List<Entry> entries(GoBuildInfo.Info info) {
    var out = new ArrayList<Entry>();
    var release = GO_RELEASE.matcher(info.goVersion().split(" ")[0]); // "go1.22.0 X:loopvar"
    if (release.matches()) {
      String v = "v" + release.group(1) + "." + release.group(2) + "." + (release.group(3) == null ? "0" : release.group(3));
      out.add(entry("stdlib", v));
    }
    info.main().filter(m -> MODULE_VERSION.matcher(m.version()).matches()).ifPresent(m -> out.add(entry(m.path(), m.version())));
    info.deps().stream().filter(m -> MODULE_VERSION.matcher(m.version()).matches() && !m.path().startsWith("."))
        .forEach(m -> out.add(entry(m.path(), m.version())));
    return out;
  }

  private static Entry entry(String module, String version) {
    return new Entry(module, module, version, version, Confidence.CONFIDENCE_HIGH, "");
  }
}
