package dev.bulwark.sast.secrets.verify;

import dev.bulwark.sast.secrets.SecretRule;
import dev.bulwark.v1.Confidence;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.Severity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Verification for one scan: each distinct credential is asked about once, within the scan's
 * budget and the scanner's request rate, with one request and no retry (a retry could lock an
 * account or trip the provider's abuse detection).
 */
public final class VerificationSession {
  private static final Pattern IDENTITY = Pattern.compile(
      "\"(?:login|username|user|name|email)\"\\s*:\\s*\"([^\"]{1,80})\"|<Arn>([^<]{1,200})</Arn>");
  private static final Pattern OK_FALSE = Pattern.compile("\"ok\"\\s*:\\s*false");
  private static final Pattern OK_TRUE = Pattern.compile("\"ok\"\\s*:\\s*true");

  private final SecretVerification verification;
  private final Map<String, Liveness> asked = new HashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  VerificationSession(SecretVerification verification) {
    this.verification = verification;
  }

  /** A credential a rule found, with the other credentials of the same file (an AWS key id's secret). */
  public record Candidate(SecretRule rule, String secret, int line) {}

  /** How many requests this scan sent. */
  public int requests() {
    return requests.get();
  }

  /** What the provider says about the candidate; empty when its rule has no probe. */
  public synchronized Optional<Liveness> verify(Candidate c, List<Candidate> sameFile) {
    if (c.rule().verifier().isEmpty()) {
      return Optional.empty();
    }
    var probe = verification.probe(c.rule().verifier());
    if (probe.isEmpty()) {
      return Optional.of(new Liveness.Unknown("no probe named " + c.rule().verifier()));
    }
    var base = verification.settings().base(probe.get().name(), probe.get().publicBase());
    if (base.isEmpty()) {
      return Optional.of(new Liveness.Unknown("the " + probe.get().name() + " probe is turned off in this scanner's settings"));
    }
    String[] credential = credential(probe.get(), c, sameFile);
    if (credential == null) {
      return Optional.of(new Liveness.Unknown("an AWS access key id and its secret key are verified together,"
          + " and this file holds only one of them"));
    }
    String key = probe.get().name() + "\u0000" + String.join("\u0000", credential);
    Liveness known = asked.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    if (requests.get() >= verification.settings().maxPerScan()) {
      return Optional.of(new Liveness.Unknown("this scan's limit of " + verification.settings().maxPerScan()
          + " verifications was reached"));
    }
    Liveness answer = ask(probe.get(), base.get(), credential);
    asked.put(key, answer);
    return Optional.of(answer);
  }

  /** The credential to send: the secret, or for AWS the key id and the secret key (nearest in the file). */
  private static String[] credential(Probe probe, Candidate c, List<Candidate> sameFile) {
    if (!(probe instanceof Probe.AwsSts)) {
      return new String[] {c.secret()};
    }
    boolean isKeyId = c.secret().length() == 20;
    return sameFile.stream()
        .filter(o -> o.rule().verifier().equals(probe.name()) && (o.secret().length() == 20) != isKeyId)
        .min((a, b) -> Integer.compare(Math.abs(a.line() - c.line()), Math.abs(b.line() - c.line())))
        .map(o -> isKeyId ? new String[] {c.secret(), o.secret()} : new String[] {o.secret(), c.secret()})
        .orElse(null);
  }

  private Liveness ask(Probe probe, URI base, String[] credential) {
    HttpRequest request;
    String endpoint;
    if (probe instanceof Probe.Http http) {
      endpoint = base + http.path().replace("{secret}", "…");
      var b = HttpRequest.newBuilder(URI.create(base + http.path().replace("{secret}", credential[0])))
          .timeout(verification.settings().timeout()).header("User-Agent", "bulwark-secret-verification");
      if (!http.header().isEmpty()) {
        b.header(http.header(), http.scheme().equals("basic")
            ? "Basic " + Base64.getEncoder().encodeToString((credential[0] + ":").getBytes(StandardCharsets.UTF_8))
            : http.scheme().replace("{secret}", credential[0]));
      }
      request = (http.method().equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET()).build();
    } else {
      var sts = (Probe.AwsSts) probe;
      URI uri = URI.create(base + "/");
      endpoint = uri + " (GetCallerIdentity)";
      String body = "Action=GetCallerIdentity&Version=2011-06-15";
      var signed = SigV4.sign(uri, body, credential[0], credential[1], sts.region(), "sts",
          verification.clock().instant());
      request = HttpRequest.newBuilder(uri).timeout(verification.settings().timeout())
          .header("Content-Type", SigV4.CONTENT_TYPE).header("X-Amz-Date", signed.amzDate())
          .header("Authorization", signed.authorization()).header("User-Agent", "bulwark-secret-verification")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
    try {
      verification.awaitSlot();
      requests.incrementAndGet();
      HttpResponse<String> response = verification.http().send(request, HttpResponse.BodyHandlers.ofString());
      return judge(probe, endpoint, response.statusCode(), response.body(), verification.clock().instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Liveness.Unknown("interrupted");
    } catch (IOException e) {
      return new Liveness.Unknown("the provider did not answer (" + endpoint + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()) + "); not retried");
    }
  }

  static Liveness judge(Probe probe, String endpoint, int status, String body, Instant at) {
    String text = body == null ? "" : body;
    if (status == 429) {
      return new Liveness.Unknown("the provider is rate-limiting (HTTP 429); not retried");
    }
    Integer s = status;
    if (probe instanceof Probe.Http http) {
      if (http.live().contains(s) && (http.okFlag().isEmpty() || OK_TRUE.matcher(text).find())) {
        return new Liveness.Live(at, endpoint, identity(text));
      }
      if (http.rejected().contains(s) || (!http.okFlag().isEmpty() && OK_FALSE.matcher(text).find())) {
        return new Liveness.Rejected(at, endpoint, status);
      }
    } else if (status == 200) {
      return new Liveness.Live(at, endpoint, identity(text));
    } else if (status == 403 || status == 401) {
      return new Liveness.Rejected(at, endpoint, status);
    }
    return new Liveness.Unknown("unexpected answer from " + endpoint + " (HTTP " + status + ")");
  }

  private static String identity(String body) {
    var m = IDENTITY.matcher(body);
    if (!m.find()) {
      return "";
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** The finding with what the provider said: live credentials are CRITICAL. */
  public static Finding apply(Finding f, Liveness l) {
    var b = f.toBuilder();
    if (l instanceof Liveness.Live live) {
      b.setSeverity(Severity.CRITICAL).setConfidence(Confidence.CONFIDENCE_HIGH)
          .setTitle(f.getTitle() + " (verified active)")
          .setDescription(f.getDescription() + " Verified active at " + live.at() + ": " + live.endpoint()
              + " accepted it" + (live.identity().isEmpty() ? "" : " as " + live.identity()) + ".");
    } else if (l instanceof Liveness.Rejected r) {
      b.setDescription(f.getDescription() + " Checked at " + r.at() + ": " + r.endpoint() + " rejected it (HTTP "
          + r.status() + "), so it is probably revoked or invalid; remove it all the same.");
    } else if (l instanceof Liveness.Unknown u) {
      b.setDescription(f.getDescription() + " Liveness not verified: " + u.why() + ".");
    }
    return b.build();
  }
}
