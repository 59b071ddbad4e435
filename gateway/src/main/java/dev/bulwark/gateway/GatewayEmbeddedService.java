package dev.bulwark.gateway;

import dev.bulwark.common.grpc.Channels;
import dev.bulwark.common.grpc.ClientSecurity;
import dev.bulwark.gateway.auth.GatewaySecurity;
import dev.bulwark.gateway.auth.Limits;
import dev.bulwark.server.audit.AuditLog;
import dev.bulwark.gateway.core.ResiliencePolicy;
import dev.bulwark.gateway.core.ScanCoordinator;
import dev.bulwark.gateway.core.ScannerEndpoint;
import dev.bulwark.gateway.gc.BlobCollector;
import dev.bulwark.gateway.gc.Housekeeping;
import dev.bulwark.gateway.store.GatewayDatabase;
import dev.bulwark.gateway.store.CallerRecords;
import dev.bulwark.gateway.store.ScanStore;
import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import io.grpc.BindableService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway inside the embedded cluster: content store under {@code <home>/gateway/cas} (which
 * the embedded scanners read directly), scans in an H2 file database under {@code <home>/gateway/db},
 * scanners and gate at the loopback addresses of the services started before it. Several gateways
 * of one process (tests) share both, as replicas share PostgreSQL and a bucket.
 */
public class GatewayEmbeddedService implements EmbeddedService {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayEmbeddedService.class);
  /** Option: a scan lease in milliseconds (tests shorten it). */
  public static final String LEASE_MILLIS = "gateway.leaseMillis";
  /** Gateway replicas of this process: no other process can open the H2 file while we hold it. */
  private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public int startOrder() {
    return 30;
  }

  @Override
  public List<BindableService> create(EmbeddedContext context) {
    var blobs = context.contentStore();
    var pool = GatewayDatabase.h2Pool(context.home().resolve("gateway").resolve("db"));
    context.closeOnStop(pool::dispose);
    var scans = ScanStore.migrated(Jdbi.create(pool), pool);
    var scanners = GatewayConfiguration.SCANNERS.stream()
        .map(name -> new ScannerEndpoint(name, context.target(name), ResiliencePolicy.defaults()))
        .toList();
    var settings = ScanCoordinator.Settings.defaults();
    var lease = context.option(LEASE_MILLIS).map(Long::parseLong).map(Duration::ofMillis);
    if (lease.isPresent()) {
      settings = settings.withLease(lease.get());
    }
    String replica = ScanCoordinator.newReplicaId("embedded-" + name());
    var coordinator = new ScanCoordinator(blobs, scans, scanners, context.target("gate"), settings, replica,
        Clock.systemUTC(), context.clientSecurity());
    LIVE.add(replica);
    int orphans = coordinator.abandonOrphans(Set.copyOf(LIVE),
        "the embedded cluster that ran this scan stopped before the scan finished");
    if (orphans > 0) {
      LOG.info("ended {} scan(s) left running by an earlier embedded cluster", orphans);
    }
    var housekeeping = new Housekeeping(scans, new BlobCollector(blobs, scans, Duration.ofDays(7)),
        settings.retention(), Duration.ofHours(1), Clock.systemUTC());
    context.closeOnStop(() -> {
      LIVE.remove(replica);
      housekeeping.close();
      coordinator.close();
    });
    context.haltOnKill(() -> {
      housekeeping.close();
      coordinator.halt();
    });
    // Credentials are verified by the gate; the channel carries only the caller's own bearer (no service key).
    var gate = Channels.forTarget(context.target("gate"), context.trust().clientFor("gateway").tls()
        .map(ClientSecurity::tls).orElse(ClientSecurity.NONE));
    context.closeOnStop(() -> Channels.close(gate));
    var guarded = GatewaySecurity.wire(blobs,
        Optional.of(new CallerRecords(scans.jdbi(), Clock.systemUTC())), coordinator, gate, Limits.defaults(),
        AuditLog.LOG_ONLY);
    context.guard(guarded.authenticator(), guarded.owners(), guarded.rateLimits());
    return guarded.services();
  }
}
