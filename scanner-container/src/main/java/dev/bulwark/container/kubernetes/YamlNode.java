package dev.bulwark.container.kubernetes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML value that remembers the line it starts on in the original (multi-document) file. */
public sealed interface YamlNode {
  int line();

  /** A mapping; each key keeps the line it is written on. */
  record MapNode(int line, Map<String, Entry> entries) implements YamlNode {
    public MapNode {
      entries = new LinkedHashMap<>(entries);
    }

    public Optional<YamlNode> get(String key) {
      return Optional.ofNullable(entries.get(key)).map(Entry::value);
    }

    /** The line of the key, or of the mapping when the key is absent. */
    public int lineOf(String key) {
      var e = entries.get(key);
      return e == null ? line : e.keyLine();
    }

    public Optional<MapNode> map(String key) {
      return get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    public List<YamlNode> list(String key) {
      return get(key).filter(ListNode.class::isInstance).map(n -> ((ListNode) n).items()).orElse(List.of());
    }

    /** The scalar text under the key, or empty (absent, null or not a scalar). */
    public Optional<String> text(String key) {
      return get(key).filter(Scalar.class::isInstance).map(n -> ((Scalar) n).value())
          .filter(v -> v != null);
    }

    public Optional<Boolean> bool(String key) {
      return text(key).map(v -> v.equalsIgnoreCase("true"));
    }

    public boolean isEmpty() {
      return entries.isEmpty();
    }
  }

  /** One key of a mapping. */
  record Entry(int keyLine, YamlNode value) {}

  record ListNode(int line, List<YamlNode> items) implements YamlNode {}

  /** A scalar as text; null for YAML null. */
  record Scalar(int line, String value) implements YamlNode {}
}
