package dev.bulwark.gate.db;

import dev.bulwark.server.testing.MigrationScripts;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ListedMigrationsTest {
  @Test
  void listsExactlyTheScriptsOfTheMigrationFolderInVersionOrder() throws IOException {
    MigrationScripts.assertListed(Migrations.FOLDER, Migrations.SCRIPTS);
  }
}
