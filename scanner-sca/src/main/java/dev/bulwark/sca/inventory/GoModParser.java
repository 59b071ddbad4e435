package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go {@code go.mod}: {@code require} lines and blocks ({@code // indirect} marks transitive
 * requirements), with {@code replace} directives applied (a versioned replace applies to that
 * version only, a version-less one to every version; a replacement by a local path drops the
 * module, since no registry version is left to match). Before go 1.17 go.mod lists only direct
 * requirements, so the rest of the build list is read from the go.sum beside it (attributed to
 * go.sum and its line). {@code module}, {@code toolchain},
 * {@code exclude}, {@code retract} and {@code godebug} are ignored. The {@code go} directive
 * is reported as the {@code stdlib} package only when {@link #withStdlib} is set (off in the
 * registry: the Go toolchain, not go.mod, decides the stdlib a binary is built with).
 */
final class GoModParser implements LockfileParser {
  private final boolean withStdlib;

  GoModParser() {
    this(false);
  }

  GoModParser(boolean withStdlib) {
    this.withStdlib = withStdlib;
  }

  @Override
  public String name() {
    return "go-mod";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("go.mod") && !path.contains("vendor/");
  }

  private record Require(String module, String version, boolean indirect, int line) {}

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    String[] lines = Texts.decode(content).split("\r?\n", -1);
    var requires = new ArrayList<Require>();
    Map<String, String[]> replaces = new LinkedHashMap<>(); // "module@version" or "module" → [module, version]
    String goVersion = "";
    int goLine = 0;
    String block = "";
    var problems = new ArrayList<String>();
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      int comment = raw.indexOf("//");
      boolean indirect = comment >= 0 && raw.substring(comment).matches("//\\s*indirect.*");
      String line = (comment >= 0 ? raw.substring(0, comment) : raw).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (!block.isEmpty()) {
        if (line.equals(")")) {
          block = "";
          continue;
        }
        directive(block, line, indirect, i + 1, requires, replaces);
        continue;
      }
      String[] words = line.split("\\s+", 2);
      if (words.length == 2 && words[1].equals("(")) {
        block = words[0];
      } else if (words[0].equals("go") && words.length == 2) {
        goVersion = words[1];
        goLine = i + 1;
      } else if (words.length == 2 && (words[0].equals("require") || words[0].equals("replace"))) {
        directive(words[0], words[1], indirect, i + 1, requires, replaces);
      } else if (!List.of("module", "toolchain", "exclude", "retract", "godebug", "tool", "ignore").contains(words[0])) {
        problems.add(path + ":" + (i + 1) + ": unknown directive " + words[0]);
      }
    }
    var out = new ArrayList<InstalledPackage>();
    for (Require r : requires) {
      String[] target = replaces.getOrDefault(r.module() + "@" + r.version(), replaces.get(r.module()));
      String module = target == null ? r.module() : target[0];
      String version = target == null ? r.version() : target[1];
      if (module.startsWith(".") || module.startsWith("/") || version.isEmpty()) {
        continue; // replaced by a local folder
      }
      out.add(Packages.of("Go", module, version, Scope.RUNTIME, !r.indirect(), path, r.line()));
    }
    if (!goVersion.isEmpty() && before117(goVersion)) {
      out.addAll(fromGoSum(path, tree, requires, replaces));
    }
    if (withStdlib && !goVersion.isEmpty()) {
      String v = goVersion.startsWith("v") ? goVersion : "v" + goVersion;
      out.add(Packages.of("Go", "stdlib", v, Scope.RUNTIME, true, path, goLine));
    }
    return new ParseResult(Packages.dedupe(out), List.copyOf(problems));
  }

  /** Before go 1.17, go.mod lists only direct requirements; the rest of the build list is in go.sum. */
  private static boolean before117(String goVersion) {
    String[] parts = goVersion.split("\\.");
    try {
      return parts.length >= 2 && Integer.parseInt(parts[0]) == 1 && Integer.parseInt(parts[1]) < 17;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Modules of the go.sum beside the go.mod (or {@code x.sum} beside {@code x.mod}) that go.mod
   * does not require: transitive, from their go.sum line. Lines for a module's {@code /go.mod}
   * file only are skipped (the module's code is not in the build); of several versions of one
   * module the last listed (the highest, as go.sum is sorted) is kept.
   */
  private static List<InstalledPackage> fromGoSum(String path, ManifestSource tree, List<Require> requires,
      Map<String, String[]> replaces) {
    String sumPath = path.endsWith(".mod") ? path.substring(0, path.length() - 4) + ".sum" : path + ".sum";
    var bytes = tree.read(sumPath);
    if (bytes.isEmpty()) {
      return List.of();
    }
    var required = new java.util.HashSet<String>();
    requires.forEach(r -> required.add(r.module()));
    replaces.values().forEach(t -> required.add(t[0]));
    Map<String, InstalledPackage> latest = new LinkedHashMap<>();
    String[] lines = Texts.decode(bytes.get()).split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String[] w = lines[i].trim().split("\\s+");
      if (w.length != 3 || w[1].endsWith("/go.mod") || required.contains(w[0])) {
        continue;
      }
      latest.put(w[0], Packages.of("Go", w[0], w[1], Scope.RUNTIME, false, sumPath, i + 1));
    }
    return new ArrayList<>(latest.values());
  }

  private static void directive(String kind, String rest, boolean indirect, int line,
      List<Require> requires, Map<String, String[]> replaces) {
    if (kind.equals("require")) {
      String[] w = rest.split("\\s+");
      if (w.length >= 2) {
        requires.add(new Require(unquote(w[0]), w[1], indirect, line));
      }
    } else if (kind.equals("replace")) {
      String[] sides = rest.split("=>");
      if (sides.length != 2) {
        return;
      }
      String[] from = sides[0].trim().split("\\s+");
      String[] to = sides[1].trim().split("\\s+");
      String key = unquote(from[0]) + (from.length > 1 ? "@" + from[1] : "");
      replaces.put(key, new String[] {unquote(to[0]), to.length > 1 ? to[1] : ""});
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
