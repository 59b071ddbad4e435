package dev.bulwark.advisories.intel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a feed's bytes come from. Only files exist today (there is no network where the gate
 * runs in CI); a download is one more implementation of {@link #open()} (e.g. with
 * {@code java.net.http.HttpClient}) and nothing else changes.
 */
public interface IntelSource {
  InputStream open() throws IOException;

  /** For messages, e.g. the file's path. */
  String describe();

  static IntelSource file(Path path) {
    return new IntelSource() {
      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }

      @Override
      public String describe() {
        return path.toString();
      }
    };
  }
}
