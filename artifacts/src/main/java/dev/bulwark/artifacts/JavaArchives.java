package dev.bulwark.artifacts;

import dev.bulwark.v1.Confidence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Java archives in an image ({@code .jar}, {@code .war}, {@code .ear}, and Jenkins' {@code .hpi},
 * {@code .jpi}), nested ones included ({@code WEB-INF/lib}, {@code BOOT-INF/lib}, an EAR's
 * modules): each {@code META-INF/maven/<groupId>/<artifactId>/pom.properties} is one Maven
 * package (shaded dependencies carry theirs too). An archive without any pom.properties falls back
 * to its {@code MANIFEST.MF} (Implementation- or Bundle- fields), with LOW confidence. Archives are
 * streamed once by {@link ZipWalk}, which bounds nesting, entries and expansion.
 */
public final class JavaArchives implements EmbeddedPackageDatabase {
  private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
  private static final int MAX_METADATA_BYTES = 64 * 1024;

  private final ZipWalk.Limits limits;

  public JavaArchives() {
    this(ZipWalk.Limits.defaults());
  }

  public JavaArchives(ZipWalk.Limits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "java-archives";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Optional<String> ecosystem() {
    return Optional.of("Maven");
  }

  static boolean isArchive(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".jar") || p.endsWith(".war") || p.endsWith(".ear") || p.endsWith(".hpi") || p.endsWith(".jpi");
  }

  @Override
  public boolean examines(String path, long size, int mode) {
    return size > 0 && isArchive(path);
  }

  @Override
  public Optional<byte[]> extract(String path, InputStream raw, long size) throws IOException {
    var content = new PushbackInputStream(raw, 4);
    byte[] magic = content.readNBytes(4);
    content.unread(magic);
    if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
      return Optional.empty(); // named like an archive but not one (or empty): it holds no packages
    }
    var found = new ArrayList<Entry>();
    var visitor = new ZipWalk.Visitor() {
      // per archive (by its location inside the top one): pom.properties found, manifest fallback
      final Set<String> withPom = new HashSet<>();
      final Map<String, Entry> manifestGuess = new HashMap<>();

      @Override
      public boolean wants(String entry) {
        return POM_PROPERTIES.matcher(entry).matches() || entry.equalsIgnoreCase("META-INF/MANIFEST.MF");
      }

      @Override
      public void entry(String archive, String entry, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_METADATA_BYTES);
        if (entry.endsWith("pom.properties")) {
          fromPomProperties(bytes, archive).ifPresent(e -> {
            found.add(e);
            withPom.add(archive);
          });
        } else {
          fromManifest(bytes, archive.isEmpty() ? path : archive, archive).ifPresent(e -> manifestGuess.put(archive, e));
        }
      }

      @Override
      public boolean nested(String entry) {
        return isArchive(entry);
      }
    };
    var problems = new ZipWalk(limits).walk(content, size, visitor);
    visitor.manifestGuess.forEach((archive, e) -> {
      if (!visitor.withPom.contains(archive)) {
        found.add(e);
      }
    });
    if (found.isEmpty() && problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ExtractedRecord.encode(name(), version(), found, problems));
  }

  /** {@code groupId}, {@code artifactId}, {@code version} of a pom.properties. */
  static Optional<Entry> fromPomProperties(byte[] bytes, String location) {
    var p = new Properties();
    try {
      p.load(new ByteArrayInputStream(bytes));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    String g = p.getProperty("groupId", "").strip();
    String a = p.getProperty("artifactId", "").strip();
    String v = p.getProperty("version", "").strip();
    if (g.isEmpty() || a.isEmpty() || v.isEmpty() || v.contains("${")) {
      return Optional.empty();
    }
    return Optional.of(new Entry(g + ":" + a, g + ":" + a, v, v, Confidence.CONFIDENCE_HIGH, location));
  }

  /**
   * A guess from the manifest: version from Implementation-Version or Bundle-Version; groupId from
   * Implementation-Vendor-Id, else the Bundle-SymbolicName before its artifact; artifactId from the
   * file name when it ends in "-version", else Implementation-Title or the symbolic name's last part.
   */
  static Optional<Entry> fromManifest(byte[] bytes, String archivePath, String location) {
    Manifest m;
    try {
      m = new Manifest(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    var attrs = m.getMainAttributes();
    String version = first(attrs.getValue("Implementation-Version"), attrs.getValue("Bundle-Version"));
    String symbolic = Optional.ofNullable(attrs.getValue("Bundle-SymbolicName")).map(s -> s.split(";")[0].strip())
        .orElse("");
    String file = archivePath.substring(archivePath.lastIndexOf('/') + 1).replaceAll("(?i)\\.[a-z]ar$", "");
    String artifact = !version.isEmpty() && file.endsWith("-" + version)
        ? file.substring(0, file.length() - version.length() - 1)
        : first(attrs.getValue("Implementation-Title"), symbolic.substring(symbolic.lastIndexOf('.') + 1));
    String group = first(attrs.getValue("Implementation-Vendor-Id"),
        symbolic.endsWith("." + artifact) ? symbolic.substring(0, symbolic.length() - artifact.length() - 1) : "");
    if (version.isEmpty() || artifact.isEmpty() || group.isEmpty() || artifact.contains(" ") || group.contains(" ")) {
      return Optional.empty();
    }
    String name = group + ":" + artifact;
    return Optional.of(new Entry(name, name, version, version, Confidence.CONFIDENCE_LOW, location));
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a.strip() : b == null ? "" : b.strip();
  }
}
