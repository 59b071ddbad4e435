package dev.bulwark.dist;

import dev.bulwark.cli.CliEnvironment;
import dev.bulwark.cli.Main;
import dev.bulwark.cli.UserError;
import dev.bulwark.cli.local.LocalCluster;
import dev.bulwark.common.auth.LocalAdminToken;
import dev.bulwark.server.grpc.SecureDefaults;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark cluster}: all five services in this process, on fixed ports, until interrupted. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "Run the gateway, the three scanners and the gate in the foreground until interrupted.")
final class ClusterCommand implements Callable<Integer> {
  /**
   * The gate's option that starts its dashboard ({@code host:port}): {@code GateEmbeddedService.DASHBOARD}
   * (the services are found at run time, so the name is repeated here; EmbeddedClusterTest checks it).
   */
  static final String DASHBOARD_OPTION = "gate.dashboard";
  /** The dashboard's port relative to the port base. */
  static final int DASHBOARD_OFFSET = 5;
  private final CliEnvironment env;

  @Option(names = "--port-base", paramLabel = "N", defaultValue = "7070",
      description = "Gateway port; sast, sca, container and gate take the next four, the gate's dashboard (HTTP) "
          + "the fifth (default: ${DEFAULT-VALUE}).")
  int portBase;

  @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for remote clients).")
  String bindHost;

  @Option(names = "--advisories", paramLabel = "DIR", description = "OSV advisories (default: $BULWARK_ADVISORIES).")
  java.nio.file.Path advisories;

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "Certificate chain (PEM) to serve TLS with; required with a --bind beyond loopback.")
  java.nio.file.Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "Private key (PEM, PKCS#8) of --tls-cert.")
  java.nio.file.Path tlsKey;

  @Option(names = "--insecure",
      description = "Allow a --bind beyond loopback without TLS (warned about on every start; never in production).")
  boolean insecure;

  ClusterCommand(CliEnvironment env) {
    this.env = env;
  }

  /** The services' options, with the gate's dashboard on the port after the gate's. */
  private Map<String, String> options() {
    var options = new LinkedHashMap<>(env.serviceOptions());
    options.put(DASHBOARD_OPTION, bindHost + ":" + (portBase + DASHBOARD_OFFSET));
    return options;
  }

  @Override
  public Integer call() throws Exception {
    if (portBase < 1 || portBase > 65535 - DASHBOARD_OFFSET) {
      throw new UserError("--port-base must be between 1 and " + (65535 - DASHBOARD_OFFSET));
    }
    var advisoryDir = Optional.ofNullable(advisories).or(() -> Optional.ofNullable(env.env().get("BULWARK_ADVISORIES"))
        .filter(s -> !s.isBlank()).map(java.nio.file.Path::of));
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new UserError("--tls-cert and --tls-key go together");
    }
    var security = new LocalCluster.Security(true, Optional.ofNullable(tlsCert), Optional.ofNullable(tlsKey), insecure);
    if (insecure && !SecureDefaults.isLoopback(bindHost)) {
      env.err().println("bulwark cluster: WARNING: --insecure: listening on " + bindHost
          + (tlsCert == null ? " without TLS: credentials and results cross the network in plain text" : ""));
    }
    LocalCluster cluster;
    try {
      cluster = env.local().cluster().start(new LocalCluster.Settings(env.home(), advisoryDir, options(),
          portBase, bindHost, security));
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    // Ctrl-C runs the hook (the JVM is going down); an interrupt (tests, embedding) ends the wait.
    var hook = new Thread(cluster::close, "bulwark-cluster-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    cluster.targets().forEach((name, target) -> env.err().println("bulwark cluster: " + name + " on " + target));
    if (LocalAdminToken.read(env.home()).isPresent()) {
      env.err().println("bulwark cluster: clients authenticate with the admin token in "
          + LocalAdminToken.path(env.home()) + " (--token, or BULWARK_TOKEN; `bulwark token create` issues others)");
    }
    cluster.links().forEach((name, url) -> env.err().println("bulwark cluster: " + name + " at " + url));
    env.err().println("bulwark cluster: running; press Ctrl-C to stop");
    boolean interrupted = false;
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is already closing the cluster
      }
      cluster.close(); // a graceful stop: the interrupt flag is restored only afterwards
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return Main.PASS;
  }
}
