package dev.bulwark.sast.secrets.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Loopback stand-ins for providers' identity endpoints: GitHub {@code /user}, Slack
 * {@code auth.test}, AWS STS GetCallerIdentity (which checks the SigV4 signature with the secret
 * it knows), and a {@code /slow} path that answers after two seconds. Every request is recorded.
 */
public final class FakeProviders implements AutoCloseable {
  public static final String AWS_ACCOUNT_ARN = "arn:aws:iam::123456789012:user/ci-deployer";
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");

  private final HttpServer server;
  private final Map<String, String> liveTokens;
  private final Map<String, String> awsKeys;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /**
   * @param liveTokens token → login of the account it belongs to; any other token is revoked
   * @param awsKeys    AWS key id → its secret access key
   */
  public FakeProviders(Map<String, String> liveTokens, Map<String, String> awsKeys) throws IOException {
    this.liveTokens = liveTokens;
    this.awsKeys = awsKeys;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/github/user", this::github);
    server.createContext("/slack/api/auth.test", this::slack);
    server.createContext("/sts/", this::sts);
    server.createContext("/slow/user", ex -> {
      record(ex);
      sleep(2000);
      send(ex, 200, "{\"login\":\"late\"}");
    });
    server.start();
  }

  /** The base URL of one fake provider ("github", "slack", "sts", "slow"). */
  public String base(String provider) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + provider;
  }

  /** The requests received, as "METHOD path". */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** A loopback address where nothing listens. */
  public static String unreachable() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  private void github(HttpExchange ex) throws IOException {
    record(ex);
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    String login = auth.startsWith("token ") ? liveTokens.get(auth.substring(6)) : null;
    send(ex, login == null ? 401 : 200, login == null ? "{\"message\":\"Bad credentials\"}" : "{\"login\":\"" + login + "\"}");
  }

  private void slack(HttpExchange ex) throws IOException {
    record(ex);
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    String user = auth.startsWith("Bearer ") ? liveTokens.get(auth.substring(7)) : null;
    send(ex, 200, user == null ? "{\"ok\":false,\"error\":\"invalid_auth\"}" : "{\"ok\":true,\"user\":\"" + user + "\"}");
  }

  private void sts(HttpExchange ex) throws IOException {
    record(ex);
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    String date = String.valueOf(ex.getRequestHeaders().getFirst("X-Amz-Date"));
    var m = CREDENTIAL.matcher(auth);
    String keyId = m.find() ? m.group(1) : "";
    String secret = awsKeys.get(keyId);
    if (secret == null) {
      send(ex, 403, "<ErrorResponse><Error><Code>InvalidClientTokenId</Code></Error></ErrorResponse>");
      return;
    }
    var at = java.time.LocalDateTime.parse(date, java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
        .toInstant(java.time.ZoneOffset.UTC);
    var uri = URI.create("http://" + ex.getRequestHeaders().getFirst("Host") + ex.getRequestURI().getPath());
    var expected = SigV4.sign(uri, body, keyId, secret, "us-east-1", "sts", at);
    if (!expected.authorization().equals(auth) || !body.contains("Action=GetCallerIdentity")) {
      send(ex, 403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>");
      return;
    }
    send(ex, 200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>" + AWS_ACCOUNT_ARN
        + "</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>");
  }

  private void record(HttpExchange ex) {
    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // the client gave up (timeout test)
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** For tests that pin the verification time. */
  public static Instant fixedTime() {
    return Instant.parse("2026-03-01T09:30:00Z");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
