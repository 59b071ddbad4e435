package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elixir {@code mix.lock}, an Elixir map literal with one entry per line:
 * {@code "name": {:hex, :package, "version", ...}}. Only {@code :hex} entries are reported (the
 * package atom is the Hex name, which can differ from the key); {@code :git} and {@code :path}
 * entries are left out. The lock does not tell direct from transitive, nor dev from prod.
 */
final class MixLockParser implements LockfileParser {
  private static final Pattern HEX =
      Pattern.compile("^\\s*\"([^\"]+)\"\\s*:\\s*\\{\\s*:hex\\s*,\\s*:\"?([A-Za-z0-9_]+)\"?\\s*,\\s*\"([^\"]+)\"");

  @Override
  public String name() {
    return "mix-lock";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("mix.lock");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    String text = Texts.decode(content);
    if (!text.isBlank() && !text.stripLeading().startsWith("%{")) {
      return ParseResult.broken(path, "not an Elixir map literal");
    }
    String[] lines = text.split("\r?\n", -1);
    var out = new ArrayList<InstalledPackage>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = HEX.matcher(lines[i]);
      if (m.find()) {
        out.add(Packages.of("Hex", m.group(2), m.group(3), Scope.RUNTIME, null, path, i + 1));
      }
    }
    return ParseResult.of(Packages.dedupe(out));
  }
}
