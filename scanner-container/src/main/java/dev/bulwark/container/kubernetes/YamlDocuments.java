package dev.bulwark.container.kubernetes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.container.check.ConfigParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads every document of a multi-document YAML file into {@link YamlNode} trees whose lines
 * point into the original file (Jackson's streaming parser keeps the token locations).
 */
public final class YamlDocuments {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final int MAX_DEPTH = 200;

  private YamlDocuments() {}

  public static List<YamlNode> parse(String text) throws ConfigParseException {
    var docs = new ArrayList<YamlNode>();
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        docs.add(read(p, t, 0));
      }
    } catch (IOException | RuntimeException e) {
      throw new ConfigParseException("invalid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    return docs;
  }

  private static YamlNode read(JsonParser p, JsonToken t, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("nesting deeper than " + MAX_DEPTH);
    }
    int line = p.currentTokenLocation().getLineNr();
    switch (t) {
      case START_OBJECT -> {
        var entries = new LinkedHashMap<String, YamlNode.Entry>();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          entries.put(key, new YamlNode.Entry(keyLine, read(p, p.nextToken(), depth + 1)));
        }
        return new YamlNode.MapNode(line, entries);
      }
      case START_ARRAY -> {
        var items = new ArrayList<YamlNode>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(p, t, depth + 1));
        }
        return new YamlNode.ListNode(line, items);
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar(line, null);
      }
      default -> {
        return new YamlNode.Scalar(line, p.getText());
      }
    }
  }
}
