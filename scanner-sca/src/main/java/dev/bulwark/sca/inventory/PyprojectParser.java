package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.regex.Pattern;

/**
 * {@code pyproject.toml} without a lockfile: PEP 621 {@code [project] dependencies} (RUNTIME) and
 * {@code optional-dependencies} (OPTIONAL), PEP 735 {@code [dependency-groups]}, Poetry's
 * {@code [tool.poetry.dependencies]} (RUNTIME), {@code dev-dependencies} and
 * {@code [tool.poetry.group.<name>.dependencies]} (DEV, or TEST for a test group). Exact pins
 * ({@code ==1.0}; in Poetry also a bare {@code "1.0"}) are packages of medium confidence, the rest
 * is named as unchecked (see {@link ManifestPins}).
 */
final class PyprojectParser implements LockfileParser {
  private static final Pattern POETRY_EXACT = Pattern.compile("^(?:==)?\\s*([0-9][0-9A-Za-z!+._-]*)$");

  @Override
  public String name() {
    return "pyproject";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public boolean required(String path) {
    return Texts.fileName(path).equals("pyproject.toml");
  }

  @Override
  public ParseResult parse(String path, byte[] content, ManifestSource tree) {
    JsonNode root;
    String text = Texts.decode(content);
    try {
      root = Texts.toml(text);
    } catch (Exception e) {
      return ParseResult.broken(path, "not valid TOML: " + Texts.reason(e));
    }
    var pins = new ManifestPins(path, "PyPI", PythonManifests.LOCKFILES);
    var lines = new LineLocator(text);
    JsonNode project = root.path("project");
    project.path("dependencies").forEach(r -> PythonManifests.requirement(pins, r.asText(), Scope.RUNTIME, line(lines, r)));
    project.path("optional-dependencies").forEach(extra ->
        extra.forEach(r -> PythonManifests.requirement(pins, r.asText(), Scope.OPTIONAL, line(lines, r))));
    for (var groups = root.path("dependency-groups").fields(); groups.hasNext(); ) {
      var group = groups.next();
      Scope scope = PythonManifests.groupScope(group.getKey());
      group.getValue().forEach(r -> {
        if (r.isTextual()) {
          PythonManifests.requirement(pins, r.asText(), scope, line(lines, r));
        }
      });
    }
    JsonNode poetry = root.path("tool").path("poetry");
    poetry(pins, lines, poetry.path("dependencies"), Scope.RUNTIME);
    poetry(pins, lines, poetry.path("dev-dependencies"), Scope.DEV);
    for (var groups = poetry.path("group").fields(); groups.hasNext(); ) {
      var group = groups.next();
      poetry(pins, lines, group.getValue().path("dependencies"), PythonManifests.groupScope(group.getKey()));
    }
    return pins.result();
  }

  /** Poetry's table: name = "constraint" or { version = "constraint", ... }; python itself is not a package. */
  private static void poetry(ManifestPins pins, LineLocator lines, JsonNode table, Scope scope) {
    for (var it = table.fields(); it.hasNext(); ) {
      var dep = it.next();
      if (dep.getKey().equalsIgnoreCase("python")) {
        continue;
      }
      JsonNode value = dep.getValue();
      String spec = value.isTextual() ? value.asText() : value.path("version").asText("");
      var exact = POETRY_EXACT.matcher(spec.strip());
      if (exact.matches() && !spec.contains("*")) {
        pins.pinned(dep.getKey(), exact.group(1), scope, lines.find(dep.getKey() + " ="));
      } else {
        pins.unpinned(dep.getKey(), value.isTextual() || value.has("version") ? spec
            : value.has("git") ? "git" : value.has("path") ? "path" : value.toString());
      }
    }
  }

  private static int line(LineLocator lines, JsonNode requirement) {
    return lines.find("\"" + requirement.asText() + "\"");
  }
}
