package dev.bulwark.sca.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Decoding shared by the parsers: byte-order marks, and JSON/YAML/TOML trees via Jackson. */
final class Texts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final TomlMapper TOML = new TomlMapper();

  private Texts() {}

  /** UTF-8 unless a UTF-16 byte-order mark says otherwise; a UTF-8 BOM is dropped. */
  static String decode(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static JsonNode json(String text) throws IOException {
    JsonNode node = JSON.readTree(text);
    if (node == null || !node.isObject()) {
      throw new IOException("not a JSON object");
    }
    return node;
  }

  static JsonNode yaml(String text) throws IOException {
    JsonNode node = YAML.readTree(text);
    if (node == null || !node.isObject()) {
      throw new IOException("not a YAML mapping");
    }
    return node;
  }

  static JsonNode toml(String text) throws IOException {
    return TOML.readTree(text);
  }

  /** The text of a field, or "" when missing or not a scalar. */
  static String str(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isContainerNode() || v.isNull() ? "" : v.asText();
  }

  /** The file name of a '/'-separated path. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The folder of a '/'-separated path, "" at the root. */
  static String folder(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /**
   * Resolves {@code relative} against the folder of {@code from} ('/'-separated, "." and ".."
   * folded), or returns null when it climbs out of the scanned tree or is absolute.
   */
  static String resolve(String from, String relative) {
    if (relative.startsWith("/") || relative.matches("^[A-Za-z]:[\\\\/].*")) {
      return null;
    }
    var parts = new java.util.ArrayDeque<String>();
    String folder = folder(from);
    for (String segment : ((folder.isEmpty() ? "" : folder + "/") + relative.replace('\\', '/')).split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(segment);
      }
    }
    return String.join("/", parts);
  }

  /** A short reason for a parse failure, first line only. */
  static String reason(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
