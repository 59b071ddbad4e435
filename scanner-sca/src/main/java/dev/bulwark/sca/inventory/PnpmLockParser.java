package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulwark.v1.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pnpm-lock.yaml}, lockfileVersion 5.x to 9.x. Keys are {@code /name/1.0.0_peer} (5.x),
 * {@code /name@1.0.0(peer)} (6.x) or {@code name@1.0.0} (9.x); peer suffixes are cut. Entries
 * with explicit {@code name}/{@code version} (tarballs) use those; git and other entries
 * without a semver version are left out. 5.x/6.x say {@code dev: true}; 9.x has no flag, so
 * the scope is derived by walking {@code snapshots} from the importers' prod and dev roots.
 * When a file holds several YAML documents (pnpm 10 puts its own config dependencies first)
 * the last one is the project's lockfile.
 */
final class PnpmLockParser implements LockfileParser {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Override
  public String name() {
    return "pnpm-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("pnpm-lock.yaml") && !path.contains("node_modules/");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    String text = Texts.decode(content);
    JsonNode doc = null;
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (docs.hasNextValue()) {
        JsonNode next = docs.nextValue();
        if (next != null && next.isObject()) {
          doc = next;
        }
      }
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid YAML: " + Texts.reason(e));
    }
    if (doc == null) {
      return ParseResult.broken(path, "no pnpm lockfile document");
    }
    boolean atSyntax = lockfileVersion(doc) >= 6;
    var lines = new LineLocator(text);
    int docStart = text.lastIndexOf("\n---");
    int cursor = docStart < 0 ? 0 : lines.lineAt(docStart + 1);
    cursor = Math.max(cursor, lines.findAfter("\npackages:", cursor));
    var importers = new ArrayList<JsonNode>();
    if (doc.get("importers") != null) {
      doc.get("importers").forEach(importers::add);
    } else {
      importers.add(doc);
    }
    Set<String> direct = new HashSet<>();
    Set<String> prodRoots = new HashSet<>();
    Set<String> devRoots = new HashSet<>();
    for (JsonNode imp : importers) {
      for (String field : List.of("dependencies", "optionalDependencies", "devDependencies")) {
        JsonNode deps = imp.get(field);
        if (deps == null) {
          continue;
        }
        for (Map.Entry<String, JsonNode> d : (Iterable<Map.Entry<String, JsonNode>>) deps::fields) {
          direct.add(d.getKey());
          String v = d.getValue().isObject() ? Texts.str(d.getValue(), "version") : d.getValue().asText();
          (field.equals("devDependencies") ? devRoots : prodRoots).add(d.getKey() + "@" + v);
        }
      }
    }
    JsonNode snapshots = doc.get("snapshots");
    Set<String> prod = snapshots == null ? Set.of() : reach(snapshots, prodRoots);
    Set<String> dev = snapshots == null ? Set.of() : reach(snapshots, devRoots);
    var out = new ArrayList<InstalledPackage>();
    JsonNode packages = doc.path("packages");
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) packages::fields) {
      String key = e.getKey();
      JsonNode pkg = e.getValue();
      int line = lines.findAfter(key, cursor);
      cursor = Math.max(cursor, line);
      String[] nv = atSyntax ? splitAt(key) : splitSlash(key);
      String name = Texts.str(pkg, "name").isEmpty() ? nv[0] : Texts.str(pkg, "name");
      String version = Texts.str(pkg, "version").isEmpty() ? nv[1] : Texts.str(pkg, "version");
      if (name.isEmpty() || !NpmNames.isRegistryVersion(version) || !fromRegistry(pkg.path("resolution"))) {
        continue;
      }
      Scope scope;
      if (snapshots != null) {
        String bare = name + "@" + version;
        scope = prod.contains(bare) ? Scope.RUNTIME : dev.contains(bare) ? Scope.DEV : Scope.RUNTIME;
        if (scope == Scope.RUNTIME && optionalSnapshot(snapshots, bare)) {
          scope = Scope.OPTIONAL;
        }
      } else {
        scope = pkg.path("dev").asBoolean(false) ? Scope.DEV
            : pkg.path("optional").asBoolean(false) ? Scope.OPTIONAL : Scope.RUNTIME;
      }
      out.add(Packages.of("npm", name, version, scope, direct.contains(name), path, line));
    }
    return ParseResult.of(Packages.dedupe(out));
  }

  private static double lockfileVersion(JsonNode doc) {
    try {
      return Double.parseDouble(Texts.str(doc, "lockfileVersion"));
    } catch (NumberFormatException e) {
      return 5;
    }
  }

  /** {@code /@scope/name@1.0.0(peer@2)} or {@code name@1.0.0} → [name, 1.0.0]. */
  static String[] splitAt(String key) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    int paren = k.indexOf('(');
    if (paren >= 0) {
      k = k.substring(0, paren);
    }
    int at = k.lastIndexOf('@');
    return at <= 0 ? new String[] {"", ""} : new String[] {k.substring(0, at), k.substring(at + 1)};
  }

  /** Git checkouts and tarballs that are not registry tarballs ({@code .../-/name-1.0.0.tgz}). */
  private static boolean fromRegistry(JsonNode resolution) {
    if (resolution.has("repo") || Texts.str(resolution, "type").equals("git")) {
      return false;
    }
    String tarball = Texts.str(resolution, "tarball");
    return tarball.isEmpty() || tarball.contains("/-/");
  }

  /**
   * {@code /@scope/name/1.0.0_peer@2} → [@scope/name, 1.0.0]; a key without the leading slash
   * starts with a registry host ({@code registry.example.com/name/1.0.0}), which is dropped.
   */
  static String[] splitSlash(String key) {
    String k = key;
    if (k.startsWith("/")) {
      k = k.substring(1);
    } else if (k.indexOf('/') > 0) {
      k = k.substring(k.indexOf('/') + 1);
    }
    int slash = k.lastIndexOf('/');
    if (slash <= 0) {
      return new String[] {"", ""};
    }
    String version = k.substring(slash + 1);
    int underscore = version.indexOf('_');
    return new String[] {k.substring(0, slash), underscore < 0 ? version : version.substring(0, underscore)};
  }

  /** Bare name@version of every snapshot reachable from the roots (peer suffixes dropped). */
  private static Set<String> reach(JsonNode snapshots, Set<String> roots) {
    var seen = new HashSet<String>();
    var bare = new HashSet<String>();
    var queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      String key = queue.poll();
      if (!seen.add(key)) {
        continue;
      }
      String[] nv = splitAt(key);
      bare.add(nv[0] + "@" + nv[1]);
      JsonNode snap = snapshots.get(key);
      if (snap == null) {
        continue;
      }
      for (String field : List.of("dependencies", "optionalDependencies")) {
        JsonNode deps = snap.get(field);
        if (deps != null) {
          deps.fields().forEachRemaining(d -> queue.add(d.getKey() + "@" + d.getValue().asText()));
        }
      }
    }
    return bare;
  }

  private static boolean optionalSnapshot(JsonNode snapshots, String bare) {
    JsonNode snap = snapshots.get(bare);
    return snap != null && snap.path("optional").asBoolean(false);
  }
}
