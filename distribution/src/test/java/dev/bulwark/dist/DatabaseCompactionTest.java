package dev.bulwark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.gate.GateEmbeddedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the embedded databases compact on close only once they have grown past a bound")
class DatabaseCompactionTest {
  @TempDir
  Path home;

  @Test
  @DisplayName("small files, or files within twice their size after the last compaction, do not compact")
  void decidesByGrowth() throws IOException {
    assertThat(DatabaseCompaction.decide(home).compacts()).isFalse(); // no databases yet
    Path gate = Files.createDirectories(home.resolve("gate")).resolve("gate.mv.db");
    Files.write(gate, new byte[4096]);
    assertThat(DatabaseCompaction.decide(home, 1 << 20).compacts()).isFalse(); // under the floor
    assertThat(DatabaseCompaction.decide(home, 1024).compacts()).isTrue(); // past it, never compacted

    var compacted = DatabaseCompaction.decide(home, 1024);
    compacted.closed(); // records 4096 as the size after compaction
    assertThat(compacted.recorded()).containsExactly(Map.entry("gate/gate.mv.db", 4096L));
    assertThat(DatabaseCompaction.decide(home, 1024).compacts()).isFalse();
    Files.write(gate, new byte[8193]); // more than twice the size after the last compaction
    assertThat(DatabaseCompaction.decide(home, 1024).compacts()).isTrue();

    Files.writeString(home.resolve("cache/h2-compaction.properties"), "gate/gate.mv.db=not a number\n");
    assertThat(DatabaseCompaction.decide(home, 1024).recorded()).isEmpty(); // damaged: as if never compacted
    assertThat(DatabaseCompaction.decide(home, 1024).compacts()).isTrue();
  }

  @Test
  @DisplayName("blob stores and caches are not searched for databases")
  void onlyDatabaseFolders() throws IOException {
    Files.write(Files.createDirectories(home.resolve("gateway/db")).resolve("gateway.mv.db"), new byte[10]);
    Files.write(Files.createDirectories(home.resolve("gateway/cas/ab")).resolve("x.mv.db"), new byte[10]);
    Files.write(Files.createDirectories(home.resolve("cache/results")).resolve("y.mv.db"), new byte[10]);
    assertThat(DatabaseCompaction.decide(home).sizes()).containsOnlyKeys("gateway/db/gateway.mv.db");
  }

  @Test
  @DisplayName("a -Dh2.maxCompactTime given to the JVM wins")
  void userSettingWins() {
    System.setProperty(DatabaseCompaction.PROPERTY, "50");
    try {
      var decision = DatabaseCompaction.decide(home, Long.MAX_VALUE);
      assertThat(decision.compacts()).isTrue();
      decision.whileOpening(() -> assertThat(System.getProperty(DatabaseCompaction.PROPERTY)).isEqualTo("50"));
    } finally {
      System.clearProperty(DatabaseCompaction.PROPERTY);
    }
  }

  @Test
  @DisplayName("the real gate's database: runs without compaction grow it, a due compaction shrinks it back")
  void realGateDatabase() {
    Path file = home.resolve("gate/gate.mv.db");
    long[] sizes = new long[4];
    for (int i = 0; i < sizes.length; i++) {
      runGate(Long.MAX_VALUE); // never due
      churn();
      sizes[i] = size(file);
    }
    assertThat(System.getProperty(DatabaseCompaction.PROPERTY)).isNull(); // put back after opening
    assertThat(sizes[3]).isGreaterThan(sizes[0]);
    assertThat(DatabaseCompaction.decide(home).recorded()).isEmpty();

    runGate(0); // due: compacts as it closes
    assertThat(size(file)).isLessThan(sizes[3]);
    assertThat(DatabaseCompaction.decide(home).recorded()).containsEntry("gate/gate.mv.db", size(file));
    assertThat(DatabaseCompaction.decide(home, 0).compacts()).isFalse(); // not grown since
  }

  /**
   * Rows written and deleted in the gate's database, closed without compacting: what a run's
   * decisions leave behind (a start alone writes next to nothing since the schema check is one query).
   */
  void churn() {
    String url = dev.bulwark.gate.db.H2Files.url(home.resolve("gate")) + ";MAX_COMPACT_TIME=0";
    try (var c = java.sql.DriverManager.getConnection(url, "bulwark", ""); var st = c.createStatement()) {
      st.execute("CREATE TABLE churn (id INT PRIMARY KEY, v VARCHAR(400))");
      st.execute("INSERT INTO churn SELECT x, REPEAT('x', 400) FROM SYSTEM_RANGE(1, 2000)");
      st.execute("DROP TABLE churn");
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** The real gate started and stopped by a cluster that compacts past this floor. */
  void runGate(long floor) {
    var cluster = new EmbeddedCluster(List.of(new GateEmbeddedService())).compactionFloor(floor);
    cluster.start(new LocalCluster.Settings(home, Optional.empty(), Map.of(), 0));
    cluster.close();
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
