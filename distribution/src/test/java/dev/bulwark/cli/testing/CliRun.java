package dev.bulwark.cli.testing;

import dev.bulwark.dist.EmbeddedServices;
import dev.bulwark.dist.BulwarkMain;
import dev.bulwark.cli.CliEnvironment;
import dev.bulwark.cli.Main;
import dev.bulwark.server.embedded.EmbeddedService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with captured stdout/stderr and a temporary BULWARK_HOME. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(Path home, List<EmbeddedService> services, String... args) {
    return withInput(home, services, "", args);
  }

  /** As {@link #run}, with {@code stdin} as standard input. */
  public static CliRun withInput(Path home, List<EmbeddedService> services, String stdin, String... args) {
    return withEnv(home, Map.of(), services, stdin, args);
  }

  /** As {@link #withInput}, with further environment variables besides BULWARK_HOME. */
  public static CliRun withEnv(Path home, Map<String, String> extraEnv, List<EmbeddedService> services, String stdin,
      String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var variables = new java.util.HashMap<>(extraEnv);
    variables.put("BULWARK_HOME", home.toString());
    var env = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, Map.copyOf(variables),
        EmbeddedServices.of(services), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    int code = BulwarkMain.run(env, args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
