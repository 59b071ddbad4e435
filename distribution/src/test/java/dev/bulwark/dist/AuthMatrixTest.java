package dev.bulwark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.common.auth.BearerCredentials;
import dev.bulwark.common.auth.LocalAdminToken;
import dev.bulwark.common.cas.ContentStoreClient;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.common.grpc.TlsFiles;
import dev.bulwark.common.grpc.TlsMaterial;
import dev.bulwark.common.testing.TestCertificates;
import dev.bulwark.v1.AddSuppressionRequest;
import dev.bulwark.v1.AuthGrpc;
import dev.bulwark.v1.ContentStoreGrpc;
import dev.bulwark.v1.CreateTokenRequest;
import dev.bulwark.v1.EvaluateRequest;
import dev.bulwark.v1.FindMissingBlobsRequest;
import dev.bulwark.v1.GateGrpc;
import dev.bulwark.v1.GatewayGrpc;
import dev.bulwark.v1.GetProjectPolicyRequest;
import dev.bulwark.v1.GetScanRequest;
import dev.bulwark.v1.ListDecisionsRequest;
import dev.bulwark.v1.ListSuppressionsRequest;
import dev.bulwark.v1.ListTokensRequest;
import dev.bulwark.v1.Manifest;
import dev.bulwark.v1.OverrideDecisionRequest;
import dev.bulwark.v1.ReadBlobsRequest;
import dev.bulwark.v1.RemoveSuppressionRequest;
import dev.bulwark.v1.RevokeTokenRequest;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.SetProjectPolicyRequest;
import dev.bulwark.v1.StartScanRequest;
import dev.bulwark.v1.Suppression;
import dev.bulwark.v1.WatchScanRequest;
import dev.bulwark.v1.WhoAmIRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every RPC of the gateway and the gate × {no credential, expired, revoked, wrong project, wrong
 * role, right role}, over real gRPC and real TLS (a certificate made here) against the whole
 * embedded cluster: exactly UNAUTHENTICATED, PERMISSION_DENIED or OK, and no refusal carries any
 * of acme/shop's data to a caller of acme/other.
 */
@DisplayName("The access matrix: every RPC × every kind of credential, over TLS")
class AuthMatrixTest {
  static final String SHOP = "acme/shop";
  /** Strings only acme/shop's data holds: none may appear in a refusal. */
  static final List<String> SHOP_DATA = List.of("SHOP-REASON-7f3", "SHOP-POLICY-7f3", "shop-secret.txt", "ci-shop-7f3");

  @TempDir
  static Path dir;
  static EmbeddedCluster cluster;
  static ClientSecurity tls;
  static String admin;
  static final Map<String, String> tokens = new LinkedHashMap<>();
  static String shopScan;

