package dev.bulwark.dist.feeds;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * When each feed was last fetched ({@code $BULWARK_HOME/downloads/fetched.properties}: feed key →
 * RFC 3339 instant), so data younger than the maximum age is reused instead of fetched again. A
 * fetch that brings unchanged data still counts: the data is as fresh as the source.
 */
final class FetchLog {
  private final Path file;
  private final Properties times = new Properties();

  FetchLog(Path home) throws IOException {
    this.file = home.resolve("downloads").resolve("fetched.properties");
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        times.load(in);
      }
    }
  }

  Optional<Instant> fetchedAt(String key) {
    String value = times.getProperty(key);
    try {
      return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // a damaged entry: fetch again
    }
  }

  void record(String key, Instant at) throws IOException {
    times.setProperty(key, at.toString());
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      times.store(out, "when bulwark last fetched each feed");
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
