package dev.bulwark.sca.inventory;

import dev.bulwark.v1.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * {@code Gemfile} without {@code Gemfile.lock}: each {@code gem "name", "version"} line; a gem
 * pinned to one version ("1.2.3" or "= 1.2.3") is a package of medium confidence, scoped by
 * the {@code group} block it sits in (development → DEV, test → TEST, others RUNTIME);
 * constraints, git and path gems are named as unchecked (see {@link ManifestPins}). Ruby code
 * around the lines (conditions, loops) is not evaluated.
 */
final class GemfileParser implements LockfileParser {
  private static final Pattern GEM = Pattern.compile("^\\s*gem\\s*\\(?\\s*[\"']([^\"']+)[\"']\\s*(.*)$");
  private static final Pattern VERSION_ARGS = Pattern.compile("^,\\s*[\"']([^\"']+)[\"'](\\s*,\\s*[\"'][^\"']+[\"'])*");
  private static final Pattern EXACT = Pattern.compile("^=?\\s*([0-9]+(?:\\.[0-9A-Za-z]+)*)$");
  private static final Pattern GROUP = Pattern.compile("^\\s*group\\s*\\(?\\s*(.+?)\\)?\\s+do\\b.*$");
  /** Other blocks closed by {@code end}: they keep the enclosing group's scope. */
  private static final Pattern BLOCK = Pattern.compile(
      "^\\s*(?:(?:platforms?|install_if|source|git|path|github)\\b.*\\bdo\\b|(?:if|unless|case|begin|while)\\b).*$");

  @Override
  public String name() {
    return "gemfile";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    String name = Texts.fileName(path);
    return name.equals("Gemfile") || name.equals("gems.rb");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    var pins = new ManifestPins(path, "RubyGems", "Gemfile.lock");
    Deque<Scope> blocks = new ArrayDeque<>();
    String[] lines = Texts.decode(content).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replaceFirst("#.*$", "");
      var group = GROUP.matcher(line);
      if (group.matches()) {
        blocks.push(scope(group.group(1)));
        continue;
      }
      if (BLOCK.matcher(line).matches()) {
        blocks.push(blocks.isEmpty() ? Scope.RUNTIME : blocks.peek());
        continue;
      }
      if (line.strip().equals("end") && !blocks.isEmpty()) {
        blocks.pop();
        continue;
      }
      var gem = GEM.matcher(line);
      if (!gem.matches()) {
        continue;
      }
      String rest = gem.group(2).strip();
      var args = VERSION_ARGS.matcher(rest);
      String constraint = args.lookingAt() && args.group(2) == null ? args.group(1) : args.lookingAt() ? rest : "";
      var exact = EXACT.matcher(constraint.strip());
      if (exact.matches()) {
        pins.pinned(gem.group(1), exact.group(1), blocks.isEmpty() ? Scope.RUNTIME : blocks.peek(), i + 1);
      } else {
        pins.unpinned(gem.group(1), constraint.replaceAll("^,\\s*", ""));
      }
    }
    return pins.result();
  }

  private static Scope scope(String groups) {
    String g = groups.toLowerCase(java.util.Locale.ROOT);
    if (g.contains(":development") || g.contains("\"development\"")) {
      return Scope.DEV;
    }
    return g.contains(":test") ? Scope.TEST : Scope.RUNTIME;
  }
}
