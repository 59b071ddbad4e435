package dev.bulwark.dist.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mirror on loopback, laid out as OSV's bucket ({@code /osv/<Ecosystem>/all.zip}, served from a
 * folder of {@code <Ecosystem>.zip} such as ../shared/osv) with KEV and EPSS feeds beside it
 * ({@code /feeds/kev.json}, {@code /feeds/epss.csv}); it remembers every path asked for.
 */
final class OsvMirror implements AutoCloseable {
  static final String KEV = """
      {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.01",
       "dateReleased": "2026-12-01T00:00:00Z", "count": 3, "vulnerabilities": [
        {"cveID": "CVE-2021-44228", "vendorProject": "Apache", "product": "Log4j2",
         "vulnerabilityName": "Apache Log4j2 Remote Code Execution Vulnerability", "dateAdded": "2021-12-10",
         "shortDescription": "JNDI lookups", "requiredAction": "Apply updates", "dueDate": "2021-12-24",
         "knownRansomwareCampaignUse": "Known", "notes": "", "cwes": ["CWE-502"]},
        {"cveID": "CVE-2021-45046", "vendorProject": "Apache", "product": "Log4j2",
         "vulnerabilityName": "Apache Log4j2 Deserialization of Untrusted Data Vulnerability", "dateAdded": "2023-05-01",
         "shortDescription": "incomplete fix", "requiredAction": "Apply updates", "dueDate": "2023-05-22",
         "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": ["CWE-917"]},
        {"cveID": "CVE-2020-8203", "vendorProject": "lodash", "product": "lodash",
         "vulnerabilityName": "lodash Prototype Pollution", "dateAdded": "2026-01-01",
         "shortDescription": "zipObjectDeep", "requiredAction": "Apply updates", "dueDate": "2026-01-22",
         "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": ["CWE-1321"]}]}
      """;
  static final String EPSS = """
      #model_version:v2025.03.14,score_date:2026-12-01T00:00:00Z
      cve,epss,percentile
      CVE-2021-44228,0.94358,0.99961
      CVE-2021-45046,0.94100,0.99900
      CVE-2020-8203,0.01200,0.80000
      """;

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private OsvMirror(HttpServer server) {
    this.server = server;
  }

  static OsvMirror start(Path osvZips) throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var mirror = new OsvMirror(server);
    server.createContext("/", exchange -> mirror.serve(exchange, osvZips));
    server.start();
    return mirror;
  }

  private void serve(HttpExchange exchange, Path osvZips) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(path);
    byte[] body = null;
    if (path.equals("/feeds/kev.json")) {
      body = KEV.getBytes(StandardCharsets.UTF_8);
    } else if (path.equals("/feeds/epss.csv")) {
      body = EPSS.getBytes(StandardCharsets.UTF_8);
    } else if (path.startsWith("/osv/") && path.endsWith("/all.zip")) {
      Path zip = osvZips.resolve(path.substring(5, path.length() - 8) + ".zip");
      if (Files.isRegularFile(zip)) {
        body = Files.readAllBytes(zip);
      }
    }
    try (exchange) {
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Settings that point a scan at this mirror. */
  Map<String, String> env() {
    return Map.of(FeedSources.OSV_ENV, base() + "/osv", FeedSources.KEV_ENV, base() + "/feeds/kev.json",
        FeedSources.EPSS_ENV, base() + "/feeds/epss.csv");
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  void clear() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
