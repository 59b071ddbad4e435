package dev.bulwark.gateway.testing;

import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.ContentStoreService;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.common.cas.DiskBlobStore;
import dev.bulwark.common.cas.IgnoreRules;
import dev.bulwark.common.cas.TreePacker;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.server.grpc.ManagedGrpcServer;
import dev.bulwark.server.scanner.ScannerEngine;
import dev.bulwark.server.scanner.ScannerGrpcService;
import dev.bulwark.gateway.api.GatewayGrpcService;
import dev.bulwark.gateway.core.ResiliencePolicy;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.gateway.core.ScannerEndpoint;
import dev.bulwark.gateway.store.Databases;
import dev.bulwark.gateway.store.ScanStore;
import java.time.Clock;
import dev.bulwark.v1.GatewayGrpc;
import dev.bulwark.v1.Image;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.ScanResult;
import dev.bulwark.v1.ScanUpdate;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.WatchScanRequest;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway wired to fake scanners and a fake gate, all real gRPC servers on loopback.
 * Scanners read the uploaded files from the gateway's content store, as in production.
 */
public final class GatewayFixture implements AutoCloseable {
  public final FakeGate gate = new FakeGate();
  public final Map<String, List<ManagedGrpcServer>> scannerServers = new LinkedHashMap<>();
  public final ScanCoordinator coordinator;
  public final DiskBlobStore store;
  public final ScanStore scans;
  /** The scans' database: H2 in memory, or PostgreSQL ({@link Spec#postgres()}). */
  private final Databases.Db db;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final ManagedGrpcServer gateServer;
  private final ManagedGrpcServer gatewayServer;
  private final ManagedChannel channel;
  private final List<ScannerEndpoint> endpoints = new ArrayList<>();
  private final String gateTarget;
  private final Spec spec;
  private final List<Replica> replicas = new ArrayList<>();

  /** A further gateway replica on the same database and content store. */
  /**
   * A repository the fake engines find something in ({@code repo} under {@code dir}): App.java with
   * a TODO for the keyword engine, a package-lock.json naming evil-dep for the dependency engine.
   */
  public static Path sampleTree(Path dir) throws IOException {
    Path tree = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(tree.resolve("App.java"), "class App { /* TODO */ }\n");
    Files.writeString(tree.resolve("package-lock.json"), "{\"evil-dep\": \"1.0\"}\n");
    return tree;
  }

  public record Replica(ScanCoordinator coordinator, ManagedGrpcServer server, ManagedChannel channel) {
    public GatewayGrpc.GatewayBlockingStub gateway() {
      return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    /** What a crash looks like: the server and the coordinator stop at once, nothing is released. */
    public void crash() {
      server.kill();
      coordinator.halt();
    }
  }

  /** What to run: engines by scanner name (several = replicas), or a fixed target. */
  public static final class Spec {
    final Map<String, List<ScannerEngine>> engines = new LinkedHashMap<>();
    public final Map<String, String> fixedTargets = new LinkedHashMap<>();
    ResiliencePolicy policy = new ResiliencePolicy(8, Duration.ofSeconds(5), 50, 5, 10,
        Duration.ofMinutes(1), 3, Duration.ofMillis(50));
    String gateTarget;
    Duration lease = Duration.ofSeconds(20);
    Duration watchPoll = Duration.ofMillis(100);
    boolean postgres;

    /** How often watchers look for other replicas' events in the database. */
    public Spec watchPoll(Duration poll) {
      this.watchPoll = poll;
      return this;
    }

    /** Scans in PostgreSQL ({@code BULWARK_TEST_PG_URL}, a fresh schema) instead of H2; skipped without it. */
    public Spec postgres() {
      this.postgres = true;
      return this;
    }

    public Spec lease(Duration lease) {
      this.lease = lease;
      return this;
    }

    public Spec scanner(String name, ScannerEngine... replicas) {
      engines.put(name, List.of(replicas));
      return this;
    }

    /** Points a scanner type at an address nothing listens on. */
    public Spec unreachable(String name) throws IOException {
      fixedTargets.put(name, "127.0.0.1:" + freePort());
      return this;
    }

    public Spec gateUnreachable() throws IOException {
      gateTarget = "127.0.0.1:" + freePort();
      return this;
    }

    public Spec policy(ResiliencePolicy policy) {
      this.policy = policy;
      return this;
    }
  }

