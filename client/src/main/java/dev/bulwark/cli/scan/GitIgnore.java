package dev.bulwark.cli.scan;

import dev.bulwark.common.cas.IgnoreRules;
import dev.bulwark.common.path.Glob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code .gitignore} semantics for {@link dev.bulwark.common.cas.TreePacker}: a file in every
 * directory may hold patterns; deeper files and later lines win; {@code !} re-includes (but not
 * below an excluded directory); a trailing {@code /} matches directories only; a pattern with a
 * {@code /} other than at its end is anchored to its file's directory, otherwise it matches a name
 * at any depth; {@code *}, {@code ?}, {@code [a-z]}, {@code [!x]} and {@code **} work as in git.
 */
public final class GitIgnore implements IgnoreRules {
  private final Function<String, List<String>> linesOf;
  private final Map<String, List<Rule>> rulesByDir = new ConcurrentHashMap<>();
  private final Map<String, Boolean> ignoredDirs = new ConcurrentHashMap<>();

  /** Reads {@code .gitignore} files below {@code root} as they are needed. */
  public GitIgnore(Path root) {
    this(dir -> read(root.resolve(dir.isEmpty() ? ".gitignore" : dir + "/.gitignore")));
  }

  /** @param linesOf the lines of the {@code .gitignore} in a directory ("" is the root) */
  GitIgnore(Function<String, List<String>> linesOf) {
    this.linesOf = linesOf;
  }

  @Override
  public boolean ignored(String path, boolean directory) {
    int slash = -1;
    while ((slash = path.indexOf('/', slash + 1)) >= 0) {
      if (ignoredDir(path.substring(0, slash))) {
        return true; // git never re-includes anything below an excluded directory
      }
    }
    return directory ? ignoredDir(path) : matches(path, false);
  }

  private boolean ignoredDir(String dir) {
    return ignoredDirs.computeIfAbsent(dir, d -> matches(d, true));
  }

  /** The last matching rule decides; rules of deeper directories come later. */
  private boolean matches(String path, boolean directory) {
    boolean ignored = false;
    String base = "";
    while (true) {
      String rel = base.isEmpty() ? path : path.substring(base.length() + 1);
      for (Rule rule : rules(base)) {
        if (rule.matches(rel, directory)) {
          ignored = !rule.negated();
        }
      }
      int next = path.indexOf('/', base.isEmpty() ? 0 : base.length() + 1);
      if (next < 0) {
        return ignored;
      }
      base = path.substring(0, next);
    }
  }

  private List<Rule> rules(String dir) {
    return rulesByDir.computeIfAbsent(dir, d -> parse(linesOf.apply(d)));
  }

  static List<Rule> parse(List<String> lines) {
    var rules = new ArrayList<Rule>();
    for (String line : lines) {
      Rule.parse(line).ifPresent(rules::add);
    }
    return List.copyOf(rules);
  }

  private static List<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.ISO_8859_1); // never fails on bytes; patterns are ASCII
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** One pattern line. */
  record Rule(Pattern regex, boolean negated, boolean directoryOnly) {
    boolean matches(String relPath, boolean directory) {
      return (directory || !directoryOnly) && regex.matcher(relPath).matches();
    }

    static java.util.Optional<Rule> parse(String raw) {
      String line = stripTrailingSpaces(raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw);
      if (line.isEmpty() || line.startsWith("#")) {
        return java.util.Optional.empty();
      }
      boolean negated = line.startsWith("!");
      if (negated) {
        line = line.substring(1);
      }
      boolean dirOnly = line.endsWith("/") && !line.endsWith("\\/");
      if (dirOnly) {
        line = line.substring(0, line.length() - 1);
      }
      boolean anchored = line.contains("/");
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      if (line.isEmpty()) {
        return java.util.Optional.empty();
      }
      String regex = (anchored ? "" : "(?:.*/)?") + Glob.toRegex(line);
      return java.util.Optional.of(new Rule(Pattern.compile(regex), negated, dirOnly));
    }

    private static String stripTrailingSpaces(String s) {
      int end = s.length();
      while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) {
        end--;
      }
      return s.substring(0, end);
    }
  }
}
