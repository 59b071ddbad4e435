package dev.bulwark.gate;

import dev.bulwark.gate.api.GateGrpcService;
import dev.bulwark.gate.audit.AuditSink;
import dev.bulwark.gate.dashboard.Dashboard;
import dev.bulwark.gate.dashboard.EmbeddedDashboard;
import dev.bulwark.gate.dashboard.ViewerResolver;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionHistory;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.advisories.intel.ExploitIntel;
import dev.bulwark.advisories.intel.IntelSource;
import dev.bulwark.gate.auth.GateAuth;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import io.grpc.BindableService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The gate inside the embedded cluster: an H2 file database under {@code <home>/gate}, migrated
 * on start, its pool closed when the cluster stops; exploit intel from {@code <home>/intel}
 * ({@code kev.json} or {@code kev.csv}, {@code epss.csv}) when present; an audit feed when the
 * options {@value #AUDIT_FILE} or {@value #AUDIT_WEBHOOK} are given.
 */
public final class GateEmbeddedService implements EmbeddedService {
  /** Option naming a JSON-lines file the audit feed appends to. */
  public static final String AUDIT_FILE = "gate.auditFile";
  /** Option naming a URL the audit feed POSTs to. */
  public static final String AUDIT_WEBHOOK = "gate.auditWebhook";
  /**
   * Option that starts the decisions dashboard on {@code host:port} (port 0: a free one), advertised
   * as the link "dashboard". Off unless given ({@code bulwark cluster} gives it; a one-off
   * {@code bulwark scan} does not, as it would only add start-up time).
   */
  public static final String DASHBOARD = "gate.dashboard";

  @Override
  public String name() {
    return "gate";
  }

  @Override
  public int startOrder() {
    return 20;
  }

  @Override
  public List<BindableService> create(EmbeddedContext context) throws Exception {
    var pool = H2Files.pool(context.home().resolve("gate"));
    context.closeOnStop(pool::dispose);
    var store = JdbiDecisionStore.migrated(pool);
    var audit = AuditSink.configured(context.option(AUDIT_FILE).orElse(""), context.option(AUDIT_WEBHOOK).orElse(""));
    context.closeOnStop(audit);
    var gate = new Gate(store, Clock.systemUTC(), intel(context.home().resolve("intel")), audit);
    var auth = GateAuth.wire(store.jdbi(), store, List.of(), audit, Clock.systemUTC());
    if (context.trust().isEnforcing()) {
      auth.ensureLocalAdmin(context.home()); // $BULWARK_HOME/admin-token, 0600: what the CLI sends
    }
    context.guard(auth.authenticator(), auth.owners());
    var dashboardAt = context.option(DASHBOARD);
    if (dashboardAt.isPresent()) {
      var address = HostAndPort.parse(dashboardAt.get());
      var dashboard = EmbeddedDashboard.start(address.host(), address.port(), new Dashboard(
          new JdbiDecisionHistory(store.jdbi()), store.suppressions(), store.policies(), Clock.systemUTC()),
          context.trust().isEnforcing() ? auth.viewers() : ViewerResolver.everyone());
      context.closeOnStop(dashboard);
      context.advertise("dashboard", dashboard.url().toString());
    }
    return List.of(new GateGrpcService(gate, audit), auth.service());
  }

  /** The gate keeps the cluster's tokens: with it, the embedded cluster authenticates every call. */
  @Override
  public boolean issuesCredentials() {
    return true;
  }

  /** A {@code host:port} option. */
  record HostAndPort(String host, int port) {
    static HostAndPort parse(String value) {
      int colon = value.lastIndexOf(':');
      try {
        return new HostAndPort(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(DASHBOARD + " must be host:port, not '" + value + "'", e);
      }
    }
  }

  /** {@code kev.json} (or {@code kev.csv}) and {@code epss.csv} of the folder, those present. */
  static ExploitIntel intel(Path dir) {
    Optional<IntelSource> kev = Stream.of("kev.json", "kev.csv").map(dir::resolve).filter(Files::isRegularFile)
        .findFirst().map(IntelSource::file);
    Optional<IntelSource> epss = Optional.of(dir.resolve("epss.csv")).filter(Files::isRegularFile)
        .map(IntelSource::file);
    return ExploitIntel.load(kev, epss);
  }
}
