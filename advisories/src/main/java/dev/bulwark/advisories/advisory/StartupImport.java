package dev.bulwark.advisories.advisory;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OSV data a scanner imports into its store when it starts (its {@code advisories} setting):
 * idempotent, so a restart re-imports nothing; what changed and each problem are logged.
 */
public final class StartupImport {
  private static final Logger LOG = LoggerFactory.getLogger(StartupImport.class);

  private StartupImport() {}

  public static AdvisoryStore.ImportResult run(Path source, AdvisoryStore store) throws IOException {
    var result = store.importFrom(source);
    result.problems().forEach(p -> LOG.warn("advisory import: {}", p));
    LOG.info("advisories from {}: {} records read, changed: {}", source, result.recordsRead(), result.ecosystemsChanged());
    return result;
  }
}
