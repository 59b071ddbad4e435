package dev.bulwark.server.db;

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
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * A service's Flyway migration scripts, named in a list instead of found by scanning the
 * classpath: in the full distribution's jar (tens of thousands of entries) Flyway's scan was most
 * of a database-backed service's start-up. Each service keeps its list beside its scripts and a
 * test checks the one against the other. Flyway is an optional dependency of this module: the
 * services with a database bring it.
 */
public final class ListedMigrations implements ResourceProvider {
  /** No Java migrations: without a provider Flyway would scan the classpath for them. */
  private static final ClassProvider<JavaMigration> NO_JAVA_MIGRATIONS = List::of;

  private final ClassLoader loader;
  private final String folder;
  private final List<String> scripts;

  /**
   * @param folder  the scripts' folder on the classpath, e.g. {@code db/migration}
   * @param scripts every script's file name, in version order
   */
  public ListedMigrations(ClassLoader loader, String folder, List<String> scripts) {
    this.loader = loader;
    this.folder = folder;
    this.scripts = List.copyOf(scripts);
  }

  /** Flyway configured to find exactly these scripts and no Java migrations, without scanning. */
  public FluentConfiguration applyTo(FluentConfiguration flyway) {
    return flyway.locations("classpath:" + folder).resourceProvider(this)
        .javaMigrationClassProvider(NO_JAVA_MIGRATIONS);
  }

  @Override
  public LoadableResource getResource(String name) {
    return scripts.contains(name) ? new Script(name) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return scripts.stream()
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
      return folder + "/" + name;
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
