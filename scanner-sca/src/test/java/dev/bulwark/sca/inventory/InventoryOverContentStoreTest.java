package dev.bulwark.sca.inventory;

import dev.bulwark.advisories.advisory.InstalledPackage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.ContentStoreService;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.cas.IgnoreRules;
import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.server.scanner.ScanWorkspace;
import dev.bulwark.common.testing.SharedFixtures;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanTask;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Inventory#collect(ScanWorkspace)} against a real content store on loopback: the files
 * are uploaded as a client would, and the inventory reads them back through the workspace,
 * including files only referenced from another (a Maven parent, a package.json).
 */
class InventoryOverContentStoreTest {

  @Test
  @DisplayName("a workspace over gRPC gives the same inventory as the in-memory tree")
  void workspaceInventoryMatchesInMemoryInventory(@TempDir Path tmp) throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    copy(SharedFixtures.vulnerableApp(), tree);
    copy(Trees.own().resolve("maven/parent-default"), tree.resolve("platform"));
    copy(Trees.own().resolve("npm/v1-with-package-json"), tree.resolve("legacy-web"));

    var store = new DiskBlobStore(Files.createDirectories(tmp.resolve("cas")));
    var server = ManagedGrpcServer.onLoopback("test-cas", 0, new ContentStoreService(store));
    server.start();
    var channel = Channels.forTarget(server.target());
    try {
      var client = new ContentStoreClient(channel);
      var packed = TreePacker.pack(tree, IgnoreRules.NONE);
      client.upload(packed.blobs());
      var task = ScanTask.newBuilder().setScanId("inv").setManifest(Manifest.newBuilder().addAllFiles(packed.files())).build();
      var workspace = new ScanWorkspace(task, new DiskBlobStore(Files.createDirectories(tmp.resolve("cache"))), client);

      InventoryResult overTheWire = Inventory.collect(workspace);
      InventoryResult inMemory = Inventory.collect(Trees.read(tree));

      assertThat(overTheWire).isEqualTo(inMemory);
      assertThat(overTheWire.problems()).isEmpty();
      assertThat(overTheWire.packages()).extracting(InstalledPackage::name, InstalledPackage::version)
          .contains(org.assertj.core.groups.Tuple.tuple("io.netty:netty-codec-http", "4.1.94.Final"),
              org.assertj.core.groups.Tuple.tuple("org.apache.logging.log4j:log4j-core", "2.14.1"));
      assertThat(overTheWire.packages()).filteredOn(p -> p.name().equals("left-pad")).singleElement()
          .satisfies(p -> assertThat(p.direct()).isTrue());
    } finally {
      Channels.close(channel);
      server.stop();
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
      }
    }
  }
}
