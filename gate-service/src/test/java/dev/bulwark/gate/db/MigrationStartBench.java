package dev.bulwark.gate.db;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/**
 * What the gate's schema step costs at start-up on a database that is already up to date: the
 * Flyway step of today against what the pre-Flyway runner did (create its table if missing, read
 * the versions applied). Run once per fresh JVM by {@code bench/gate/run.sh}, which prints medians.
 *
 * <p>Arguments: {@code prepare DIR} makes {@code DIR/flyway} and {@code DIR/legacy}; {@code flyway DIR}
 * or {@code legacy DIR} times one start and prints {@code mode millis}.
 */
public final class MigrationStartBench {
  private MigrationStartBench() {}

  public static void main(String[] args) {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    if (mode.equals("prepare")) {
      var flyway = H2Files.pool(dir.resolve("flyway"));
      Migrations.migrate(flyway);
      flyway.dispose();
      var legacy = H2Files.pool(dir.resolve("legacy"));
      LegacySchemaRunner.create(Jdbi.create(legacy), 3);
      legacy.dispose();
      return;
    }
    long start = System.nanoTime();
    var pool = H2Files.pool(dir.resolve(mode));
    if (mode.equals("flyway")) {
      Migrations.migrate(pool);
    } else {
      LegacySchemaRunner.upToDate(Jdbi.create(pool));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    pool.dispose();
    System.out.println(mode + " " + millis);
  }
}
