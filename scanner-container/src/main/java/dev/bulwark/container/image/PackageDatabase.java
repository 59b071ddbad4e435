package dev.bulwark.container.image;

import java.util.List;
import java.util.Optional;

/**
 * One kind of package database inside an image (dpkg status, apk installed, npm package.json,
 * Python METADATA): which paths it reads and how. Versioned like the configuration analyzers.
 */
public interface PackageDatabase {
  String name();

  String version();

  /** True for the image paths (relative, normalised) this database is stored in. */
  boolean wants(String path);

  /** The ecosystem of its packages; empty means: the distribution's (dpkg, apk). */
  Optional<String> ecosystem();

  /** The installed packages the file lists. Malformed records are skipped, not fatal. */
  List<Entry> parse(String path, byte[] content);

  /** One installed package as the database records it. */
  record Entry(String name, String sourceName, String version, String sourceVersion) {}
}
