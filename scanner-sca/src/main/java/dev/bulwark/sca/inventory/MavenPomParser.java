package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven {@code pom.xml}: the project's own {@code <dependencies>} and those of profiles that
 * are {@code activeByDefault} (build-plugin dependencies are not project dependencies). Versions
 * and scopes missing on a dependency come from {@code <dependencyManagement>}; {@code ${...}}
 * is interpolated (nested, dotted names, {@code project.*} and {@code parent.*}) with properties
 * and dependencyManagement gathered along the parent chain, which is read through the tree via
 * {@code <relativePath>} (default {@code ../pom.xml}; a folder means its pom.xml) as long as
 * the file found there is the named parent. Remote parents and {@code import} BOMs are not
 * fetched. A dependency whose version stays unresolved, or is a range, is reported as a problem
 * and not guessed. Dependencies inherited from a parent's {@code <dependencies>} are reported
 * when the parent pom itself is scanned, not again for each child.
 */
final class MavenPomParser implements LockfileParser {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final int MAX_PARENTS = 16;

  @Override
  public String name() {
    return "maven-pom";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("pom.xml") && !path.contains("/target/") && !path.startsWith("target/");
  }

  /**
   * Properties and managed (version, scope) per groupId:artifactId, child over parent; the BOMs
   * the chain imports ({@code g:a:v}), whose content is not in the tree.
   */
  private record Context(Map<String, String> properties, Map<String, String[]> managed, List<String> boms) {}

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    Xml.Element project;
    try {
      project = Xml.parse(content);
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid XML: " + Texts.reason(e));
    }
    if (!project.name().equals("project")) {
      return ParseResult.broken(path, "root element is <" + project.name() + ">, not <project>");
    }
    var problems = new ArrayList<String>();
    var chain = new ArrayList<Xml.Element>();
    chain.add(project);
    parents(path, project, tree, chain);
    Context ctx = context(chain);
    var deps = new ArrayList<Xml.Element>(project.all("dependencies", "dependency"));
    Xml.Element profiles = project.child("profiles");
    if (profiles != null) {
      for (Xml.Element profile : profiles.children()) {
        Xml.Element activation = profile.child("activation");
        if (activation != null && activation.text("activeByDefault").equals("true")) {
          deps.addAll(profile.all("dependencies", "dependency"));
        }
      }
    }
    var out = new ArrayList<InstalledPackage>();
    for (Xml.Element dep : deps) {
      String group = interpolate(dep.text("groupId"), ctx.properties());
      String artifact = interpolate(dep.text("artifactId"), ctx.properties());
      if (group.isEmpty() || artifact.isEmpty() || group.contains("${") || artifact.contains("${")) {
        continue; // not a usable coordinate
      }
      String ga = group + ":" + artifact;
      String[] managed = ctx.managed().getOrDefault(ga, new String[] {"", ""});
      String version = interpolate(dep.text("version").isEmpty() ? managed[0] : dep.text("version"), ctx.properties());
      String scopeText = interpolate(dep.text("scope").isEmpty() ? managed[1] : dep.text("scope"), ctx.properties());
      if (scopeText.equals("import")) {
        continue;
      }
      if (version.isEmpty() || version.contains("${")) {
        String why = !version.isEmpty() ? version
            : ctx.boms().isEmpty() ? "none declared or managed"
            : "not declared; perhaps managed by an imported BOM whose content is not in the tree: "
                + String.join(", ", ctx.boms());
        problems.add(path + ":" + dep.line() + ": version of " + ga + " unresolved (" + why + ")");
        continue;
      }
      if (version.startsWith("[") || version.startsWith("(")) {
        problems.add(path + ":" + dep.line() + ": version of " + ga + " is a range " + version + ", not a version");
        continue;
      }
      Scope scope = switch (scopeText) {
        case "test" -> Scope.TEST;
        case "provided", "system" -> Scope.PROVIDED;
        default -> interpolate(dep.text("optional"), ctx.properties()).equals("true") ? Scope.OPTIONAL : Scope.RUNTIME;
      };
      out.add(Packages.of("Maven", ga, version, scope, true, path, dep.line()));
    }
    return new ParseResult(Packages.dedupe(out), List.copyOf(problems));
  }

  /** Appends the local parent chain (nearest first) to {@code chain}. */
  private static void parents(String path, Xml.Element project, ManifestSource tree, List<Xml.Element> chain) {
    Set<String> seen = new HashSet<>(Set.of(path));
    String current = path;
    Xml.Element child = project;
    while (chain.size() <= MAX_PARENTS) {
      Xml.Element parent = child.child("parent");
      if (parent == null) {
        return;
      }
      Xml.Element rel = parent.child("relativePath");
      String relative = rel == null ? "../pom.xml" : rel.text().trim();
      if (relative.isEmpty()) {
        return; // <relativePath/>: look the parent up in repositories only
      }
      if (!relative.endsWith(".xml")) {
        relative = relative.replaceAll("/+$", "") + "/pom.xml";
      }
      String resolved = Texts.resolve(current, relative);
      if (resolved == null || !seen.add(resolved)) {
        return;
      }
      Optional<byte[]> bytes = tree.read(resolved);
      if (bytes.isEmpty()) {
        return;
      }
      Xml.Element found;
      try {
        found = Xml.parse(bytes.get());
      } catch (Exception e) {
        return;
      }
      if (!found.text("artifactId").equals(parent.text("artifactId"))) {
        return; // the file there is some other project
      }
      chain.add(found);
      current = resolved;
      child = found;
    }
  }

  /** Properties and dependencyManagement of the chain, the child's overriding its parents'. */
  private static Context context(List<Xml.Element> chain) {
    Map<String, String> props = new HashMap<>();
    Map<String, String[]> managed = new HashMap<>();
    var boms = new ArrayList<String>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Xml.Element pom = chain.get(i);
      Xml.Element properties = pom.child("properties");
      if (properties != null) {
        properties.children().forEach(p -> props.put(p.name(), p.text().trim()));
      }
      Xml.Element parent = pom.child("parent");
      String version = pom.text("version").isEmpty() && parent != null ? parent.text("version") : pom.text("version");
      String group = pom.text("groupId").isEmpty() && parent != null ? parent.text("groupId") : pom.text("groupId");
      for (String prefix : new String[] {"project.", "pom.", ""}) {
        props.put(prefix + "version", version);
        props.put(prefix + "groupId", group);
        props.put(prefix + "artifactId", pom.text("artifactId"));
      }
      if (parent != null) {
        for (String field : new String[] {"version", "groupId", "artifactId"}) {
          props.put("project.parent." + field, parent.text(field));
          props.put("parent." + field, parent.text(field));
        }
      }
    }
    // Managed entries are keyed after interpolation, so properties must be complete first.
    for (int i = chain.size() - 1; i >= 0; i--) {
      Xml.Element dm = chain.get(i).child("dependencyManagement");
      if (dm == null) {
        continue;
      }
      for (Xml.Element d : dm.all("dependencies", "dependency")) {
        String ga = interpolate(d.text("groupId"), props) + ":" + interpolate(d.text("artifactId"), props);
        managed.put(ga, new String[] {d.text("version"), d.text("scope")});
        if (d.text("scope").equals("import")) {
          boms.add(ga + ":" + interpolate(d.text("version"), props));
        }
      }
    }
    return new Context(props, managed, List.copyOf(boms));
  }

  /** Replaces {@code ${name}} repeatedly (nested properties), leaving unknown ones in place. */
  static String interpolate(String value, Map<String, String> props) {
    String current = value;
    for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
      Matcher m = PROPERTY.matcher(current);
      var sb = new StringBuilder();
      boolean changed = false;
      while (m.find()) {
        String replacement = props.get(m.group(1));
        changed |= replacement != null;
        m.appendReplacement(sb, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
      }
      m.appendTail(sb);
      current = sb.toString();
      if (!changed) {
        break;
      }
    }
    return current;
  }
}
