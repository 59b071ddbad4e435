package dev.bulwark.sca.maven;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Maven repository over loopback HTTP (port 0) serving a folder, as Nexus or Central would:
 * GET and HEAD of files, 404 otherwise; optionally behind Basic authentication. Counts the files served.
 */
final class RepositoryServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger served = new AtomicInteger();

  RepositoryServer(Path root) throws IOException {
    this(root, null);
  }

  /** With {@code credentials} ("user:password"), requests without them get 401. */
  RepositoryServer(Path root, String credentials) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String expected = credentials == null ? null
            : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (expected != null && !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"repo\"");
          exchange.sendResponseHeaders(401, -1);
          return;
        }
        Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] body = Files.readAllBytes(file);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
          exchange.getResponseBody().write(body);
          served.incrementAndGet();
        }
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  int served() {
    return served.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
