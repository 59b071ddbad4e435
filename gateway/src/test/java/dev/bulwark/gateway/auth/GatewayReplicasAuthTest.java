package dev.bulwark.gateway.auth;

import static dev.bulwark.gateway.auth.GatewayAuthTest.assertStatus;
import static dev.bulwark.gateway.auth.GatewayAuthTest.gateway;
import static dev.bulwark.gateway.auth.GatewayAuthTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.gateway.testing.SecureCluster;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.WatchScanRequest;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Access rules hold across gateway replicas: what one replica learnt of a caller, every replica knows")
class GatewayReplicasAuthTest {
  @TempDir
  static Path work;
  static SecureCluster cluster;
  static Path tree;

  @BeforeAll
  static void start() throws Exception {
    cluster = new SecureCluster(work, Limits.defaults());
    tree = Files.createDirectories(work.resolve("shop"));
    Files.writeString(tree.resolve("app.txt"), "hello\nSECRET here\n");
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  @DisplayName("a scan-only token uploads through one replica, starts and follows its scan through the other")
  void aScanTokensCallsMaySpreadOverReplicas() throws Exception {
    String ci = cluster.token("ci-shop", Set.of("acme/shop"), Set.of("scan"), "");
    var first = cluster.client(ci, 0);
    var second = cluster.client(ci, 1);
    var manifest = SecureCluster.upload(first, tree);

    var digests = manifest.getFilesList().stream().map(f -> f.getDigest()).toList();
    assertThat(new ContentStoreClient(second).findMissing(digests)).as("proved through the first replica").isEmpty();
    String id = gateway(second).startScan(request("acme/shop", manifest)).getScanId();
    var updates = gateway(first).watchScan(WatchScanRequest.newBuilder().setScanId(id).build());
    ScanResult result = null;
    while (updates.hasNext()) {
      var u = updates.next();
      if (u.hasResult()) {
        result = u.getResult();
      }
    }
    assertThat(result).isNotNull();
    assertThat(result.getState()).isEqualTo(ScanState.DONE);
    assertThat(gateway(second).getScan(GetScanRequest.newBuilder().setScanId(id).build()).getScanId()).isEqualTo(id);

    // A colleague's scan-only token of the same project may follow its own scans only, on either replica.
    String colleague = cluster.token("ci-shop-2", Set.of("acme/shop"), Set.of("scan"), "");
    var get = GetScanRequest.newBuilder().setScanId(id).build();
    assertStatus(() -> gateway(cluster.client(colleague, 0)).getScan(get), Status.Code.PERMISSION_DENIED);
    assertStatus(() -> gateway(cluster.client(colleague, 1)).getScan(get), Status.Code.PERMISSION_DENIED);
    // Nor may it use the blobs the first token proved, whichever replica it asks.
    assertThat(new ContentStoreClient(cluster.client(colleague, 1)).findMissing(digests))
        .containsExactlyInAnyOrderElementsOf(digests);
  }
}
