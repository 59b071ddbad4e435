package dev.bulwark.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.gateway.testing.SecureCluster;
import dev.bulwark.server.audit.AuditEvent;
import dev.bulwark.v1.ContentStoreGrpc;
import dev.bulwark.v1.GatewayGrpc;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ReadBlobsRequest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanState;
import dev.bulwark.v1.ScannerStatus;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.Verdict;
import dev.bulwark.v1.WatchScanRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The gateway over TLS: tokens verified by the gate, scans and blobs isolated by credential")
class GatewayAuthTest {
  @TempDir
  static Path work;
  static SecureCluster cluster;
  static Path tree;
  static String shopScanner;
  static String shopReader;
  static String otherScanner;

  @BeforeAll
  static void start() throws Exception {
    cluster = new SecureCluster(work, Limits.defaults());
    tree = Files.createDirectories(work.resolve("shop"));
    Files.writeString(tree.resolve("app.txt"), "hello\nSECRET here\n");
    shopScanner = cluster.token("ci-shop", Set.of("acme/shop"), Set.of("scan"), "");
    shopReader = cluster.token("reader-shop", Set.of("acme/shop"), Set.of("read"), "");
    otherScanner = cluster.token("ci-other", Set.of("acme/other"), Set.of("scan"), "");
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  static GatewayGrpc.GatewayBlockingStub gateway(ManagedChannel channel) {
    return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  static StartScanRequest request(String project, Manifest manifest) {
    return StartScanRequest.newBuilder().setContext(ScanContext.newBuilder().setProject(project).setBranch("main"))
        .setManifest(manifest).build();
  }

  static ScanResult scan(ManagedChannel channel, String project) throws Exception {
    var manifest = SecureCluster.upload(channel, tree);
    String id = gateway(channel).startScan(request(project, manifest)).getScanId();
    var updates = gateway(channel).watchScan(WatchScanRequest.newBuilder().setScanId(id).build());
    ScanResult last = null;
    while (updates.hasNext()) {
      var u = updates.next();
      if (u.hasResult()) {
        last = u.getResult();
      }
    }
    return last;
  }

  static void assertStatus(ThrowingCallable call, Status.Code code, String... absent) {
    assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).as(String.valueOf(e.getStatus().getDescription())).isEqualTo(code);
      for (String s : absent) {
        assertThat(String.valueOf(e.getStatus().getDescription())).doesNotContain(s);
      }
    });
  }

  @Test
  @DisplayName("a scan token scans its project; the gateway fans out to all three scanners over mutual TLS")
  void scanTokenScansItsProjectOverMutualTls() throws Exception {
    var result = scan(cluster.client(shopScanner), "acme/shop");
    assertThat(result.getState()).isEqualTo(ScanState.DONE);
    assertThat(result.getScannersList()).extracting(r -> r.getStatus()).containsOnly(ScannerStatus.OK);
    assertThat(result.getScannersList()).allSatisfy(r -> assertThat(r.getFindings()).isEqualTo(1));
    assertThat(result.getDecision().getVerdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void withoutACredentialEveryCallIsUnauthenticated() throws Exception {
    var anonymous = cluster.client(null);
    assertStatus(() -> gateway(anonymous).startScan(request("acme/shop", Manifest.getDefaultInstance())),
        Status.Code.UNAUTHENTICATED);
    assertStatus(() -> new ContentStoreClient(anonymous).findMissing(List.of(Digests.of(new byte[] {1}))),
        Status.Code.UNAUTHENTICATED);
    assertThat(cluster.audit).anySatisfy(e -> assertThat(e.event()).isEqualTo(AuditEvent.AUTH_FAILED));
  }

  @Test
  void aTokenOfAnotherProjectIsDeniedWithoutLearningAnythingOfIt() throws Exception {
    var other = cluster.client(otherScanner);
    assertStatus(() -> gateway(other).startScan(request("acme/shop", SecureCluster.upload(other, tree))),
        Status.Code.PERMISSION_DENIED);
    var shopScan = scan(cluster.client(shopScanner), "acme/shop");
    assertStatus(() -> gateway(other).getScan(GetScanRequest.newBuilder().setScanId(shopScan.getScanId()).build()),
        Status.Code.PERMISSION_DENIED, "acme/shop");
    assertThat(cluster.audit).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo(AuditEvent.PERMISSION_DENIED);
      assertThat(e.project()).isEqualTo("acme/shop");
      assertThat(e.peer()).startsWith("127.0.0.1:");
    });
  }

  @Test
  @DisplayName("a scan-only token follows its own scans; a read token reads every scan of its project")
  void scanTokensFollowOnlyTheirOwnScans() throws Exception {
    var shopScan = scan(cluster.client(shopScanner), "acme/shop");
    var get = GetScanRequest.newBuilder().setScanId(shopScan.getScanId()).build();
    assertThat(gateway(cluster.client(shopScanner)).getScan(get).getScanId()).isEqualTo(shopScan.getScanId());
    assertThat(gateway(cluster.client(shopReader)).getScan(get).getScanId()).isEqualTo(shopScan.getScanId());
    String colleague = cluster.token("ci-shop-2", Set.of("acme/shop"), Set.of("scan"), "");
    assertStatus(() -> gateway(cluster.client(colleague)).getScan(get), Status.Code.PERMISSION_DENIED);
    assertStatus(() -> gateway(cluster.client(shopReader)).startScan(request("acme/shop", Manifest.getDefaultInstance())),
        Status.Code.PERMISSION_DENIED);
  }

  @Test
  @DisplayName("blobs another caller uploaded are reported missing and cannot be scanned by digest alone")
  void blobsAreUsableOnlyByWhoeverUploadedThem() throws Exception {
    Path secret = Files.createDirectories(work.resolve("shop-only"));
    Files.writeString(secret.resolve("config.txt"), "db-password=only-shop-knows-this\n");
    var shop = cluster.client(shopScanner);
    var manifest = SecureCluster.upload(shop, secret);
    var digests = manifest.getFilesList().stream().map(f -> f.getDigest()).toList();
    var other = cluster.client(otherScanner);
    assertThat(new ContentStoreClient(other).findMissing(digests)).containsExactlyElementsOf(digests);
    assertStatus(() -> gateway(other).startScan(request("acme/other", manifest)), Status.Code.FAILED_PRECONDITION);
    // Uploading the same bytes proves holding them: then the scan may use them.
    SecureCluster.upload(other, secret);
    assertThat(new ContentStoreClient(other).findMissing(digests)).isEmpty();
    assertThat(gateway(other).startScan(request("acme/other", manifest)).getScanId()).isNotBlank();
  }

  @Test
  void onlyScannersReadBlobs() throws Exception {
    var shop = cluster.client(shopScanner);
    var manifest = SecureCluster.upload(shop, tree);
    var read = ReadBlobsRequest.newBuilder().addDigests(manifest.getFiles(0).getDigest()).build();
    assertStatus(() -> ContentStoreGrpc.newBlockingStub(shop).readBlobs(read).forEachRemaining(c -> { }),
        Status.Code.PERMISSION_DENIED);
  }

  @Test
  void expiredAndRevokedTokensAreUnauthenticated() throws Exception {
    String expired = cluster.token("old", Set.of("acme/shop"), Set.of("scan"),
        java.time.Instant.now().plusSeconds(1).toString());
    Thread.sleep(1200);
    assertStatus(() -> gateway(cluster.client(expired)).startScan(request("acme/shop", Manifest.getDefaultInstance())),
        Status.Code.UNAUTHENTICATED);
    String revoked = cluster.token("gone", Set.of("acme/shop"), Set.of("scan"), LocalDate.now().plusDays(3).toString());
    var admin = new dev.bulwark.server.auth.Principal("token:root", "root", dev.bulwark.server.auth.Principal.Kind.TOKEN,
        Set.of("*"), Set.of(dev.bulwark.server.auth.Role.ADMIN), java.util.Optional.empty());
    cluster.tokens.revoke(admin, dev.bulwark.server.auth.token.TokenSecrets.parse(revoked).orElseThrow().id());
    assertStatus(() -> gateway(cluster.client(revoked)).startScan(request("acme/shop", Manifest.getDefaultInstance())),
        Status.Code.UNAUTHENTICATED);
    assertStatus(() -> gateway(cluster.client("bwk_0123456789abcdef_forged")).startScan(
        request("acme/shop", Manifest.getDefaultInstance())), Status.Code.UNAUTHENTICATED);
  }
}
