package dev.bulwark.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Language packages installed in an image: npm's node_modules and Python's site-packages. */
public final class LanguagePackageDatabases {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.regex.Pattern NODE_MODULE =
      java.util.regex.Pattern.compile("(.*/)?node_modules/(@[^/]+/)?[^/@]+/package\\.json");
  private static final java.util.regex.Pattern PYTHON_METADATA =
      java.util.regex.Pattern.compile(".*[^/]+\\.(dist-info/METADATA|egg-info/PKG-INFO)");

  private LanguagePackageDatabases() {}

  /** {@code node_modules/<name>/package.json} and {@code node_modules/@scope/<name>/package.json}. */
  public static final class NodeModules implements PackageDatabase {
    @Override
    public String name() {
      return "node-modules";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public boolean wants(String path) {
      return path.endsWith("/package.json") && path.contains("node_modules/") && NODE_MODULE.matcher(path).matches();
    }

    @Override
    public Optional<String> ecosystem() {
      return Optional.of("npm");
    }

    @Override
    public List<Entry> parse(String path, byte[] content) {
      try {
        var json = JSON.readTree(content);
        String name = json.path("name").asText("");
        String version = json.path("version").asText("");
        return name.isEmpty() || version.isEmpty() ? List.of() : List.of(new Entry(name, name, version, version));
      } catch (Exception e) {
        return List.of();
      }
    }
  }

  /** {@code *.dist-info/METADATA} and {@code *.egg-info/PKG-INFO} ("Name:" and "Version:" headers). */
  public static final class PythonPackages implements PackageDatabase {
    @Override
    public String name() {
      return "python-packages";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public boolean wants(String path) {
      return (path.endsWith("/METADATA") || path.endsWith("/PKG-INFO")) && PYTHON_METADATA.matcher(path).matches();
    }

    @Override
    public Optional<String> ecosystem() {
      return Optional.of("PyPI");
    }

    @Override
    public List<Entry> parse(String path, byte[] content) {
      String name = null;
      String version = null;
      for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          break; // the headers end at the first blank line
        }
        if (line.startsWith("Name:") && name == null) {
          name = line.substring(5).strip();
        } else if (line.startsWith("Version:") && version == null) {
          version = line.substring(8).strip();
        }
      }
      return name == null || version == null ? List.of() : List.of(new Entry(name, name, version, version));
    }
  }
}
