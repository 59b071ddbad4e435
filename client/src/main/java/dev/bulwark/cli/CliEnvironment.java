package dev.bulwark.cli;

import dev.bulwark.cli.local.LocalServices;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands see of the outside world, so tests can run them in-process.
 *
 * @param out         results
 * @param err         errors and progress
 * @param interactive whether stderr is a terminal (progress is shown only then)
 * @param env         environment variables
 * @param local       the services this process can run itself ({@link LocalServices#NONE} in the
 *                    thin client; the embedded cluster in the full distribution)
 * @param in          standard input
 */
public record CliEnvironment(PrintStream out, PrintStream err, boolean interactive, Map<String, String> env,
    LocalServices local, InputStream in) {

  public CliEnvironment(PrintStream out, PrintStream err, boolean interactive, Map<String, String> env,
      LocalServices local) {
    this(out, err, interactive, env, local, System.in);
  }

  /** The process's own streams and environment, with these local services. */
  public static CliEnvironment system(LocalServices local) {
    return new CliEnvironment(System.out, System.err, System.console() != null, System.getenv(), local);
  }

  /** {@code $BULWARK_HOME}, default {@code ~/.bulwark}. */
  public Path home() {
    return Optional.ofNullable(env.get("BULWARK_HOME")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(Path.of(System.getProperty("user.home"), ".bulwark"));
  }

  /** Settings for local services taken from the environment (e.g. BULWARK_TRIVY → "trivy"). */
  public Map<String, String> serviceOptions() {
    var options = new LinkedHashMap<String, String>();
    Optional.ofNullable(env.get("BULWARK_TRIVY")).ifPresent(t -> options.put("trivy", t));
    // Secret verification in the local scanner: BULWARK_SECRET_VERIFICATION=off turns it off for good,
    // BULWARK_VERIFY_ENDPOINT_<PROBE>=<url> points a provider probe elsewhere (an enterprise instance).
    Optional.ofNullable(env.get("BULWARK_SECRET_VERIFICATION")).ifPresent(v -> options.put("secret-verification", v));
    env.forEach((k, v) -> {
      if (k.startsWith("BULWARK_VERIFY_ENDPOINT_")) {
        options.put("verify-endpoint." + k.substring("BULWARK_VERIFY_ENDPOINT_".length()).toLowerCase(Locale.ROOT), v);
      }
    });
    return options;
  }

  public void progress(String line) {
    if (interactive) {
      err.println("bulwark: " + line);
    }
  }
}
