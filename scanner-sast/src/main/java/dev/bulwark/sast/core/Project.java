package dev.bulwark.sast.core;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Facts about the whole scanned tree that single-file analyzers may use: today the keys of its
 * {@code .properties} files, so {@code props.getProperty("hashAlg", "SHA-256")} resolves to the
 * value the project really configures.
 */
public final class Project {
  public static final Project EMPTY = new Project();

  private final Map<String, String> properties = new HashMap<>();

  /** Adds the keys of one {@code .properties} file; unreadable content is ignored. */
  public synchronized void addProperties(String text) {
    var p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (Exception | Error e) {
      return;
    }
    p.stringPropertyNames().forEach(k -> properties.putIfAbsent(k, p.getProperty(k)));
  }

  public synchronized Optional<String> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }
}
