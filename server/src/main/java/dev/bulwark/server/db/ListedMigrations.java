package dev.bulwark.server.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;

/**
 * A service's Flyway migration scripts, named in a list instead of found by scanning the
 * classpath: in the full distribution's jar (tens of thousands of entries) Flyway's scan was most
 * of a database-backed service's start-up. Each service keeps its list beside its scripts and a
 * test checks the one against the other. Flyway is an optional dependency of this module: the
 * services with a database bring it.
 */
public final class ListedMigrations implements ResourceProvider {
  /** A versioned script's name: {@code V<version>__<description>.sql}. */
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");
  /** History row types of migrations (the others, e.g. BASELINE, SCHEMA, TABLE, are markers). */
  private static final List<String> MIGRATION_TYPES = List.of("SQL", "JDBC", "SCRIPT");
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

  /**
   * Whether the database records exactly the listed scripts as applied, each successfully and with
   * the checksum Flyway gives it today: then migrating has nothing to do, and starting Flyway
   * (most of an up-to-date embedded service's start) can be skipped. Any doubt answers false and
   * Flyway runs as usual: no history table yet, a failed row, a script applied that is not listed
   * (a newer build's database) or listed and not applied, another checksum, a database error.
   *
   * @param historyTable Flyway's history table (a constant of the service, not user input)
   */
  public boolean upToDate(DataSource dataSource, String historyTable) {
    Map<String, Integer> expected = new HashMap<>();
    for (String script : scripts) {
      var m = VERSIONED.matcher(script);
      if (!m.matches()) {
        return false;
      }
      expected.put(m.group(1).replace('_', '.'), ChecksumCalculator.calculate(new Script(script)));
    }
    Map<String, Integer> recorded = new HashMap<>();
    String sql = "SELECT \"version\", \"checksum\", \"success\", \"type\" FROM \"" + historyTable + "\"";
    try (Connection c = dataSource.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      while (rs.next()) {
        if (!rs.getBoolean(3)) {
          return false;
        }
        String version = rs.getString(1);
        String type = rs.getString(4);
        if ("BASELINE".equals(type)) {
          continue;
        }
        if (version == null) {
          if (MIGRATION_TYPES.contains(type)) {
            return false;   // a repeatable script: none is listed
          }
          continue;         // a marker (schema or table creation)
        }
        Object checksum = rs.getObject(2);
        recorded.put(version, checksum == null ? null : rs.getInt(2));
      }
    } catch (SQLException | RuntimeException e) {
      return false;
    }
    return recorded.equals(expected);
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
