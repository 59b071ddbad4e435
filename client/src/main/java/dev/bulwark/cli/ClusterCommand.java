package dev.bulwark.cli;

import dev.bulwark.cli.cluster.EmbeddedCluster;
import java.util.LinkedHashMap;
import java.util.Locale;
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
  private final CliEnvironment env;

  @Option(names = "--port-base", paramLabel = "N", defaultValue = "7070",
      description = "Gateway port; sast, sca, container and gate take the next four (default: ${DEFAULT-VALUE}).")
  int portBase;

  @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for remote clients).")
  String bindHost;

  @Option(names = "--advisories", paramLabel = "DIR", description = "OSV advisories (default: $BULWARK_ADVISORIES).")
  java.nio.file.Path advisories;

  ClusterCommand(CliEnvironment env) {
    this.env = env;
  }

  /** Service options taken from the environment (e.g. BULWARK_TRIVY → "trivy"). */
  static Map<String, String> options(CliEnvironment env) {
    var options = new LinkedHashMap<String, String>();
    Optional.ofNullable(env.env().get("BULWARK_TRIVY")).ifPresent(t -> options.put("trivy", t));
    // Secret verification in the embedded scanner: BULWARK_SECRET_VERIFICATION=off turns it off for good,
    // BULWARK_VERIFY_ENDPOINT_<PROBE>=<url> points a provider probe elsewhere (an enterprise instance).
    Optional.ofNullable(env.env().get("BULWARK_SECRET_VERIFICATION")).ifPresent(v -> options.put("secret-verification", v));
    env.env().forEach((k, v) -> {
      if (k.startsWith("BULWARK_VERIFY_ENDPOINT_")) {
        options.put("verify-endpoint." + k.substring("BULWARK_VERIFY_ENDPOINT_".length()).toLowerCase(Locale.ROOT), v);
      }
    });
    return options;
  }

  @Override
  public Integer call() throws Exception {
    if (portBase < 1 || portBase > 65535 - 4) {
      throw new UserError("--port-base must be between 1 and 65531");
    }
    var advisoryDir = Optional.ofNullable(advisories).or(() -> Optional.ofNullable(env.env().get("BULWARK_ADVISORIES"))
        .filter(s -> !s.isBlank()).map(java.nio.file.Path::of));
    EmbeddedCluster cluster;
    try {
      cluster = env.clusters().get().requireComplete()
          .start(new EmbeddedCluster.Settings(env.home(), advisoryDir, options(env), portBase, bindHost));
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
    // Ctrl-C runs the hook (the JVM is going down); an interrupt (tests, embedding) ends the wait.
    var hook = new Thread(cluster::close, "bulwark-cluster-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    cluster.targets().forEach((name, target) -> env.err().println("bulwark cluster: " + name + " on " + target));
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
