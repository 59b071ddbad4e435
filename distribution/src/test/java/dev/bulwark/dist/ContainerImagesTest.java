package dev.bulwark.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.common.testing.SharedFixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container images Jib builds ({@code ./mvnw -Pimages package}, as {@code ./run-tests} does),
 * run as a container runtime would run them: each unpacked, chrooted, as the image's own user,
 * with its own entrypoint and configuration. The five service images form a cluster on loopback
 * and the CLI image scans a tree through it. Needs root (chroot, bind mounts), as in CI.
 */
@DisplayName("the container images run: five service images form a cluster, the CLI image scans through it")
class ContainerImagesTest {
  static final List<String> SERVICES = List.of("gate-service", "scanner-sast", "scanner-sca", "scanner-container",
      "gateway");

  @TempDir
  static Path tmp;
  static final Map<String, ImageRoot> images = new LinkedHashMap<>();
  static final List<Process> running = new ArrayList<>();
  static final Map<String, Integer> grpcPorts = new LinkedHashMap<>();

  @BeforeAll
  static void startTheServiceImages() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot needs root (CI runs as root)");
    Path repo = SharedFixtures.repoRoot();
    assumeTrue(Files.isRegularFile(repo.resolve("client/target/client-image.tar")),
        "images not built: ./mvnw -Pimages package (./run-tests builds them)");
    for (String module : SERVICES) {
      images.put(module, ImageRoot.unpack(repo.resolve(module + "/target/" + module + "-image.tar"),
          tmp.resolve(module)));
      grpcPorts.put(module, freePort());
    }
    images.put("client", ImageRoot.unpack(repo.resolve("client/target/client-image.tar"), tmp.resolve("client")));

    // The advisories go into the sca image's writable data folder, as a volume would bring them.
    Path osvInImage = images.get("scanner-sca").root().resolve("var/lib/bulwark/osv");
    ImageRoot.exec(List.of("cp", "-r", SharedFixtures.osv().toString(), osvInImage.toString()));
    ImageRoot.exec(List.of("chmod", "-R", "a+rX", osvInImage.toString()));

    String gateway = "127.0.0.1:" + grpcPorts.get("gateway");
    start("gate-service", Map.of("BULWARK_GATE_GRPC_PORT", port("gate-service"),
        "BULWARK_GATE_HTTP_PORT", free(), "BULWARK_GATE_ADMIN_PORT", free()));
    start("scanner-sast", Map.of("BULWARK_SAST_GRPC_PORT", port("scanner-sast"), "BULWARK_SAST_HTTP_PORT", free(),
        "BULWARK_SAST_ADMIN_PORT", free(), "BULWARK_CONTENT_STORE", gateway));
    start("scanner-sca", Map.of("BULWARK_SCA_GRPC_PORT", port("scanner-sca"), "BULWARK_SCA_HTTP_PORT", free(),
        "BULWARK_SCA_ADMIN_PORT", free(), "BULWARK_CONTENT_STORE", gateway,
        "BULWARK_ADVISORIES", "/var/lib/bulwark/osv", "BULWARK_SCA_DATA_DIR", "/var/lib/bulwark/sca"));
    start("scanner-container", Map.of("BULWARK_CONTAINER_GRPC_PORT", port("scanner-container"),
        "BULWARK_CONTAINER_HTTP_PORT", free(), "BULWARK_CONTAINER_ADMIN_PORT", free(),
        "BULWARK_CONTENT_STORE", gateway));
    start("gateway", Map.of("BULWARK_GATEWAY_GRPC_PORT", port("gateway"), "BULWARK_GATEWAY_HTTP_PORT", free(),
        "BULWARK_GATEWAY_ADMIN_PORT", free(), "BULWARK_GATEWAY_ADVERTISE", gateway,
        "BULWARK_GATE", "127.0.0.1:" + port("gate-service"),
        "BULWARK_SCANNER_SAST", "127.0.0.1:" + port("scanner-sast"),
        "BULWARK_SCANNER_SCA", "127.0.0.1:" + port("scanner-sca"),
        "BULWARK_SCANNER_CONTAINER", "127.0.0.1:" + port("scanner-container")));
    for (String module : SERVICES) {
      awaitListening(module, grpcPorts.get(module));
    }
  }

  @AfterAll
  static void stopEverything() throws Exception {
    for (Process p : running) {
      p.destroy();
    }
    for (Process p : running) {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
    for (ImageRoot image : images.values()) {
      image.close();
    }
  }

  @Test
  @DisplayName("every image runs as the unprivileged user 10001 with no shell and only its own runtime")
  void imagesAreMinimalAndUnprivileged() {
    for (var e : images.entrySet()) {
      ImageRoot image = e.getValue();
      assertThat(image.user()).as(e.getKey()).isEqualTo("10001:10001");
      assertThat(image.entrypoint().get(0)).as(e.getKey()).isEqualTo("/opt/bulwark/runtime/bin/java");
      assertThat(image.root().resolve("bin/sh")).as(e.getKey() + " has no shell").doesNotExist();
      assertThat(image.root().resolve("usr/bin")).as(e.getKey() + " has no package manager").doesNotExist();
    }
  }

  @Test
  @DisplayName("the CLI image scans a tree through the service images: findings of all three scanners and FAIL")
  void theCliImageScansThroughTheServiceImages() throws Exception {
    ImageRoot cli = images.get("client");
    Path src = cli.root().resolve("src");
    Files.copy(SharedFixtures.vulnerableApp().resolve("Dockerfile"), src.resolve("Dockerfile"));
    Files.copy(SharedFixtures.vulnerableApp().resolve("scripts/requirements.txt"), src.resolve("requirements.txt"));
    Path javaFile = SharedFixtures.vulnerableApp().resolve("src/main/java");
    try (var files = Files.walk(javaFile)) {
      Path first = files.filter(p -> p.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
      Files.copy(first, src.resolve(first.getFileName()));
    }
    ImageRoot.exec(List.of("chmod", "-R", "a+rX", src.toString()));

    Path log = tmp.resolve("cli.log");
    Path report = cli.root().resolve("tmp/report.json");
    Process p = cli.start(List.of("scan", "/src", "--project", "images", "--gateway",
        "127.0.0.1:" + port("gateway"), "--format", "json", "--output", "/tmp/report.json"), Map.of(), log);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the CLI image finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isEqualTo(1);

    JsonNode result = new ObjectMapper().readTree(report.toFile());
    assertThat(result.path("decision").asText()).isEqualTo("FAIL");
    Set<String> scanners = new HashSet<>();
    result.path("findings").forEach(f -> scanners.add(f.path("scanner").asText()));
    assertThat(scanners).contains("sast", "sca", "container");
    result.path("scanners").forEach(s -> assertThat(s.path("status").asText()).as(s.toString()).isNotEqualTo("FAILED"));
  }

  static void start(String module, Map<String, String> env) throws IOException {
    // Plain text on one machine without certificates: authentication off, explicitly (the services
    // refuse to start so otherwise). TLS and authentication are tested in AuthMatrixTest and the gateway's tests.
    var insecure = new java.util.HashMap<>(env);
    insecure.put("BULWARK_AUTH", "false");
    insecure.put("BULWARK_INSECURE", "true");
    running.add(images.get(module).start(null, insecure, tmp.resolve(module + ".log")));
  }

  static String port(String module) {
    return String.valueOf(grpcPorts.get(module));
  }

  static String free() throws IOException {
    return String.valueOf(freePort());
  }

  static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void awaitListening(String module, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try (var socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException(module + " image did not listen on " + port + ":\n"
        + Files.readString(tmp.resolve(module + ".log")));
  }
}
