package dev.bulwark.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A container image tarball ({@code docker save} layout, as Jib's buildTar writes it) unpacked
 * into a root file system, and its configuration: what a container runtime would run. Processes
 * run in it with {@code chroot} as the image's user, with the host's {@code /proc} and {@code /dev}
 * bound in (as a runtime provides them) and the host's network (loopback).
 */
record ImageRoot(Path root, List<String> entrypoint, List<String> cmd, Map<String, String> env, String user,
    String workingDir) implements AutoCloseable {

  static ImageRoot unpack(Path imageTar, Path into) throws Exception {
    Path layout = Files.createDirectories(into.resolve("layout"));
    Path root = Files.createDirectories(into.resolve("root"));
    exec(List.of("tar", "-C", layout.toString(), "-xf", imageTar.toString()));
    var mapper = new ObjectMapper();
    JsonNode manifest = mapper.readTree(layout.resolve("manifest.json").toFile()).get(0);
    for (JsonNode layer : manifest.get("Layers")) {
      exec(List.of("tar", "--warning=no-unknown-keyword", "-C", root.toString(), "-xzf",
          layout.resolve(layer.asText()).toString()));
    }
    JsonNode config = mapper.readTree(layout.resolve(manifest.get("Config").asText()).toFile()).get("config");
    var env = new LinkedHashMap<String, String>();
    config.path("Env").forEach(e -> {
      String[] kv = e.asText().split("=", 2);
      env.put(kv[0], kv.length > 1 ? kv[1] : "");
    });
    for (String mount : List.of("proc", "dev")) {
      Files.createDirectories(root.resolve(mount));
      exec(List.of("mount", "--bind", "/" + mount, root.resolve(mount).toString()));
    }
    return new ImageRoot(root, strings(config.path("Entrypoint")), strings(config.path("Cmd")), env,
        config.path("User").asText(), config.path("WorkingDir").asText());
  }

  private static List<String> strings(JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /** Starts the image's entrypoint with {@code args} (or its default command) and extra environment. */
  Process start(List<String> args, Map<String, String> extraEnv, Path log) throws IOException {
    // chroot starts in the image's "/", not its working directory: every path given here is absolute
    var command = new ArrayList<>(List.of("/usr/sbin/chroot", "--userspec=" + user, root.toString()));
    command.addAll(entrypoint);
    command.addAll(args == null ? cmd : args);
    var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().putAll(extraEnv);
    return pb.start();
  }

  @Override
  public void close() throws Exception {
    for (String mount : List.of("proc", "dev")) {
      new ProcessBuilder("umount", "-l", root.resolve(mount).toString()).inheritIO().start().waitFor();
    }
  }

  static void exec(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
  }
}
