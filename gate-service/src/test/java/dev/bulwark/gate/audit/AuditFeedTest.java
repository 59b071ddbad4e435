package dev.bulwark.gate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.gate.db.H2Files;
import dev.bulwark.gate.db.JdbiDecisionStore;
import dev.bulwark.gate.decision.Gate;
import dev.bulwark.advisories.intel.ExploitIntel;
import dev.bulwark.gate.testing.Findings;
import dev.bulwark.v1.Verdict;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the audit feed: one JSON line per decision, to a file and to a webhook")
class AuditFeedTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;
  JdbcConnectionPool pool;
  HttpServer http;

  @BeforeEach
  void setUp() {
    pool = H2Files.pool(dir.resolve("db"));
  }

  @AfterEach
  void tearDown() {
    pool.dispose();
    if (http != null) {
      http.stop(0);
    }
  }

  private Gate gate(AuditSink sink) {
    return new Gate(JdbiDecisionStore.migrated(pool),
        Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC), ExploitIntel.empty(), sink);
  }

  @Test
  @DisplayName("the file sink appends one complete JSON line per decision, the override included")
  void fileSink() throws Exception {
    Path file = dir.resolve("audit/decisions.jsonl");
    var gate = gate(new FileAuditSink(file));
    gate.evaluate(Findings.request("s1", "shop", List.of(Findings.LOG4SHELL), ""));
    gate.evaluate(Findings.request("s2", "shop", List.of(), ""));
    gate.override("s1", "emergency INC-9", "carol@acme");

    var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.fieldNames()).toIterable().containsExactly("scan_id", "project", "branch", "commit", "verdict",
        "risk", "reasons", "policy_version", "policies", "scanner_statuses", "inputs_digest", "requested_by", "time", "overridden",
        "override_justification", "override_identity");
    assertThat(first.get("scan_id").asText()).isEqualTo("s1");
    assertThat(first.get("project").asText()).isEqualTo("shop");
    assertThat(first.get("branch").asText()).isEqualTo("main");
    assertThat(first.get("commit").asText()).isEqualTo("abc123");
    assertThat(first.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(first.get("risk").asInt()).isEqualTo(100);
    assertThat(first.get("reasons").get(0).asText()).contains("GHSA-jfh8-c2jp-5v3q");
    assertThat(first.get("scanner_statuses").get("sca").asText()).isEqualTo("OK");
    assertThat(first.get("policies").get(0).get("layer").asText()).isEqualTo("default");
    assertThat(first.get("policies").get(0).get("version").asText()).isEqualTo(first.get("policy_version").asText());
    assertThat(first.get("inputs_digest").asText()).hasSize(64);
    assertThat(first.get("requested_by").asText()).isEqualTo("ci:job-42");
    assertThat(first.get("time").asText()).isEqualTo("2026-06-01T10:00:00Z");
    JsonNode override = JSON.readTree(lines.get(2));
    assertThat(override.get("verdict").asText()).isEqualTo("PASS");
    assertThat(override.get("overridden").asBoolean()).isTrue();
    assertThat(override.get("override_identity").asText()).isEqualTo("carol@acme");
    assertThat(override.get("inputs_digest").asText()).isEqualTo(first.get("inputs_digest").asText());
  }

  @Test
  @DisplayName("the webhook gets each decision as a POST; a failed attempt (HTTP 503) is retried")
  void webhookRetries() throws Exception {
    var bodies = new LinkedBlockingQueue<String>();
    var attempts = new AtomicInteger();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/audit", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int n = attempts.incrementAndGet();
      if (n > 1) {
        bodies.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " " + body);
      }
      ex.sendResponseHeaders(n == 1 ? 503 : 204, -1);
      ex.close();
    });
    http.start();
    var sink = new WebhookAuditSink(URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/audit"), 3,
        Duration.ofMillis(50), Duration.ofSeconds(5));
    var result = gate(sink).evaluate(Findings.request("s1", "shop", List.of(Findings.LOG4SHELL), ""));
    assertThat(result.decision().getVerdict()).isEqualTo(Verdict.FAIL);

    String delivered = bodies.poll(20, TimeUnit.SECONDS);
    assertThat(delivered).startsWith("POST application/json {");
    JsonNode json = JSON.readTree(delivered.substring(delivered.indexOf('{')));
    assertThat(json.get("scan_id").asText()).isEqualTo("s1");
    assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(attempts.get()).isEqualTo(2);
    sink.close();
    assertThat(sink.inFlight()).isZero();
  }

  @Test
  @DisplayName("a hanging or unreachable webhook never blocks nor fails the decision; retries are bounded")
  void webhookNeverBlocks() throws Exception {
    var release = new CountDownLatch(1);
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    http.createContext("/slow", ex -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    http.start();
    int closedPort;
    try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    var unreachable = new WebhookAuditSink(URI.create("http://127.0.0.1:" + closedPort + "/audit"), 2,
        Duration.ofMillis(20), Duration.ofSeconds(2));
    var hanging = new WebhookAuditSink(URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/slow"), 1,
        Duration.ofMillis(20), Duration.ofSeconds(20));
    var gate = gate(AuditSink.all(List.of(hanging, unreachable)));
    // Were emit blocking, this would wait for the latch (never released in time) and time out.
    var result = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> gate.evaluate(Findings.request("s1", "shop", List.of(Findings.LOG4SHELL), "")));
    assertThat(result.decision().getVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(gate.listDecisions("shop", 10)).hasSize(1);
    release.countDown();
    unreachable.close();
    hanging.close();
    assertThat(unreachable.inFlight()).as("gave up after its attempts").isZero();
    assertThat(hanging.inFlight()).isZero();
  }
}
