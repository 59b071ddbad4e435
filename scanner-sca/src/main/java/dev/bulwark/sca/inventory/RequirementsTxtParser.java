package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip {@code requirements.txt}, read as pip reads it: backslash continuations are joined first,
 * then comments stripped; {@code -r}/{@code -c} files are read through the tree relative to
 * the including file, each at most once (so include cycles and diamonds terminate, and a
 * package is not counted twice). Per-requirement options ({@code --hash}, {@code -C}),
 * extras and environment markers are dropped. Only pinned requirements ({@code ==1.0} or
 * {@code ===1.0}, no wildcard) produce packages, attributed to the file and line that pin
 * them; an unpinned requirement is pinned by a constraints file ({@code -c}) when one pins it,
 * and otherwise skipped (its installed version is unknown). {@code ${VAR}} versions count as
 * unpinned. Missing or remote includes are reported as problems; the rest goes on.
 */
final class RequirementsTxtParser implements LockfileParser {
  private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
  private static final Pattern REQUIREMENT =
      Pattern.compile("^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)$");
  private static final Pattern PIN = Pattern.compile("^===?\\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)$");
  private static final Pattern INCLUDE =
      Pattern.compile("^(-r|--requirement|-c|--constraint)(?:\\s*=\\s*|\\s+|(?=[^\\s-]))(\\S+)");

  @Override
  public String name() {
    return "pip-requirements";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    String file = Texts.fileName(path);
    String folder = Texts.folder(path);
    return file.endsWith(".txt") && (file.startsWith("requirements") || file.endsWith("-requirements.txt")
        || file.endsWith("_requirements.txt") || folder.equals("requirements") || folder.endsWith("/requirements"));
  }

  private record Pin(String name, String version, String path, int line) {}

  private static final class State {
    final Set<String> visited = new HashSet<>();
    final List<Pin> pins = new ArrayList<>();
    final List<Pin> unpinned = new ArrayList<>();
    final Map<String, Pin> constraints = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    var state = new State();
    state.visited.add(path);
    read(path, Texts.decode(content), false, tree, state);
    var out = new ArrayList<InstalledPackage>();
    for (Pin p : state.pins) {
      out.add(Packages.of("PyPI", p.name(), p.version(), Scope.RUNTIME, true, p.path(), p.line()));
    }
    for (Pin p : state.unpinned) {
      Pin c = state.constraints.get(normalise(p.name()));
      if (c != null) {
        out.add(Packages.of("PyPI", p.name(), c.version(), Scope.RUNTIME, true, p.path(), p.line()));
      }
    }
    return new ParseResult(Packages.dedupe(out), List.copyOf(state.problems));
  }

  private void read(String path, String text, boolean constraintsOnly, ManifestSource tree, State state) {
    for (var logical : logicalLines(text)) {
      String line = COMMENT.matcher(logical.text()).replaceAll("").trim();
      if (line.isEmpty()) {
        continue;
      }
      Matcher inc = INCLUDE.matcher(line);
      if (inc.find()) {
        include(path, logical.number(), inc.group(2), inc.group(1).startsWith("-c") || inc.group(1).equals("--constraint")
            || constraintsOnly, tree, state);
        continue;
      }
      if (line.startsWith("-")) {
        continue; // -e, -i, --index-url, --hash on its own line, malformed "-foo==1.0"
      }
      Pin req = requirement(line, path, logical.number());
      if (req == null) {
        continue;
      }
      if (constraintsOnly) {
        if (!req.version().isEmpty()) {
          state.constraints.putIfAbsent(normalise(req.name()), req);
        }
      } else if (req.version().isEmpty()) {
        state.unpinned.add(req);
      } else {
        state.pins.add(req);
      }
    }
  }

  private void include(String from, int line, String target, boolean constraints, ManifestSource tree, State state) {
    if (target.contains("://")) {
      state.problems.add(from + ":" + line + ": remote include " + target + " not followed");
      return;
    }
    String resolved = Texts.resolve(from, target);
    if (resolved == null || !state.visited.add(resolved)) {
      return; // outside the scanned tree, or already read (include cycle or diamond)
    }
    var bytes = tree.read(resolved);
    if (bytes.isEmpty()) {
      state.problems.add(from + ":" + line + ": included file " + target + " not found");
      return;
    }
    read(resolved, Texts.decode(bytes.get()), constraints, tree, state);
  }

  /** One requirement with its pinned version, "" when not pinned; null when not a requirement. */
  private static Pin requirement(String line, String path, int number) {
    // Drop per-requirement options (--hash, --config-settings, -C, ...) and what follows them.
    var kept = new StringBuilder();
    for (String token : line.split("\\s+")) {
      if (token.startsWith("-") && kept.length() > 0) {
        break;
      }
      kept.append(kept.length() == 0 ? "" : " ").append(token);
    }
    String req = kept.toString();
    int semi = req.indexOf(';');
    if (semi >= 0) {
      req = req.substring(0, semi).trim();
    }
    Matcher m = REQUIREMENT.matcher(req);
    if (!m.matches() || req.contains("/") && !m.group(3).startsWith("@")) {
      return null; // a path, a URL, or garbage such as "==1.0"
    }
    String spec = m.group(3).trim();
    if (spec.startsWith("@")) {
      return new Pin(m.group(1), "", path, number); // PEP 508 URL: no registry version
    }
    String version = "";
    for (String part : spec.split(",")) {
      Matcher pin = PIN.matcher(part.trim());
      if (pin.matches()) {
        version = pin.group(1);
      }
    }
    if (version.isEmpty() && !spec.isEmpty() && !spec.matches("^(?:(?:[<>!~=]=?|===)\\s*[^,\\s]+\\s*,?\\s*)+$")) {
      return null; // "asdf 1.0": not a requirement
    }
    return new Pin(m.group(1), version, path, number);
  }

  private record Logical(int number, String text) {}

  /** pip's join_lines: a line ending in a backslash continues on the next, unless it is a comment. */
  private static List<Logical> logicalLines(String text) {
    var out = new ArrayList<Logical>();
    String[] lines = text.split("\r?\n", -1);
    StringBuilder joined = null;
    int first = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean comment = line.stripLeading().startsWith("#");
      if (!line.endsWith("\\") || comment) {
        if (joined != null) {
          out.add(new Logical(first, joined.append(comment ? " " + line : line).toString()));
          joined = null;
        } else {
          out.add(new Logical(i + 1, line));
        }
      } else {
        if (joined == null) {
          joined = new StringBuilder();
          first = i + 1;
        }
        joined.append(line.replaceAll("^\\\\+|\\\\+$", ""));
      }
    }
    if (joined != null) {
      out.add(new Logical(first, joined.toString()));
    }
    return out;
  }

  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
