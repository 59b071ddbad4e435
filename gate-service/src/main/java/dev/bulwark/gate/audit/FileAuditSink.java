package dev.bulwark.gate.audit;

import dev.bulwark.server.audit.AuditEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends each record as one line (JSON Lines) to a file, creating it and its folder. */
public final class FileAuditSink implements AuditSink {
  private static final Logger LOG = LoggerFactory.getLogger(FileAuditSink.class);
  private final Path file;

  public FileAuditSink(Path file) {
    this.file = file;
  }

  @Override
  public void emit(AuditRecord record) {
    append(record.toJson(), "the decision of scan " + record.decision().getScanId());
  }

  @Override
  public void emit(AuditEvent event) {
    append(event.toJson(), "the " + event.event() + " event");
  }

  private synchronized void append(String json, String what) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      // One write call per line, so concurrent gate replicas on a shared file do not interleave within a line.
      Files.write(file, (json + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException | RuntimeException e) {
      LOG.warn("audit: cannot append {} to {}: {}", what, file, e.toString());
    }
  }

  @Override
  public String toString() {
    return "file " + file;
  }
}
