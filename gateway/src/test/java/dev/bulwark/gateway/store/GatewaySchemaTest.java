package dev.bulwark.gateway.store;

import dev.bulwark.server.testing.MigrationScripts;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class GatewaySchemaTest {
  @Test
  void listsExactlyTheScriptsOfTheSchemaFolderInVersionOrder() throws IOException {
    MigrationScripts.assertListed(GatewaySchema.FOLDER, GatewaySchema.SCRIPTS);
  }
}
