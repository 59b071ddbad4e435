package dev.bulwark.gate.policy.file;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads policy YAML as a node tree, keeping line numbers, so every complaint can say
 * {@code file:line:column}. Composing (not constructing) never instantiates types; aliases
 * and size are bounded.
 */
final class YamlTree {
  private final String file;

  YamlTree(String file) {
    this.file = file;
  }

  /** The document's root node, or null for an empty document. */
  Node parse(String text) {
    var options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setCodePointLimit(1024 * 1024);
    options.setAllowDuplicateKeys(false);
    try {
      var dump = new DumperOptions();
      return new Yaml(new SafeConstructor(options), new Representer(dump), dump, options)
          .compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? file : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new PolicyException(where + ": malformed YAML: " + what);
    } catch (YAMLException e) {
      throw new PolicyException(file + ": malformed YAML: " + e.getMessage());
    }
  }

  /** The file name used in messages. */
  String file() {
    return file;
  }

  String at(Node n) {
    return file + ":" + line(n) + ":" + (n.getStartMark().getColumn() + 1);
  }

  static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }

  /** Keys in order; fails on a non-mapping, duplicate or unknown key (null allows any). */
  Map<String, Node> mapping(Node n, String what, Set<String> allowed) {
    if (!(n instanceof MappingNode m)) {
      throw new PolicyException(at(n) + ": " + what + " must be a mapping");
    }
    var out = new LinkedHashMap<String, Node>();
    for (var t : m.getValue()) {
      String key = scalar(t.getKeyNode(), what + " key");
      if (allowed != null && !allowed.contains(key)) {
        throw new PolicyException(at(t.getKeyNode()) + ": unknown key '" + key + "' in " + what
            + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
      if (out.put(key, t.getValueNode()) != null) {
        throw new PolicyException(at(t.getKeyNode()) + ": duplicate key '" + key + "' in " + what);
      }
    }
    return out;
  }

  String scalar(Node n, String what) {
    if (!(n instanceof ScalarNode s)) {
      throw new PolicyException(at(n) + ": " + what + " must be a single value");
    }
    return s.getValue();
  }

  List<Node> sequence(Node n, String what) {
    if (!(n instanceof SequenceNode s)) {
      throw new PolicyException(at(n) + ": " + what + " must be a list");
    }
    return new ArrayList<>(s.getValue());
  }

  List<String> scalars(Node n, String what) {
    return sequence(n, what).stream().map(x -> scalar(x, what + " entry")).toList();
  }

  boolean bool(Node n, String what) {
    String v = scalar(n, what);
    return switch (v) {
      case "true", "True", "TRUE" -> true;
      case "false", "False", "FALSE" -> false;
      default -> throw new PolicyException(at(n) + ": " + what + " must be true or false, not '" + v + "'");
    };
  }

  <E extends Enum<E>> E enumValue(Node n, Class<E> type, String what, Set<E> allowed) {
    String v = scalar(n, what);
    for (E e : allowed) {
      if (e.name().equalsIgnoreCase(v)) {
        return e;
      }
    }
    throw new PolicyException(at(n) + ": " + what + " must be one of "
        + allowed.stream().map(Enum::name).sorted().toList() + ", not '" + v + "'");
  }
}
