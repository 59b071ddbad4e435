package dev.bulwark.gate.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The gate's migration scripts, named in {@link #SCRIPTS} instead of found by scanning the
 * classpath: in the full distribution's jar (tens of thousands of entries) Flyway's scan was
 * most of the gate's start-up. A test checks the list against the scripts folder.
 */
final class ListedMigrations implements ResourceProvider {
  /** Folder of the scripts on the classpath. */
  static final String FOLDER = "db/migration";
  /** Every script, in version order. Adding a migration is one file there and one line here. */
  static final List<String> SCRIPTS = List.of(
      "V1__scans_findings_decisions.sql",
      "V2__overrides_central_suppressions.sql",
      "V3__central_policies.sql",
      "V4__api_tokens.sql",
      "V5__evaluation_replies.sql");

  /** No Java migrations: without a provider Flyway would scan the classpath for them. */
  static final ClassProvider<JavaMigration> NO_JAVA_MIGRATIONS = List::of;

  private final ClassLoader loader;

  ListedMigrations(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  public LoadableResource getResource(String name) {
    return SCRIPTS.contains(name) ? new Script(name) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return SCRIPTS.stream()
        .filter(s -> s.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(s::endsWith))
        .map(s -> (LoadableResource) new Script(s)).toList();
  }

  /** One script, read from the classpath when Flyway asks. */
  private final class Script extends LoadableResource {
    private final String name;

    Script(String name) {
      this.name = name;
    }

    @Override
    public Reader read() {
      InputStream in = loader.getResourceAsStream(getAbsolutePath());
      if (in == null) {
        throw new UncheckedIOException(new IOException("migration script missing from the classpath: "
            + getAbsolutePath()));
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return FOLDER + "/" + name;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
