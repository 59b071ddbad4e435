package dev.bulwark.gateway.testing;

import dev.bulwark.common.auth.BearerCredentials;
import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.cas.IgnoreRules;
import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.TlsFiles;
import dev.bulwark.common.grpc.TlsMaterial;
import dev.bulwark.common.testing.TestCertificates;
import dev.bulwark.gateway.auth.GatewaySecurity;
import dev.bulwark.gateway.auth.Limits;
import dev.bulwark.gateway.core.ResiliencePolicy;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.gateway.core.ScannerEndpoint;
import dev.bulwark.server.audit.AuditEvent;
import dev.bulwark.server.auth.AuthInterceptor;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.server.auth.ResourceOwners;
import dev.bulwark.server.auth.token.ApiTokens;
import dev.bulwark.server.auth.token.AuthGrpcService;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.server.grpc.ServerSecurity;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.server.scanner.ScannerGrpcService;
import dev.bulwark.server.testing.InMemoryTokenStore;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.Severity;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.TlsServerCredentials.ClientAuth;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The production trust model on loopback: a CA made in the test, every hop over TLS with
 * certificates named after the services, scanners accepting only the gateway, the gate keeping
 * API tokens (in memory here) and answering the gateway's WhoAmI, the gateway guarded by
 * {@link GatewaySecurity}. Clients connect with TLS and a bearer token.
 */
public final class SecureCluster implements AutoCloseable {
  public final TestCertificates.Authority ca = TestCertificates.authority("bulwark-test-ca");
  public final ApiTokens tokens = new ApiTokens(new InMemoryTokenStore(), Clock.systemUTC());
  public final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
  public final FakeGate gate = new FakeGate();
  public final ScanCoordinator coordinator;
  public final ManagedGrpcServer gatewayServer;
  private final Path work;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<ManagedGrpcServer> servers = new ArrayList<>();

  public SecureCluster(Path work, Limits limits) throws IOException {
    this.work = work;
    var gateServer = serve("gate", ClientAuth.OPTIONAL, tokens, ResourceOwners.NONE,
        List.of(new AuthGrpcService(tokens, audit::add, Clock.systemUTC()), gate));
    var endpoints = new ArrayList<ScannerEndpoint>();
    for (String name : List.of("sast", "sca", "container")) {
      ScannerEngine engine = new FakeEngines.KeywordEngine(name, "SECRET", Severity.HIGH);
      var service = new ScannerGrpcService(engine, new DiskBlobStore(work.resolve("cache-" + name)), "",
          identity("scanner-" + name));
      closeables.add(service);
      var server = serve("scanner-" + name, ClientAuth.REQUIRE, Authenticator.NONE, ResourceOwners.NONE,
          List.of(service));
      endpoints.add(new ScannerEndpoint(name, "localhost:" + server.port(), new ResiliencePolicy(8,
          Duration.ofSeconds(5), 50, 5, 10, Duration.ofMinutes(1), 1, Duration.ofMillis(50))));
    }
    var store = new DiskBlobStore(work.resolve("gateway-cas"));
    var gatewayTls = identity("gateway");
    coordinator = new ScanCoordinator(store, endpoints, "localhost:" + gateServer.port(),
        ScanCoordinator.Settings.defaults(), gatewayTls);
    ManagedChannel toGate = Channels.forTarget("localhost:" + gateServer.port(), gatewayTls);
    closeables.add(toGate::shutdownNow);
    var guarded = GatewaySecurity.wire(store, coordinator, toGate, limits, audit::add);
    gatewayServer = serve("gateway", ClientAuth.OPTIONAL, guarded.authenticator(), guarded.owners(),
        guarded.services(), guarded.rateLimits());
    closeables.add(coordinator);
  }

  private ManagedGrpcServer serve(String name, ClientAuth clientAuth, Authenticator authenticator,
      ResourceOwners owners, List<BindableService> services, io.grpc.ServerInterceptor... limits) throws IOException {
    var tls = TlsMaterial.load(files(ca.issue(name).writeTo(work.resolve("tls-" + name))));
    closeables.add(tls);
    var interceptors = new ArrayList<io.grpc.ServerInterceptor>();
    interceptors.add(AuthInterceptor.enforcing(authenticator, owners, audit::add));
    interceptors.addAll(List.of(limits));
    var server = new ManagedGrpcServer(name, "127.0.0.1", 0, Duration.ofSeconds(2), 64 << 20, services, null,
        new ServerSecurity(Optional.of(tls), clientAuth, interceptors));
    server.start();
    servers.add(0, server);
    return server;
  }

  private static TlsFiles files(Path dir) {
    return TlsFiles.mutual(dir.resolve("tls.crt"), dir.resolve("tls.key"), dir.resolve("ca.crt"), Duration.ofMinutes(1));
  }

  /** What a service presents: its certificate. */
  public ClientSecurity identity(String service) throws IOException {
    var tls = TlsMaterial.load(files(ca.issue(service).writeTo(work.resolve("client-" + service))));
    closeables.add(tls);
    return ClientSecurity.tls(tls);
  }

  /** Issues a token as an org admin would. */
  public String token(String name, Set<String> projects, Set<String> roles, String expires) {
    var admin = new Principal("token:root", "root", Principal.Kind.TOKEN, Set.of("*"),
        Set.of(dev.bulwark.server.auth.Role.ADMIN), Optional.empty());
    return tokens.create(admin, name, projects, roles, expires).token();
  }

  /** A TLS channel to the gateway (trusting the test CA), sending {@code token} when not null. */
  public ManagedChannel client(String token) throws IOException {
    var tls = TlsMaterial.load(TlsFiles.trusting(Optional.of(ca.writeCa(work.resolve("client-ca.crt")))));
    closeables.add(tls);
    var security = ClientSecurity.tls(tls);
    if (token != null) {
      security = security.withCredentials(BearerCredentials.of(token));
    }
    var channel = Channels.forTarget("localhost:" + gatewayServer.port(), security);
    closeables.add(channel::shutdownNow);
    return channel;
  }

  /** Packs and uploads a folder over {@code channel}, as the CLI does. */
  public static Manifest upload(ManagedChannel channel, Path folder) throws IOException {
    var client = new ContentStoreClient(channel);
    var tree = TreePacker.pack(folder, IgnoreRules.NONE);
    client.upload(tree.blobs());
    return Manifest.newBuilder().addAllFiles(tree.files()).build();
  }

  @Override
  public void close() throws Exception {
    for (var s : servers) {
      s.kill();
    }
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }
}
