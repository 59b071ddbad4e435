package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bundler {@code Gemfile.lock} / {@code gems.locked}. Gems come from the {@code specs:} of GEM
 * sections (4-space indent, {@code name (version[-platform])}); nested 6-space lines are
 * constraints, not installed versions. GIT and PATH gems are left out (not RubyGems releases).
 * Platform suffixes are cut ({@code 1.13.3-x86_64-linux} → {@code 1.13.3}). The DEPENDENCIES
 * section tells which gems are direct. The lock does not tell groups: all are RUNTIME.
 */
final class GemfileLockParser implements LockfileParser {
  private static final Pattern SPEC = Pattern.compile("^ {4}([^\\s(]+) \\(([^)]+)\\)$");
  private static final Pattern PLATFORM =
      Pattern.compile("-(x86|x64|universal|arm|aarch64|java|mingw|mswin|darwin|linux|ruby|jruby|mri|i[3-6]86|powerpc|sparc|s390|wasm).*$");

  @Override
  public String name() {
    return "gemfile-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    String file = Texts.fileName(path);
    return file.equals("Gemfile.lock") || file.equals("gems.locked");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    String[] lines = Texts.decode(content).split("\r?\n", -1);
    String section = "";
    Set<String> direct = new HashSet<>();
    record Spec(String name, String version, int line) {}
    var specs = new ArrayList<Spec>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.isEmpty() && !line.startsWith(" ")) {
        section = line.trim();
        continue;
      }
      if (section.equals("GEM")) {
        Matcher m = SPEC.matcher(line);
        if (m.matches()) {
          specs.add(new Spec(m.group(1), PLATFORM.matcher(m.group(2)).replaceFirst(""), i + 1));
        }
      } else if (section.equals("DEPENDENCIES") && line.startsWith("  ") && !line.startsWith("   ")) {
        direct.add(line.trim().split("[\\s!(]", 2)[0]);
      }
    }
    if (specs.isEmpty() && lines.length > 1 && !String.join("\n", lines).contains("GEM")) {
      return ParseResult.broken(path, "no GEM section: not a Gemfile.lock");
    }
    var out = new ArrayList<InstalledPackage>();
    for (Spec s : specs) {
      out.add(Packages.of("RubyGems", s.name(), s.version(), Scope.RUNTIME, direct.contains(s.name()), path, s.line()));
    }
    return ParseResult.of(Packages.dedupe(out));
  }
}
