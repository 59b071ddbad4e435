package dev.bulwark.gateway.auth;

import dev.bulwark.common.auth.BearerCredentials;
import dev.bulwark.common.cas.Digests;
import dev.bulwark.server.auth.Authenticator;
import dev.bulwark.server.auth.Principal;
import dev.bulwark.v1.AuthGrpc;
import dev.bulwark.v1.WhoAmIRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's way of verifying a bearer credential: it asks the gate, which keeps the tokens
 * and knows the OIDC issuers, "who is this?" ({@code Auth.WhoAmI}, forwarding the credential
 * over the gateway's mutual-TLS channel), and remembers the answer for a short while. So a
 * revoked token stops working at the gateway within {@code ttl}; data only flows gateway → gate.
 * The cache is keyed by the credential's SHA-256, never the credential itself.
 */
public final class GateTokenVerifier implements Authenticator {
  /** Most credentials remembered at once. */
  static final int MAX_ENTRIES = 10_000;
  /** How long a refusal is remembered (a burst of calls with a bad token asks the gate once). */
  static final Duration NEGATIVE_TTL = Duration.ofSeconds(5);

  private record Entry(Result result, Instant until) {}

  private final Channel gate;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  public GateTokenVerifier(Channel gate, Duration ttl, Clock clock) {
    this.gate = gate;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public Result authenticate(String bearer) {
    String key = Digests.sha256Hex(bearer);
    Instant now = clock.instant();
    synchronized (cache) {
      Entry e = cache.get(key);
      if (e != null && now.isBefore(e.until())) {
        return e.result();
      }
    }
    Result result = ask(bearer);
    Instant until = now.plus(result instanceof Result.Valid ? ttl : NEGATIVE_TTL);
    if (result instanceof Result.Valid v && v.principal().expires().isPresent()
        && v.principal().expires().get().isBefore(until)) {
      until = v.principal().expires().get();
    }
    synchronized (cache) {
      cache.put(key, new Entry(result, until));
    }
    return result;
  }

  private Result ask(String bearer) {
    try {
      var identity = AuthGrpc.newBlockingStub(gate).withCallCredentials(BearerCredentials.of(bearer))
          .withDeadlineAfter(10, TimeUnit.SECONDS).whoAmI(WhoAmIRequest.getDefaultInstance());
      return Authenticator.valid(Principal.fromProto(identity));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
        return Authenticator.invalid(e.getStatus().getDescription());
      }
      throw new IllegalStateException("the gate cannot verify credentials: " + e.getStatus().getCode()
          + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription()), e);
    }
  }
}
