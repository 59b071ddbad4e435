package dev.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.TlsFiles;
import dev.bulwark.common.grpc.TlsMaterial;
import dev.bulwark.common.testing.TestCertificates;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.server.grpc.ServerSecurity;
import dev.bulwark.server.scanner.ScanOutcome;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.server.scanner.ScannerGrpcService;
import dev.bulwark.v1.DescribeRequest;
import dev.bulwark.v1.ScannerGrpc;
import dev.bulwark.v1.ScannerInfo;
import dev.bulwark.v1.ScannerStatus;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsServerCredentials.ClientAuth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A scanner over mutual TLS accepts only the gateway's certificate and picks up rotated files")
class MutualTlsTest {
  @TempDir
  static Path dir;
  static TestCertificates.Authority ca;
  static Path serverDir;
  static ManagedGrpcServer server;
  static TlsMaterial serverTls;

  @BeforeAll
  static void start() throws Exception {
    ca = TestCertificates.authority("bulwark-test-ca");
    serverDir = ca.issue("scanner-sast").writeTo(dir.resolve("sast"));
    serverTls = TlsMaterial.load(files(serverDir, Duration.ofMillis(100)));
    server = scanner(serverTls);
  }

  /** A real scanner service (a trivial engine) behind mutual TLS and the access rules. */
  static ManagedGrpcServer scanner(TlsMaterial tls) {
    ScannerEngine engine = new ScannerEngine() {
      @Override
      public String name() {
        return "sast";
      }

      @Override
      public ScannerInfo describe() {
        return ScannerInfo.newBuilder().setName("sast").setVersion("test").build();
      }

      @Override
      public ScanOutcome scan(dev.bulwark.server.scanner.ScanWorkspace w, dev.bulwark.server.scanner.FindingSink s) {
        return new ScanOutcome(ScannerStatus.OK, "", 0);
      }
    };
    var security = new ServerSecurity(Optional.of(tls), ClientAuth.REQUIRE,
        List.of(AuthInterceptor.enforcing(Authenticator.NONE, ResourceOwners.NONE, AuditLog.LOG_ONLY)));
    var started = new ManagedGrpcServer("sast", "127.0.0.1", 0, Duration.ofSeconds(2), 4 << 20,
        List.of(new ScannerGrpcService(engine, new DiskBlobStore(dir.resolve("cache")), "")), null, security);
    started.start();
    return started;
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    serverTls.close();
  }

  static TlsFiles files(Path d, Duration refresh) {
    return TlsFiles.mutual(d.resolve("tls.crt"), d.resolve("tls.key"), d.resolve("ca.crt"), refresh);
  }

  static ScannerInfo describe(ClientSecurity security) {
    return describe(server, security);
  }

  static ScannerInfo describe(ManagedGrpcServer target, ClientSecurity security) {
    ManagedChannel channel = Channels.forTarget("localhost:" + target.port(), security);
    try {
      return ScannerGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .describe(DescribeRequest.getDefaultInstance());
    } finally {
      channel.shutdownNow();
    }
  }

  static ClientSecurity as(TestCertificates.Identity identity, Path where) throws Exception {
    return ClientSecurity.tls(TlsMaterial.load(files(identity.writeTo(where), Duration.ofMinutes(1))));
  }

  @Test
  void theGatewaysCertificateIsServed() throws Exception {
    assertThat(describe(as(ca.issue("gateway"), dir.resolve("gateway"))).getName()).isEqualTo("sast");
  }

  @Test
  void plainTextIsRefused() {
    assertThatThrownBy(() -> describe(ClientSecurity.NONE)).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
  }

  @Test
  void aCertificateOfAnotherAuthorityIsRefusedInTheHandshake() throws Exception {
    var stranger = TestCertificates.authority("stranger-ca").issue("gateway");
    // The stranger trusts our CA (so it gets as far as the handshake), but its own certificate is not ours.
    var d = stranger.writeTo(dir.resolve("stranger"));
    ca.writeCa(d.resolve("ca.crt"));
    var security = ClientSecurity.tls(TlsMaterial.load(files(d, Duration.ofMinutes(1))));
    assertThatThrownBy(() -> describe(security)).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
  }

  @Test
  void withoutAClientCertificateTheHandshakeFails() {
    var security = ClientSecurity.tls(TlsMaterial.load(TlsFiles.trusting(Optional.of(serverDir.resolve("ca.crt")))));
    assertThatThrownBy(() -> describe(security)).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
  }

  @Test
  void anotherServicesCertificateIsDenied() throws Exception {
    var security = as(ca.issue("scanner-sca"), dir.resolve("sca"));
    assertThatThrownBy(() -> describe(security)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(e.getStatus().getDescription()).contains("service:scanner-sca").contains("gateway");
    });
  }

  @Test
  @DisplayName("a rotated CA and server certificate on disk are used without a restart")
  void rotationOnDiskIsPickedUp() throws Exception {
    Path rotating = ca.issue("scanner-sast").writeTo(dir.resolve("rotating"));
    try (var tls = TlsMaterial.load(files(rotating, Duration.ofMillis(100)))) {
      var own = scanner(tls);
      try {
        rotate(own, rotating);
      } finally {
        own.stop();
      }
    }
  }

  private static void rotate(ManagedGrpcServer own, Path serverDir) throws Exception {
    assertThat(describe(own, as(ca.issue("gateway"), dir.resolve("gw-before"))).getName()).isEqualTo("sast");
    var next = TestCertificates.authority("bulwark-next-ca");
    var client = as(next.issue("gateway"), dir.resolve("next-gateway"));
    assertThatThrownBy(() -> describe(own, client)).isInstanceOf(StatusRuntimeException.class);

    next.issue("scanner-sast").writeTo(serverDir); // what cert-manager does to the mounted Secret
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    ScannerInfo info = null;
    while (info == null && System.nanoTime() < deadline) {
      try {
        info = describe(own, client);
      } catch (StatusRuntimeException notYet) {
        Thread.sleep(100);
      }
    }
    assertThat(info).as("served with the rotated certificate").isNotNull();
    var old = as(ca.issue("gateway"), dir.resolve("old-gateway"));
    assertThatThrownBy(() -> describe(own, old)).as("the old CA is no longer trusted").isInstanceOf(StatusRuntimeException.class);
  }
}
