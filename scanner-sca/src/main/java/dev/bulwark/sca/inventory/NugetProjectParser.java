package dev.bulwark.sca.inventory;

import dev.bulwark.v1.Scope;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SDK-style .NET projects ({@code *.csproj}, {@code *.fsproj}, {@code *.vbproj}) without
 * {@code packages.lock.json}: each {@code PackageReference}, its version from the element
 * ({@code Version} attribute or child, {@code VersionOverride}) or, under central package
 * management, from the nearest {@code Directory.Packages.props} up the tree
 * ({@code PackageVersion}), {@code $(Property)} references resolved from the project's and that
 * file's PropertyGroups. A plain version ("13.0.1", "[13.0.1]") is what NuGet restores (the lowest
 * it allows); floating versions and ranges are named as unchecked (see {@link ManifestPins}).
 * {@code PrivateAssets="all"} marks a development-only package (DEV).
 */
final class NugetProjectParser implements LockfileParser {
  private static final Pattern EXACT = Pattern.compile("^\\[?\\s*([0-9]+(?:\\.[0-9]+){1,3}(?:-[0-9A-Za-z.-]+)?)\\s*]?$");
  private static final Pattern PROPERTY = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

  @Override
  public String name() {
    return "nuget-project";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    String n = Texts.fileName(path);
    return (n.endsWith(".csproj") || n.endsWith(".fsproj") || n.endsWith(".vbproj"))
        && !path.contains("/obj/") && !path.startsWith("obj/");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    Xml.Element project;
    try {
      project = Xml.parse(content);
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid XML: " + Texts.reason(e));
    }
    var properties = new HashMap<String, String>();
    var central = new HashMap<String, String>();
    centralVersions(path, tree, properties, central);
    properties(project, properties);
    var pins = new ManifestPins(path, "NuGet", "packages.lock.json");
    for (Xml.Element group : project.children()) {
      if (!group.name().equals("ItemGroup")) {
        continue;
      }
      for (Xml.Element ref : group.children()) {
        String name = ref.attribute("Include");
        if (!ref.name().equals("PackageReference") || name.isEmpty()) {
          continue;
        }
        String version = first(ref.attribute("VersionOverride"), ref.attribute("Version"), ref.text("Version"),
            central.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), ""));
        version = interpolate(version, properties);
        String assets = first(ref.attribute("PrivateAssets"), ref.text("PrivateAssets"));
        Scope scope = assets.equalsIgnoreCase("all") ? Scope.DEV : Scope.RUNTIME;
        Matcher exact = EXACT.matcher(version);
        if (exact.matches()) {
          pins.pinned(name, exact.group(1), scope, ref.line());
        } else {
          pins.unpinned(name, version.isEmpty() ? "(no version, none in Directory.Packages.props)" : version);
        }
      }
    }
    return pins.result();
  }

  /** The nearest Directory.Packages.props above the project: its properties and PackageVersion items (by lower-case id). */
  private static void centralVersions(String path, ManifestSource tree, Map<String, String> properties,
      Map<String, String> central) {
    String folder = Texts.folder(path);
    while (true) {
      var props = tree.read(folder.isEmpty() ? "Directory.Packages.props" : folder + "/Directory.Packages.props");
      if (props.isPresent()) {
        try {
          Xml.Element root = Xml.parse(props.get());
          properties(root, properties);
          for (Xml.Element group : root.children()) {
            for (Xml.Element v : group.children()) {
              if (v.name().equals("PackageVersion") && !v.attribute("Include").isEmpty()) {
                central.put(v.attribute("Include").toLowerCase(java.util.Locale.ROOT),
                    first(v.attribute("Version"), v.text("Version")));
              }
            }
          }
        } catch (Exception e) {
          // an unreadable props file leaves the versions unresolved, and they are named as such
        }
        return;
      }
      if (folder.isEmpty()) {
        return;
      }
      folder = Texts.folder(folder);
    }
  }

  private static void properties(Xml.Element root, Map<String, String> properties) {
    for (Xml.Element group : root.children()) {
      if (group.name().equals("PropertyGroup")) {
        group.children().forEach(p -> properties.put(p.name(), p.text().trim()));
      }
    }
  }

  private static String interpolate(String value, Map<String, String> properties) {
    String current = value;
    for (int depth = 0; depth < 5 && current.contains("$("); depth++) {
      current = PROPERTY.matcher(current).replaceAll(m -> Matcher.quoteReplacement(
          properties.getOrDefault(m.group(1), m.group())));
    }
    return current.trim();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return "";
  }
}