  public GatewayFixture(Path work, Spec spec) throws IOException {
    this.spec = spec;
    gateServer = start(ManagedGrpcServer.onLoopback("fake-gate", 0, gate));
    for (String name : List.of("sast", "sca", "container")) {
      String target = spec.fixedTargets.get(name);
      if (target == null) {
        var targets = new ArrayList<String>();
        int i = 0;
        for (ScannerEngine engine : spec.engines.get(name)) {
          var service = new ScannerGrpcService(engine,
              new DiskBlobStore(work.resolve("cache-" + name + "-" + i++)), "");
          closeables.add(service);
          var server = start(ManagedGrpcServer.onLoopback("fake-" + name, 0, service));
          scannerServers.computeIfAbsent(name, n -> new ArrayList<>()).add(server);
          targets.add(server.target());
        }
        target = String.join(",", targets);
      }
      endpoints.add(new ScannerEndpoint(name, target, spec.policy));
    }
    store = new DiskBlobStore(Files.createDirectories(work.resolve("gateway-cas")));
    db = spec.postgres ? Databases.postgres() : Databases.h2();
    scans = db.store();
    gateTarget = spec.gateTarget != null ? spec.gateTarget : gateServer.target();
    coordinator = newCoordinator("gateway-a");
    gatewayServer = start(ManagedGrpcServer.onLoopback("gateway", 0,
        new ContentStoreService(store), new GatewayGrpcService(coordinator)));
    channel = Channels.forTarget(gatewayServer.target());
  }

  private ScanCoordinator newCoordinator(String replica) {
    var settings = new ScanCoordinator.Settings(Duration.ofMinutes(10), "", Duration.ofHours(1), spec.lease,
        spec.watchPoll);
    return new ScanCoordinator(store, scans, endpoints, gateTarget, settings, replica, Clock.systemUTC());
  }

  /** Starts another gateway replica sharing this one's database and content store. */
  public Replica replica(String name) {
    var c = newCoordinator(name);
    var server = start(ManagedGrpcServer.onLoopback(name, 0, new ContentStoreService(store), new GatewayGrpcService(c)));
    var r = new Replica(c, server, Channels.forTarget(server.target()));
    replicas.add(r);
    return r;
  }

  /** The first replica as a {@link Replica}, to crash it. */
  public Replica first() {
    return new Replica(coordinator, gatewayServer, channel);
  }

  private ManagedGrpcServer start(ManagedGrpcServer server) {
    server.start();
    return server;
  }

  public ManagedGrpcServer scanner(String name) {
    return scannerServers.get(name).get(0);
  }

  public GatewayGrpc.GatewayBlockingStub gateway() {
    return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  /** Packs and uploads a folder (and image files) the way the CLI does. */
  public Manifest upload(Path folder, Path... images) throws IOException {
    var client = new ContentStoreClient(channel);
    var tree = TreePacker.pack(folder, IgnoreRules.NONE);
    client.upload(tree.blobs());
    var manifest = Manifest.newBuilder().addAllFiles(tree.files());
    for (Path image : images) {
      var d = Digests.of(image);
      client.upload(Map.of(d, image));
      manifest.addImages(Image.newBuilder().setName(image.getFileName().toString()).setArchive(d));
    }
    return manifest.build();
  }

  public static StartScanRequest request(Manifest manifest, int deadlineSeconds) {
    return StartScanRequest.newBuilder().setContext(ScanContext.newBuilder().setProject("acme/app").setBranch("main"))
        .setManifest(manifest).setDeadlineSeconds(deadlineSeconds).build();
  }

  /** Every update WatchScan streams, up to and including the final result. */
  public List<ScanUpdate> watch(String scanId) {
    var updates = new ArrayList<ScanUpdate>();
    gateway().watchScan(WatchScanRequest.newBuilder().setScanId(scanId).build()).forEachRemaining(updates::add);
    return updates;
  }

  /** Starts a scan and waits for its final result. */
  public ScanResult scan(Manifest manifest, int deadlineSeconds) {
    String id = gateway().startScan(request(manifest, deadlineSeconds)).getScanId();
    var updates = watch(id);
    return updates.get(updates.size() - 1).getResult();
  }

  public static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    for (Replica r : replicas) {
      Channels.close(r.channel());
      r.server().kill();
      r.coordinator().halt();
    }
    Channels.close(channel);
    gatewayServer.kill();
    coordinator.close();
    db.close();
    for (var servers : scannerServers.values()) {
      servers.forEach(ManagedGrpcServer::kill);
    }
    for (AutoCloseable c : closeables) {
      c.close();
    }
    gateServer.kill();
  }
}