  @BeforeAll
  static void start() throws Exception {
    var ca = TestCertificates.authority("matrix-ca");
    Path certs = ca.issue("localhost").writeTo(dir.resolve("tls"));
    cluster = EmbeddedCluster.fromClasspath().requireComplete();
    cluster.start(new LocalCluster.Settings(dir.resolve("home"), Optional.empty(), Map.of(), 0, "127.0.0.1",
        new LocalCluster.Security(true, Optional.of(certs.resolve("tls.crt")), Optional.of(certs.resolve("tls.key")),
            false)));
    tls = ClientSecurity.tls(TlsMaterial.load(TlsFiles.trusting(Optional.of(certs.resolve("ca.crt")))));
    admin = LocalAdminToken.read(dir.resolve("home")).orElseThrow();
    for (String role : List.of("scan", "read", "triage", "policy-admin", "override", "admin")) {
      tokens.put(role, create(SHOP, role, (role.equals("scan") ? "ci-shop-7f3" : "shop-" + role), ""));
      tokens.put("other-" + role, create("acme/other", role, "other-" + role, ""));
    }
    Instant expiry = Instant.now().plusSeconds(2);
    tokens.put("expired", create(SHOP, "admin", "expired", expiry.toString()));
    String revoked = create(SHOP, "admin", "revoked", "");
    auth(admin).revokeToken(RevokeTokenRequest.newBuilder().setId(revoked.substring(4, 20)).build());
    tokens.put("revoked", revoked);
    gate(admin).setProjectPolicy(SetProjectPolicyRequest.newBuilder().setProject(SHOP)
        .setPolicy("# SHOP-POLICY-7f3\nversion: 1\n").build());
    shopScan = scan(tokens.get("scan"));
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis() + 100)); // the expired token expires
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static ManagedChannel channel(String service, String token) {
    var security = token == null ? tls : tls.withCredentials(BearerCredentials.of(token));
    return Channels.forTarget(cluster.target(service), security);
  }

  static GatewayGrpc.GatewayBlockingStub gateway(String token) {
    return GatewayGrpc.newBlockingStub(channel("gateway", token)).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  static GateGrpc.GateBlockingStub gate(String token) {
    return GateGrpc.newBlockingStub(channel("gate", token)).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  static AuthGrpc.AuthBlockingStub auth(String token) {
    return AuthGrpc.newBlockingStub(channel("gate", token)).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  static String create(String project, String role, String name, String expires) {
    return auth(admin).createToken(CreateTokenRequest.newBuilder().setName(name).addProjects(project).addRoles(role)
        .setExpiresAt(expires).build()).getToken();
  }

  /** A finished FAIL scan of acme/shop (a committed AWS key), started with {@code token}. */
  static String scan(String token) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree-" + System.nanoTime()));
    // A committed AWS key (a file of the vulnerable-app fixture): the default policy FAILs on it.
    Files.createDirectories(tree.resolve("config"));
    Files.writeString(tree.resolve("config/application.properties"), Files.readString(
        dev.bulwark.common.testing.SharedFixtures.vulnerableApp().resolve("config/application.properties")));
    var channel = channel("gateway", token);
    var packed = dev.bulwark.common.cas.TreePacker.pack(tree, dev.bulwark.common.cas.IgnoreRules.NONE);
    new ContentStoreClient(channel).upload(packed.blobs());
    String id = GatewayGrpc.newBlockingStub(channel).startScan(StartScanRequest.newBuilder()
        .setContext(ScanContext.newBuilder().setProject(SHOP)).setManifest(Manifest.newBuilder()
            .addAllFiles(packed.files())).build()).getScanId();
    GatewayGrpc.newBlockingStub(channel).watchScan(WatchScanRequest.newBuilder().setScanId(id).build())
        .forEachRemaining(u -> { });
    return id;
  }

  /** One RPC: the role that opens it (null: none does, services only) and the call. */
  record Rpc(String name, String role, Consumer<String> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Rpc> rpcs() {
    return List.of(
        new Rpc("Gateway/StartScan", "scan", t -> gateway(t).startScan(StartScanRequest.newBuilder()
            .setContext(ScanContext.newBuilder().setProject(SHOP)).build())),
        new Rpc("Gateway/GetScan", "scan", t -> gateway(t).getScan(GetScanRequest.newBuilder().setScanId(shopScan).build())),
        new Rpc("Gateway/WatchScan", "scan", t -> gateway(t).watchScan(WatchScanRequest.newBuilder()
            .setScanId(shopScan).build()).forEachRemaining(u -> { })),
        new Rpc("ContentStore/FindMissingBlobs", "scan", t -> ContentStoreGrpc.newBlockingStub(channel("gateway", t))
            .findMissingBlobs(FindMissingBlobsRequest.newBuilder().addDigests(Digests.of(new byte[] {7})).build())),
        new Rpc("ContentStore/UploadBlobs", "scan", t -> {
          try {
            new ContentStoreClient(channel("gateway", t)).upload(Map.of(Digests.of(new byte[] {7}),
                Files.write(dir.resolve("blob-" + System.nanoTime()), new byte[] {7})));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }),
        new Rpc("ContentStore/ReadBlobs", null, t -> ContentStoreGrpc.newBlockingStub(channel("gateway", t))
            .readBlobs(ReadBlobsRequest.newBuilder().addDigests(Digests.of(new byte[] {7})).build())
            .forEachRemaining(c -> { })),
        new Rpc("Gate/Evaluate", null, t -> gate(t).evaluate(EvaluateRequest.newBuilder().setScanId("x")
            .setContext(ScanContext.newBuilder().setProject(SHOP)).build())),
        new Rpc("Gate/ListDecisions", "read", t -> gate(t).listDecisions(ListDecisionsRequest.newBuilder()
            .setProject(SHOP).build())),
        new Rpc("Gate/ListSuppressions", "read", t -> gate(t).listSuppressions(ListSuppressionsRequest.newBuilder()
            .setProject(SHOP).build())),
        new Rpc("Gate/GetProjectPolicy", "read", t -> gate(t).getProjectPolicy(GetProjectPolicyRequest.newBuilder()
            .setProject(SHOP).build())),
        new Rpc("Gate/AddSuppression", "triage", t -> gate(t).addSuppression(suppression())),
        new Rpc("Gate/RemoveSuppression", "triage", t -> {
          String id = gate(admin).addSuppression(suppression()).getId();
          gate(t).removeSuppression(RemoveSuppressionRequest.newBuilder().setId(id).build());
        }),
        new Rpc("Gate/SetProjectPolicy", "policy-admin", t -> gate(t).setProjectPolicy(SetProjectPolicyRequest
            .newBuilder().setProject(SHOP).setPolicy("# SHOP-POLICY-7f3\nversion: 1\n").build())),
        new Rpc("Gate/OverrideDecision", "override", t -> {
          String scanId;
          try {
            scanId = t != null && t.equals(tokens.get("override")) ? scan(tokens.get("scan")) : shopScan;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          gate(t).overrideDecision(OverrideDecisionRequest.newBuilder().setScanId(scanId)
              .setJustification("matrix").setIdentity("someone-else").build());
        }),
        new Rpc("Auth/CreateToken", "admin", t -> auth(t).createToken(CreateTokenRequest.newBuilder().setName("made")
            .addProjects(SHOP).addRoles("read").build())),
        new Rpc("Auth/ListTokens", "admin", t -> {
          String listed = auth(t).listTokens(ListTokensRequest.getDefaultInstance()).toString();
          if (t != null && t.equals(tokens.get("other-admin"))) {
            assertThat(listed).as("another project's admin sees none of acme/shop's tokens").doesNotContain("ci-shop-7f3");
          }
        }),
        new Rpc("Auth/RevokeToken", "admin", t -> {
          String victim = create(SHOP, "read", "victim", "").substring(4, 20);
          auth(t).revokeToken(RevokeTokenRequest.newBuilder().setId(victim).build());
        }));
  }

  static AddSuppressionRequest suppression() {
    return AddSuppressionRequest.newBuilder().setSuppression(Suppression.newBuilder().setProject(SHOP)
        .setRule("matrix.never-raised")
        .setReason("SHOP-REASON-7f3").setExpires(java.time.LocalDate.now().plusDays(30).toString()))
        .build();
  }

  /** A role that does not open the method (for the "wrong role" column), null when every role opens it. */
  static String wrongRole(String role) {
    return switch (role) {
      case "scan" -> "triage";
      case "read", "triage", "policy-admin", "override" -> "scan";
      case "admin" -> "override";
      default -> "read";
    };
  }

  static Stream<Arguments> matrix() {
    var rows = new ArrayList<Arguments>();
    for (Rpc rpc : rpcs()) {
      rows.add(Arguments.of(rpc, "no credential", Status.Code.UNAUTHENTICATED));
      rows.add(Arguments.of(rpc, "expired", Status.Code.UNAUTHENTICATED));
      rows.add(Arguments.of(rpc, "revoked", Status.Code.UNAUTHENTICATED));
      String role = rpc.role() == null ? "admin" : rpc.role();
      // Listing tokens and asking who one is are not about a project: another project's admin gets its own view.
      boolean projectless = rpc.name().equals("Auth/ListTokens") || rpc.name().startsWith("ContentStore/Find")
          || rpc.name().startsWith("ContentStore/Upload"); // blobs belong to their uploader, not to a project
      // A token of another project is refused; revoking one is NOT_FOUND: its existence is not told.
      rows.add(Arguments.of(rpc, "wrong project", rpc.role() == null ? Status.Code.PERMISSION_DENIED
          : projectless ? Status.Code.OK : rpc.name().equals("Auth/RevokeToken") ? Status.Code.NOT_FOUND
          : Status.Code.PERMISSION_DENIED));
      boolean scanOrRead = rpc.name().startsWith("Gateway/GetScan") || rpc.name().startsWith("Gateway/WatchScan");
      if (!scanOrRead) { // every role opens GetScan/WatchScan (scan: own scans; the others grant read)
        rows.add(Arguments.of(rpc, "wrong role", Status.Code.PERMISSION_DENIED));
      }
      rows.add(Arguments.of(rpc, "right role", rpc.role() == null ? Status.Code.PERMISSION_DENIED : Status.Code.OK));
    }
    return rows.stream();
  }

  static String credential(Rpc rpc, String column) {
    String role = rpc.role() == null ? "admin" : rpc.role();
    return switch (column) {
      case "no credential" -> null;
      case "expired", "revoked" -> tokens.get(column);
      case "wrong project" -> tokens.get("other-" + role);
      case "wrong role" -> tokens.get(wrongRole(role));
      default -> tokens.get(role);
    };
  }

  @ParameterizedTest(name = "{0} with {1} → {2}")
  @MethodSource("matrix")
  void everyRpcAnswersExactlyAsTheAccessTableSays(Rpc rpc, String column, Status.Code expected) {
    Status.Code actual = Status.Code.OK;
    String description = "";
    try {
      rpc.call().accept(credential(rpc, column));
    } catch (StatusRuntimeException e) {
      actual = e.getStatus().getCode();
      description = String.valueOf(e.getStatus().getDescription());
    }
    assertThat(actual).as(rpc + " with " + column + ": " + description).isEqualTo(expected);
    for (String marker : SHOP_DATA) {
      assertThat(description).as("refusal leaks acme/shop's data").doesNotContain(marker);
    }
  }

  @org.junit.jupiter.api.Test
  @DisplayName("bulwark override with a scan token is denied; with an override token the decision records the token's identity")
  void overrideRecordsTheAuthenticatedIdentity() throws Exception {
    String scanId = scan(tokens.get("scan"));
    String ca = dir.resolve("tls/ca.crt").toString();
    var denied = cli("override", scanId, "--gate", cluster.target("gate"), "--tls-ca", ca, "--token",
        tokens.get("scan"), "--justification", "ship it", "--identity", "the-ceo");
    assertThat(denied.exitCode()).as(denied.err()).isEqualTo(2);
    assertThat(denied.err()).contains("lacks the role this method needs (override)");
    var me = auth(tokens.get("override")).whoAmI(WhoAmIRequest.getDefaultInstance());
    var done = cli("override", scanId, "--gate", cluster.target("gate"), "--tls-ca", ca, "--token",
        tokens.get("override"), "--justification", "ship it", "--identity", "the-ceo");
    assertThat(done.exitCode()).as(done.err()).isZero();
    assertThat(done.out()).contains("overridden to PASS by " + me.getId());
    var recorded = gate(tokens.get("read")).listDecisions(ListDecisionsRequest.newBuilder().setProject(SHOP).build())
        .getDecisionsList().stream().filter(d -> d.getScanId().equals(scanId)).findFirst().orElseThrow();
    assertThat(recorded.getOverrideIdentity()).isEqualTo(me.getId()).startsWith("token:").isNotEqualTo("the-ceo");
  }

  static dev.bulwark.cli.testing.CliRun cli(String... args) {
    return dev.bulwark.cli.testing.CliRun.run(dir.resolve("cli-home"), List.of(), args);
  }
}
