package dev.bulwark.server.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each event as one JSON line to a file (one write per line, so replicas sharing the
 * file do not interleave within a line), and logs it. A failed write is logged, never thrown.
 */
public final class FileAuditLog implements AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);
  private final Path file;

  public FileAuditLog(Path file) {
    this.file = file;
  }

  /** A file log when {@code file} is set, else {@link AuditLog#LOG_ONLY}. */
  public static AuditLog configured(String file) {
    return file == null || file.isBlank() ? LOG_ONLY : new FileAuditLog(Path.of(file.strip()));
  }

  @Override
  public synchronized void emit(AuditEvent event) {
    LOG_ONLY.emit(event);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, (event.toJson() + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException | RuntimeException e) {
      LOG.warn("audit: cannot append {} to {}: {}", event.event(), file, e.toString());
    }
  }
}
