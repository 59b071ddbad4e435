package dev.bulwark.gate;

import dev.bulwark.server.embedded.EmbeddedContext;
import dev.bulwark.server.embedded.EmbeddedService;
import dev.bulwark.gate.api.GateGrpcService;
import dev.bulwark.gate.audit.AuditSink;
import dev.bulwark.gate.intel.ExploitIntel;
import dev.bulwark.gate.intel.IntelSource;
import dev.bulwark.gate.core.Gate;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.EvaluationReplies;
import dev.bulwark.gate.db.JdbiDecisionStore;
import io.grpc.BindableService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

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

  @Override
  public String name() {
    return "gate";
  }

  @Override
  public int startOrder() {
    return 20;
  }

  @Override
  public List<BindableService> create(EmbeddedContext context) {
    var pool = H2Files.pool(context.home().resolve("gate"));
    context.closeOnStop(pool::dispose);
    var jdbi = Jdbi.create(pool);
    var store = JdbiDecisionStore.migrated(jdbi);
    var audit = AuditSink.configured(context.option(AUDIT_FILE).orElse(""), context.option(AUDIT_WEBHOOK).orElse(""));
    context.closeOnStop(audit);
    var gate = new Gate(store, Clock.systemUTC(), intel(context.home().resolve("intel")), audit);
    return List.of(new GateGrpcService(gate, Optional.of(new EvaluationReplies(jdbi))));
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
