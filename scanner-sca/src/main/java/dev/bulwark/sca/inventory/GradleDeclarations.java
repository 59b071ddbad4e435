package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.v1.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Gradle files declare, read without running Gradle: a version catalog's libraries
 * ({@code gradle/libs.versions.toml}: {@code module}, {@code group}+{@code name}, "g:a:v" strings,
 * {@code version.ref}, rich versions) and a build file's dependencies whose coordinates are
 * literal ({@code implementation 'g:a:1.0'}, {@code "g:a:${v}"} with {@code ext}/{@code val}
 * values in the same file, {@code libs.x.y} catalog references). Scopes come from the
 * configuration: test* → TEST, compileOnly → PROVIDED, annotation processors and
 * developmentOnly → DEV, others RUNTIME.
 */
final class GradleDeclarations {
  /** One declared dependency; version "" when the file does not say (a plugin or platform manages it). */
  record Declared(String group, String name, String version, Scope scope, int line) {
    String coordinates() {
      return group + ":" + name;
    }
  }

  private static final Pattern DEPENDENCY = Pattern.compile(
      "^\\s*([A-Za-z]+)\\s*\\(?\\s*(?:platform\\s*\\(\\s*)?(?:[\"']([^\"'\\s]+)[\"']|(libs(?:\\.[A-Za-z0-9_]+)+))");
  private static final Pattern PROPERTY = Pattern.compile(
      "^\\s*(?:ext\\.|val\\s+|def\\s+|extra\\[\")?([A-Za-z_][A-Za-z0-9_]*)\"?\\]?\\s*(?::\\s*String\\s*)?=\\s*[\"']([^\"'$]+)[\"']");
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_.]*)}?");

  private GradleDeclarations() {}

  /** Catalog libraries by normalised alias ("androidx.core.ktx" for androidx-core-ktx). */
  static Map<String, Declared> catalog(String text) throws Exception {
    JsonNode root = Texts.toml(text);
    var lines = new LineLocator(text);
    var versions = new HashMap<String, String>();
    root.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), version(e.getValue())));
    var out = new LinkedHashMap<String, Declared>();
    for (var it = root.path("libraries").fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode lib = e.getValue();
      String[] coordinates = lib.isTextual() ? lib.asText().split(":")
          : lib.has("module") ? lib.path("module").asText().split(":")
          : new String[] {lib.path("group").asText(), lib.path("name").asText()};
      if (coordinates.length < 2) {
        continue;
      }
      String version = coordinates.length > 2 ? coordinates[2]
          : lib.path("version").has("ref") ? versions.getOrDefault(lib.path("version").path("ref").asText(), "")
          : version(lib.path("version"));
      out.put(alias(e.getKey()), new Declared(coordinates[0], coordinates[1], version, Scope.RUNTIME,
          lines.find(e.getKey() + " ")));
    }
    return out;
  }

  /** A build file's dependencies; catalog references resolved through {@code catalog}, unknown ones dropped. */
  static List<Declared> buildFile(String text, Map<String, Declared> catalog) {
    var properties = new HashMap<String, String>();
    String[] lines = text.split("\n", -1);
    for (String line : lines) {
      Matcher p = PROPERTY.matcher(line);
      if (p.find()) {
        properties.put(p.group(1), p.group(2));
      }
    }
    var out = new ArrayList<Declared>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = DEPENDENCY.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      Scope scope = scope(m.group(1));
      if (scope == null) {
        continue;
      }
      if (m.group(3) != null) {
        Declared c = catalog.get(alias(m.group(3).substring("libs.".length())));
        if (c != null) {
          out.add(new Declared(c.group(), c.name(), c.version(), scope, i + 1));
        }
        continue;
      }
      String[] parts = interpolate(m.group(2), properties).split(":");
      if (parts.length >= 2 && !parts[0].isEmpty()) {
        out.add(new Declared(parts[0], parts[1], parts.length > 2 ? parts[2].replaceFirst("@.*$", "") : "", scope, i + 1));
      }
    }
    return out;
  }

  /** The scope of a configuration, null when it is not a dependency declaration. */
  static Scope scope(String configuration) {
    String c = configuration.toLowerCase(Locale.ROOT);
    if (c.startsWith("test") || c.startsWith("androidtest") || c.startsWith("integrationtest")) {
      return Scope.TEST;
    }
    return switch (c) {
      case "implementation", "api", "runtimeonly", "compile", "runtime", "debugimplementation",
          "releaseimplementation" -> Scope.RUNTIME;
      case "compileonly", "compileonlyapi" -> Scope.PROVIDED;
      case "annotationprocessor", "kapt", "ksp", "developmentonly", "detektplugins" -> Scope.DEV;
      default -> null;
    };
  }

  /** "1.0", or a rich version's strictly / require / prefer; "" for none. */
  private static String version(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    }
    for (String key : new String[] {"strictly", "require", "prefer"}) {
      if (v.has(key)) {
        return v.path(key).asText();
      }
    }
    return "";
  }

  private static String alias(String key) {
    return key.replace('-', '.').replace('_', '.').toLowerCase(Locale.ROOT);
  }

  private static String interpolate(String value, Map<String, String> properties) {
    return INTERPOLATION.matcher(value).replaceAll(m -> Matcher.quoteReplacement(
        properties.getOrDefault(m.group(1), m.group())));
  }
}
