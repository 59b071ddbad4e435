package dev.bulwark.advisories.advisory;

import java.io.IOException;

/**
 * Where OSV records come from for an import. {@link LocalOsvSource} reads OSV's per-ecosystem
 * export layout from disk; a download source (e.g. the {@code <Ecosystem>/all.zip} files of
 * OSV's bucket) would implement this same interface by fetching the zips into a temporary folder
 * and reading them the local way, so {@link AdvisoryStore#importFrom(OsvSource)} stays unchanged.
 */
public interface OsvSource {
  /** Receives one record's JSON; {@code origin} names where it came from, for error messages. */
  @FunctionalInterface
  interface RecordSink {
    void accept(String origin, byte[] json);
  }

  /** A short description for logs and errors, e.g. the path. */
  String describe();

  /** Sends every record to the sink. Unreadable containers are reported as problems, not thrown. */
  void read(RecordSink sink, java.util.List<String> problems) throws IOException;
}
