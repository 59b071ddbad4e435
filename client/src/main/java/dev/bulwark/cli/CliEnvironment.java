package dev.bulwark.cli;

import dev.bulwark.cli.cluster.EmbeddedCluster;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the commands see of the outside world, so tests can run them in-process.
 *
 * @param out         results
 * @param err         errors and progress
 * @param interactive whether stderr is a terminal (progress is shown only then)
 * @param env         environment variables
 * @param clusters    makes the embedded cluster used when no --gateway is given
 * @param in          standard input
 */
public record CliEnvironment(PrintStream out, PrintStream err, boolean interactive, Map<String, String> env,
    Supplier<EmbeddedCluster> clusters, InputStream in) {

  public CliEnvironment(PrintStream out, PrintStream err, boolean interactive, Map<String, String> env,
      Supplier<EmbeddedCluster> clusters) {
    this(out, err, interactive, env, clusters, System.in);
  }

  public static CliEnvironment system() {
    return new CliEnvironment(System.out, System.err, System.console() != null, System.getenv(),
        EmbeddedCluster::fromClasspath);
  }

  /** {@code $BULWARK_HOME}, default {@code ~/.bulwark}. */
  public Path home() {
    return Optional.ofNullable(env.get("BULWARK_HOME")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(Path.of(System.getProperty("user.home"), ".bulwark"));
  }

  public void progress(String line) {
    if (interactive) {
      err.println("bulwark: " + line);
    }
  }
}
